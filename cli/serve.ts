import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../server/config/config';
import { startServer } from '../server/http/server';
import { EXIT } from './exit-codes';

/** Registers `tandem serve [--port N] [--host H] [--demo]`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'start the web server and API (SQLite in ./data by default; DATABASE_URL=postgres://... for PostgreSQL)',
    )
    .option('--port <port>', 'port to listen on (default $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--demo', 'load the small demo organisation into an empty database')
    .action(async (options: { port?: string; host?: string; demo?: boolean }) => {
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
        console.error(`--port: "${options.port}" is not a port number (0-65535)`);
        process.exitCode = EXIT.usage;
        return;
      }
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig(process.env, { port, host: options.host });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        console.error(error.message);
        process.exitCode = EXIT.usage;
        return;
      }
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer(config, {
          demo: options.demo,
          onDemo: (login) =>
            console.error(
              login.status === 'loaded'
                ? `Demo organisation loaded. Sign in as ${login.email} with password ${login.password}`
                : login.status === 'already_loaded'
                  ? `The demo organisation is already loaded. Sign in as ${login.email} with the password printed when it was; forgot it? Run \`tandem demo --reset-password\` (with the same DATABASE_URL or TANDEM_DATA_DIR)`
                  : `--demo: the database already holds ${login.workspaces.map((w) => `"${w}"`).join(', ')}; the demo loads only into an empty database`,
            ),
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        console.error(
          code === 'EADDRINUSE'
            ? `tandem serve: ${config.host}:${config.port} is in use; choose another --port`
            : `tandem serve: could not start: ${(error as Error).message}`,
        );
        process.exitCode = EXIT.problems;
        return;
      }
      console.error(`Tandem is listening on ${server.url} (API docs: ${server.url}/api/docs)`);
      const stop = async () => {
        await server.close();
        process.exit(EXIT.ok);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.exitCode = EXIT.ok;
    });
}
