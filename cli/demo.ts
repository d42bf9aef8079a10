import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { isPostgresUrl, migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { generateSmallOrganisation } from '../server/demo/small';
import { EXIT } from './exit-codes';

/** Sizes `tandem demo` accepts. */
export const DEMO_SIZES = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

/** What `tandem demo` made. */
export interface DemoResult {
  size: DemoSize;
  database: string;
  workspaceId: string;
  adminId: string;
  counts: Record<string, number>;
  seconds: number;
}

/**
 * Creates a sample organisation in a database: `small` through the services (every rule,
 * event and rollup applies), `medium` and `large` (SPEC 11's large organisation) with bulk inserts.
 *
 * @example
 * await runDemo({ size: 'small', database: ':memory:', at: Date.now() });
 */
export async function runDemo(options: {
  size: DemoSize;
  database: string;
  at: number;
  onProgress?: (step: string, done: number, total: number) => void;
}): Promise<DemoResult> {
  const started = performance.now();
  const db = openDatabase(options.database);
  try {
    await migrateToLatest(db);
    const made =
      options.size === 'small'
        ? {
            ...(await generateSmallOrganisation(db, { at: options.at, onProgress: options.onProgress })),
            counts: {},
          }
        : await generateOrganisation(db, {
            size: ORG_SIZES[options.size],
            at: options.at,
            onProgress: options.onProgress,
          });
    const counts: Record<string, number> = {};
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
        .where('workspaceId', '=', made.workspaceId)
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return {
      size: options.size,
      database: isPostgresUrl(options.database)
        ? options.database.replace(/:[^:@/]*@/, ':***@')
        : options.database,
      workspaceId: made.workspaceId,
      adminId: made.adminId,
      counts,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await db.close();
  }
}

/** Registers `tandem demo [--size small|medium|large] [--database PATH_OR_URL] [--json]`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      "create a realistic sample organisation (small through the services; large is SPEC 11's benchmark org)",
    )
    .option('--size <size>', `small, medium or large`, 'small')
    .option('--database <location>', 'SQLite file, :memory:, or postgres://... URL', 'tandem.db')
    .option('--json', 'print JSON for scripts')
    .action(async (options: { size: string; database: string; json?: boolean }) => {
      if (!(DEMO_SIZES as readonly string[]).includes(options.size)) {
        console.error(`--size: "${options.size}" is not one of ${DEMO_SIZES.join(', ')}`);
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
        database: options.database,
        at: Date.now(),
        onProgress: (step, done, total) => {
          if (!started) bar.start(total, done, { step });
          started = true;
          bar.setTotal(total);
          bar.update(done, { step });
        },
      });
      bar.stop();
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`Created a ${result.size} organisation in ${result.database} in ${result.seconds} s`);
        for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(12)} ${n}`);
        console.log(`  workspace ${result.workspaceId}, admin ${result.adminId}`);
      }
      process.exitCode = EXIT.ok;
    });
}
