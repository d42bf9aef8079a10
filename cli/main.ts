import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { EXIT } from './exit-codes';
import { serverFlagLast } from './server-flag';

type Register = (program: Command) => void;

/**
 * The subcommands, each in its own file, loaded only when needed: `tandem score` loads the
 * scoring code and not the server, which keeps start-up short. `--help` loads them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  advise: async () => (await import('./advise')).registerAdvise,
  backup: async () => (await import('./backup')).registerBackup,
  checkin: async () => (await import('./checkin')).registerCheckin,
  demo: async () => (await import('./demo')).registerDemo,
  export: async () => (await import('./export')).registerExport,
  import: async () => (await import('./import')).registerImport,
  init: async () => (await import('./init')).registerInit,
  lint: async () => (await import('./lint')).registerLint,
  login: async () => (await import('./login')).registerLogin,
  logout: async () => (await import('./login')).registerLogin,
  migrate: async () => (await import('./migrate')).registerMigrate,
  restore: async () => (await import('./backup')).registerRestore,
  report: async () => (await import('./report')).registerReport,
  score: async () => (await import('./score')).registerScore,
  serve: async () => (await import('./serve')).registerServe,
};

/** The subcommands an invocation needs: the one named, none for `--version`, else all (for help). */
function commandsFor(argv: readonly string[]): string[] {
  const first = argv[2];
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first];
  if (first === '--version' || first === '-v') return [];
  return Object.keys(COMMANDS);
}

/**
 * Builds the `tandem` command tree with the subcommands `argv` needs (all of them by default).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tandem')
    .description('Tandem: OKRs and SMART goals together, in two tiers.')
    .version(packageJson.version, '-v, --version', 'print the version')
    .showHelpAfterError()
    .exitOverride();
  const registers = await Promise.all(commandsFor(argv).map((name) => COMMANDS[name]!()));
  // One file may register several commands (login and logout): each once.
  for (const register of new Set(registers)) register(program);
  return program;
}

/**
 * Runs the CLI with the given argv and returns the exit code (0 success, 1 problems found,
 * 2 bad usage or unreadable input).
 */
export async function main(argv: string[]): Promise<number> {
  // `tandem nosuch --help` would print the general help and succeed: name the unknown command.
  const named = argv[2] === 'help' ? argv[3] : argv[2];
  if (named !== undefined && !named.startsWith('-') && !Object.hasOwn(COMMANDS, named)) {
    console.error(`tandem: unknown command '${named}' (tandem --help lists the commands)`);
    return EXIT.usage;
  }
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(serverFlagLast(argv));
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
}
