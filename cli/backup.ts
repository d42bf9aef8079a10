import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  BACKUP_COMPRESSIONS,
  type BackupCompression,
  BackupFileError,
  backupDatabase,
  openDatabaseAt,
  restoreDatabase,
} from '../server/services/database-admin';
import { isPostgresUrl } from '../server/services/local';
import { defaultDatabase } from './access';
import { EXIT } from './exit-codes';

const shown = (location: string) =>
  isPostgresUrl(location) ? location.replace(/:[^:@/]*@/, ':***@') : location;

/** Options of `tandem backup`. */
export interface BackupOptions {
  database?: string | undefined;
  output: string;
  /** `none`, `fast` (the default) or `best`. */
  compress?: string | undefined;
  json?: boolean | undefined;
}

/**
 * Runs `tandem backup`: a consistent snapshot of the database (a server may be writing to it)
 * into `--output`. 0 when written, 2 when the database or the output folder is not there.
 */
export async function runBackup(options: BackupOptions, out: (text: string) => void): Promise<number> {
  const location = options.database ?? defaultDatabase();
  if (!isPostgresUrl(location) && !existsSync(location)) {
    console.error(`tandem backup: no database at ${location} (--database PATH_OR_URL, or DATABASE_URL)`);
    return EXIT.usage;
  }
  if (!existsSync(path.dirname(path.resolve(options.output)))) {
    console.error(`tandem backup: --output: the folder ${path.dirname(options.output)} does not exist`);
    return EXIT.usage;
  }
  const compress = options.compress ?? 'fast';
  if (!(BACKUP_COMPRESSIONS as readonly string[]).includes(compress)) {
    console.error(`tandem backup: --compress: "${compress}" is not one of ${BACKUP_COMPRESSIONS.join(', ')}`);
    return EXIT.usage;
  }
  const db = openDatabaseAt(location, 2);
  try {
    const result = await backupDatabase(db, options.output, { compress: compress as BackupCompression });
    out(
      options.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `backed up ${shown(location)} (${result.tables} tables, ${result.rows} rows, schema at ${result.migrations} migrations) to ${options.output} in ${(result.totalMs / 1000).toFixed(1)} s\n`,
    );
    return EXIT.ok;
  } catch (error) {
    console.error(`tandem backup: ${(error as Error).message}`);
    return EXIT.usage;
  } finally {
    await db.close();
  }
}

/** Options of `tandem restore`. */
export interface RestoreCommandOptions {
  database?: string | undefined;
  force?: boolean | undefined;
  json?: boolean | undefined;
}

/**
 * Runs `tandem restore FILE`: 0 when restored, 1 when the database holds data and `--force` was
 * not given (nothing is written), 2 when the file is not a whole backup this Tandem can read.
 */
export async function runRestore(
  file: string,
  options: RestoreCommandOptions,
  out: (text: string) => void,
): Promise<number> {
  const location = options.database ?? defaultDatabase();
  if (!existsSync(file)) {
    console.error(`tandem restore: no file ${file}`);
    return EXIT.usage;
  }
  if (!isPostgresUrl(location)) mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const db = openDatabaseAt(location, 2);
  try {
    const result = await restoreDatabase(db, file, { force: options.force === true });
    if (options.json) out(`${JSON.stringify(result, null, 2)}\n`);
    else if (result.status === 'not_empty') {
      console.error(
        `tandem restore: ${shown(location)} already holds data (${result.tables.map((t) => `${t.name}: ${t.rows}`).join(', ')}); nothing was written. Restore into an empty database, or replace it all with --force.`,
      );
    } else {
      const migrated = result.migrated.length > 0 ? `, then applied ${result.migrated.join(', ')}` : '';
      out(
        `restored ${file} (taken ${result.createdAt} from ${result.source}: ${result.tables} tables, ${result.rows} rows) into ${shown(location)}${migrated}\n`,
      );
    }
    return result.status === 'restored' ? EXIT.ok : EXIT.problems;
  } catch (error) {
    // A file this Tandem cannot read (BackupFileError), or a database it cannot reach.
    const reason = error instanceof BackupFileError ? error.message : `${(error as Error).message}`;
    console.error(`tandem restore: ${reason}; nothing was written`);
    return EXIT.usage;
  } finally {
    await db.close();
  }
}

const databaseHelp =
  'SQLite file or postgres://... URL (default: DATABASE_URL, else $TANDEM_DATA_DIR/tandem.db)';

/** Registers `tandem backup` and `tandem restore`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'take a consistent snapshot of a live database (SQLite or PostgreSQL) into one portable file that restores into either',
    )
    .requiredOption('--output <file>', 'the backup file to write (gzipped JSON lines, docs/backup.md)')
    .option('--database <location>', databaseHelp)
    .option(
      '--compress <how>',
      'fast (gzip level 1, the default), best (gzip level 9: smallest, slowest) or none (plain JSON lines: quickest, about 10 times larger)',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem backup --output tandem-$(date +%F).tandem-backup.gz
  $ tandem backup --compress none --output tandem.tandem-backup   # restore reads either
  $ tandem backup --database postgres://tandem@db/tandem --output nightly.tandem-backup.gz

The server may keep running: the snapshot is consistent (SQLite's online backup; one read-only
PostgreSQL transaction, no pg_dump needed).`,
    )
    .action(async (options: BackupOptions) => {
      process.exitCode = await runBackup(options, (text) => process.stdout.write(text));
    });
}

/** Registers `tandem restore FILE [--database ...] [--force]`. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('restore a backup into a database, in one transaction; refuses a database that holds data')
    .argument('<file>', 'a file written by tandem backup')
    .option('--database <location>', databaseHelp)
    .option('--force', 'replace everything the database holds')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ tandem restore nightly.tandem-backup.gz --database data/restored.db
  $ tandem restore nightly.tandem-backup.gz --database postgres://tandem@db/tandem   # SQLite to PostgreSQL
  $ tandem restore nightly.tandem-backup.gz --force                                  # replace the current data

Stop the server first when replacing its database. Exit codes: 0 restored, 1 the database holds
data (nothing written; --force replaces it), 2 not a backup this Tandem can read.`,
    )
    .action(async (file: string, options: RestoreCommandOptions) => {
      process.exitCode = await runRestore(file, options, (text) => process.stdout.write(text));
    });
}
