import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { applyMigrations, type Db, migrationState, openDatabaseAt } from '../server/services/database-admin';
import { isPostgresUrl } from '../server/services/local';
import { defaultDatabase } from './access';
import { EXIT } from './exit-codes';

/** Options of `tandem migrate`. */
export interface MigrateOptions {
  database?: string | undefined;
  status?: boolean | undefined;
  dryRun?: boolean | undefined;
  json?: boolean | undefined;
}

/** What `tandem migrate` found and did. */
export interface MigrateResult {
  applied: string[];
  pending: string[];
  /** Applied by this run (empty with `--status` or `--dry-run`). */
  ran: string[];
  /** Applied in the database but unknown to this Tandem: a newer Tandem migrated it. */
  unknown: string[];
}

/**
 * Reads which migrations a database has applied and which are pending, and (unless `status` or
 * `dryRun`) applies the pending ones, as `tandem serve` does at start.
 *
 * @example
 * await migrate({ database: 'data/tandem.db', status: true });
 */
export async function migrate(options: MigrateOptions & { database: string }): Promise<MigrateResult> {
  const db = openDatabaseAt(options.database, 1);
  try {
    return await migrateDatabase(db, options);
  } finally {
    await db.close();
  }
}

/** `migrate` on an open database. */
export async function migrateDatabase(db: Db, options: MigrateOptions): Promise<MigrateResult> {
  const { applied, pending, unknown } = await migrationState(db);
  const isReadOnly = options.status === true || options.dryRun === true;
  const ran = isReadOnly || unknown.length > 0 ? [] : await applyMigrations(db);
  return { applied, pending, ran, unknown };
}

/** The lines `tandem migrate` prints for a result. */
export function migrateText(result: MigrateResult, options: MigrateOptions): string {
  const lines: string[] = [];
  if (result.unknown.length > 0)
    lines.push(
      `the database has migrations this Tandem does not know (${result.unknown.join(', ')}): a newer Tandem migrated it; upgrade Tandem`,
    );
  if (options.status) {
    for (const name of result.applied) lines.push(`applied  ${name}`);
    for (const name of result.pending) lines.push(`pending  ${name}`);
  }
  if (result.ran.length > 0) {
    for (const name of result.ran) lines.push(`applied  ${name}`);
    lines.push(`${result.ran.length} migration(s) applied`);
  } else if (result.pending.length === 0)
    lines.push(`up to date (${result.applied.length} migrations applied)`);
  else if (options.status || options.dryRun) {
    if (options.dryRun) for (const name of result.pending) lines.push(`would apply  ${name}`);
    lines.push(`${result.pending.length} migration(s) pending: run tandem migrate to apply them`);
  }
  return `${lines.join('\n')}\n`;
}

/** Registers `tandem migrate [--status | --dry-run] [--database PATH_OR_URL] [--json]`. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (tandem serve also does at start), or show them')
    .option('--status', 'list every migration, applied or pending; apply nothing')
    .option('--dry-run', 'list the pending migrations; apply nothing')
    .option(
      '--database <location>',
      'SQLite file or postgres://... URL (default: DATABASE_URL, else $TANDEM_DATA_DIR/tandem.db)',
    )
    .option('--json', 'print {applied, pending, ran, unknown} as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem migrate --status
  $ tandem migrate --dry-run --database postgres://tandem@db/tandem
  $ tandem migrate                     # before starting several nodes on one PostgreSQL

Exit codes: 0 done (or, with --dry-run, nothing pending), 1 --dry-run found pending migrations
or the database is newer than this Tandem, 2 no database there (--status, --dry-run;
otherwise a new SQLite file is made, as tandem serve would).`,
    )
    .action(async (options: MigrateOptions) => {
      const database = options.database ?? defaultDatabase();
      if (!isPostgresUrl(database) && !existsSync(database)) {
        if (options.status || options.dryRun) {
          console.error(
            `tandem migrate: no database at ${database} (--database PATH_OR_URL, or DATABASE_URL)`,
          );
          process.exitCode = EXIT.usage;
          return;
        }
        // A new SQLite database, as tandem serve would make it.
        mkdirSync(path.dirname(path.resolve(database)), { recursive: true });
      }
      let result: MigrateResult;
      try {
        result = await migrate({ ...options, database });
      } catch (error) {
        console.error(`tandem migrate: ${(error as Error).message}`);
        process.exitCode = EXIT.usage;
        return;
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : migrateText(result, options),
      );
      const isBehind = options.dryRun === true && result.pending.length > 0;
      process.exitCode = result.unknown.length > 0 || isBehind ? EXIT.problems : EXIT.ok;
    });
}
