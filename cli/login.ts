import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { type AccessOptions, callServer, errorMessage, UsageError } from './access';
import { loginFile, readLogin, removeLogin, writeLogin } from './credentials';
import { EXIT } from './exit-codes';

/** Reads the token from standard input: a prompt on a terminal (not echoed), else the first line. */
async function readToken(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  const lines = createInterface({
    input: process.stdin,
    output: terminal ? process.stderr : undefined,
    terminal,
  });
  if (terminal) {
    process.stderr.write('API token (Settings > API tokens): ');
    // Echo nothing of what is typed.
    (lines as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  try {
    for await (const line of lines) return line.trim();
    return '';
  } finally {
    lines.close();
    if (terminal) process.stderr.write('\n');
  }
}

/**
 * Runs `tandem login`: checks the token against the server (`GET /api/v1/auth/me`) and stores
 * both for the other commands. 0 stored; 1 the server refused the token; 2 bad usage or an
 * unreachable server.
 */
export async function runLogin(
  options: { server: string; token?: string | undefined },
  out: (text: string) => void,
  readSecret: () => Promise<string> = readToken,
): Promise<number> {
  try {
    let server: URL;
    try {
      server = new URL(options.server);
    } catch {
      throw new UsageError(`--server: "${options.server}" is not a URL such as https://goals.example.com`);
    }
    const token = options.token ?? (process.env.TANDEM_TOKEN || (await readSecret()));
    if (!token) throw new UsageError('no token: --token tdm_pat_..., TANDEM_TOKEN, or type it when asked');
    const access: AccessOptions = { server: server.origin, token };
    const { status, text } = await callServer(access, 'GET', '/api/v1/auth/me');
    if (status === 401) {
      console.error(
        `tandem login: ${server.origin} refused the token: ${errorMessage(text)}; nothing was stored`,
      );
      return EXIT.problems;
    }
    if (status !== 200) throw new UsageError(`${server.origin} answered ${status}: ${errorMessage(text)}`);
    const me = JSON.parse(text) as { person: { email: string }; workspace: { name: string } };
    const file = writeLogin({
      server: server.origin,
      token,
      email: me.person.email,
      workspace: me.workspace.name,
    });
    out(`logged in to ${server.origin} as ${me.person.email} (${me.workspace.name}); stored in ${file}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`tandem login: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem login --server URL [--token T]` and `tandem logout`. */
export function registerLogin(program: Command): void {
  program
    .command('login')
    .description('store a server and an API token for tandem checkin, import --server and export --server')
    .requiredOption('--server <url>', 'the server, such as https://goals.example.com')
    .option('--token <token>', 'the API token (default: TANDEM_TOKEN, else asked for)')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem login --server https://goals.example.com          # asks for the token
  $ echo "$TOKEN" | tandem login --server http://127.0.0.1:3000
  $ tandem checkin nps --value 52                             # uses the stored login

Make a token in the web app (Settings > API tokens). The token is checked, then stored in
$XDG_CONFIG_HOME/tandem/login.json (else ~/.config/tandem/login.json), readable by you only.
--server and --token, or TANDEM_SERVER and TANDEM_TOKEN, still win over it.`,
    )
    .action(async (options: { server: string; token?: string }) => {
      process.exitCode = await runLogin(options, (text) => process.stdout.write(text));
    });
  program
    .command('logout')
    .description('forget the server and token tandem login stored')
    .addHelpText('after', '\nExample:\n  $ tandem logout')
    .action(() => {
      const login = readLogin();
      const server = removeLogin();
      console.log(
        login ? `logged out of ${server}; removed ${loginFile()}` : 'not logged in: nothing was stored',
      );
    });
}
