import { mkdirSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../server/config/config';
import { DEMO_SIZES, type DemoSize, demoPassword, loadDemo, resetDemoPassword } from '../server/demo/load';
import { isPostgresUrl, openLocalDatabase } from '../server/services/local';
import { EXIT } from './exit-codes';

export { DEMO_SIZES, type DemoSize } from '../server/demo/load';

/** What `tandem demo` did. */
export interface DemoResult {
  status: 'loaded' | 'already_loaded' | 'not_empty' | 'password_reset' | 'no_demo';
  size: DemoSize;
  database: string;
  workspaceId: string | null;
  adminId: string | null;
  /** Who signs in, and with which password (only when it was just set). */
  signIn: { email: string; password: string | null } | null;
  /** The workspaces a database that is not empty holds (`not_empty`). */
  workspaces?: string[];
  counts: Record<string, number>;
  seconds: number;
}

const shownDatabase = (location: string) =>
  isPostgresUrl(location) ? location.replace(/:[^:@/]*@/, ':***@') : location;

/**
 * Loads the sample organisation into a database once (`small` through the services, so every
 * rule, event and rollup applies; `medium` and `large`, SPEC 11's large organisation, with bulk
 * inserts), with a password for its admin; or, with `resetPassword`, gives the admin a new one.
 *
 * @example
 * await runDemo({ size: 'small', database: ':memory:', at: Date.now() });
 */
export async function runDemo(options: {
  size: DemoSize;
  database: string;
  at: number;
  password?: string | undefined;
  resetPassword?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}): Promise<DemoResult> {
  const started = performance.now();
  if (!isPostgresUrl(options.database) && options.database !== ':memory:')
    mkdirSync(path.dirname(path.resolve(options.database)), { recursive: true });
  const db = await openLocalDatabase(options.database);
  const base = { size: options.size, database: shownDatabase(options.database), counts: {} };
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  try {
    if (options.resetPassword) {
      const reset = await resetDemoPassword(db, options.password);
      if (!reset)
        return {
          ...base,
          status: 'no_demo',
          workspaceId: null,
          adminId: null,
          signIn: null,
          seconds: seconds(),
        };
      return {
        ...base,
        status: 'password_reset',
        workspaceId: reset.demo.workspaceId,
        adminId: reset.demo.adminId,
        signIn: { email: reset.demo.email, password: reset.password },
        seconds: seconds(),
      };
    }
    const load = await loadDemo(db, options);
    if (load.status === 'not_empty')
      return {
        ...base,
        status: 'not_empty',
        workspaceId: null,
        adminId: null,
        signIn: null,
        workspaces: load.workspaces,
        seconds: seconds(),
      };
    const counts: Record<string, number> = {};
    if (load.status === 'loaded')
      for (const table of [
        'units',
        'people',
        'cycles',
        'objectives',
        'keyResults',
        'smartGoals',
        'checkIns',
      ] as const) {
        const row = await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspaceId', '=', load.demo.workspaceId)
          .executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
    return {
      ...base,
      status: load.status,
      workspaceId: load.demo.workspaceId,
      adminId: load.demo.adminId,
      signIn: { email: load.demo.email, password: load.status === 'loaded' ? load.password : null },
      counts,
      seconds: seconds(),
    };
  } finally {
    await db.close();
  }
}

/** The lines `tandem demo` prints for a result (and their exit code). */
export function describeDemo(result: DemoResult): { lines: string[]; exitCode: number } {
  const signIn = result.signIn;
  const reset = 'tandem demo --reset-password [--password P]';
  switch (result.status) {
    case 'loaded':
      return {
        exitCode: EXIT.ok,
        lines: [
          `Loaded the ${result.size} demo organisation into ${result.database} in ${result.seconds} s`,
          ...Object.entries(result.counts).map(([table, n]) => `  ${table.padEnd(12)} ${n}`),
          `Start the server with \`tandem serve\` (or \`npm start\`), then sign in as ${signIn!.email} with password ${signIn!.password}`,
        ],
      };
    case 'already_loaded':
      return {
        exitCode: EXIT.ok,
        lines: [
          `The demo organisation is already loaded in ${result.database}; nothing was written.`,
          `Sign in as ${signIn!.email}. Forgot the password? ${reset}`,
        ],
      };
    case 'password_reset':
      return {
        exitCode: EXIT.ok,
        lines: [`New password for ${signIn!.email} in ${result.database}: ${signIn!.password}`],
      };
    case 'no_demo':
      return {
        exitCode: EXIT.problems,
        lines: [`No demo organisation in ${result.database}: load it with \`tandem demo\` first.`],
      };
    case 'not_empty':
      return {
        exitCode: EXIT.problems,
        lines: [
          `${result.database} already holds ${result.workspaces!.map((w) => `"${w}"`).join(', ')}: the demo loads only into an empty database.`,
          'Choose another with --database PATH or DATABASE_URL.',
        ],
      };
  }
}

/** Registers `tandem demo [--size small|medium|large] [--database PATH_OR_URL] [--password P] [--reset-password] [--json]`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'load a realistic sample organisation where `tandem serve` reads (once per database), and print how to sign in',
    )
    .option('--size <size>', `small, medium or large`, 'small')
    .option(
      '--database <location>',
      'SQLite file, :memory:, or postgres://... URL (default: DATABASE_URL, else $TANDEM_DATA_DIR/tandem.db, as `tandem serve`)',
    )
    .option('--password <password>', `the demo admin's password (default: a random one, printed)`)
    .option('--reset-password', 'give the demo admin a new password (with --password, that one)')
    .option('--json', 'print JSON for scripts')
    .action(
      async (options: {
        size: string;
        database?: string;
        password?: string;
        resetPassword?: boolean;
        json?: boolean;
      }) => {
        if (!(DEMO_SIZES as readonly string[]).includes(options.size)) {
          console.error(`--size: "${options.size}" is not one of ${DEMO_SIZES.join(', ')}`);
          process.exitCode = EXIT.usage;
          return;
        }
        let database = options.database;
        if (database === undefined) {
          try {
            database = loadConfig(process.env).database;
          } catch (error) {
            if (!(error instanceof ConfigError)) throw error;
            console.error(error.message);
            process.exitCode = EXIT.usage;
            return;
          }
        }
        try {
          demoPassword(options.password);
        } catch (error) {
          console.error((error as Error).message);
          process.exitCode = EXIT.usage;
          return;
        }
        const bar = new cliProgress.SingleBar(
          { format: 'demo {step} [{bar}] {value}/{total}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        let started = false;
        const result = await runDemo({
          size: options.size as DemoSize,
          database,
          at: Date.now(),
          password: options.password,
          resetPassword: options.resetPassword ?? false,
          onProgress: options.json
            ? undefined
            : (step, done, total) => {
                if (!started) bar.start(total, done, { step });
                started = true;
                bar.setTotal(total);
                bar.update(done, { step });
              },
        });
        if (started) bar.stop();
        const { lines, exitCode } = describeDemo(result);
        if (options.json) console.log(JSON.stringify(result, null, 2));
        else for (const line of lines) (exitCode === EXIT.ok ? console.log : console.error)(line);
        process.exitCode = exitCode;
      },
    );
}
