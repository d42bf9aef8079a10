import { backupDatabase } from '../db/backup';
import { BackupFileError } from '../db/backup-file';
import { postgresMigrations, sqliteMigrations } from '../db/catalogue';
import { type Db, migrateToLatest, openDatabase } from '../db/database';
import { MIGRATIONS } from '../db/migrations/index';
import { restoreDatabase } from '../db/restore';

export { BACKUP_COMPRESSIONS, type BackupCompression } from '../db/backup-file';
export type { Db };
/**
 * The database administration use cases the CLI offers (`tandem backup`, `restore`, `migrate`):
 * whole-database operations, below any workspace, so they take a database rather than an actor.
 * The CLI reaches the database only through here and `local.ts` (docs/ARCHITECTURE.md).
 */
export { BackupFileError, backupDatabase, restoreDatabase };

/** Opens a database by location without migrating it (backup, restore and migrate decide that). */
export function openDatabaseAt(location: string, poolSize: number): Db {
  return openDatabase(location, { poolSize });
}

/** Which migrations a database has applied, which are pending, which it knows and this Tandem does not. */
export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Applied by a newer Tandem: nothing is applied then. */
  unknown: string[];
}

/** Reads the migration state of an open database. */
export async function migrationState(db: Db): Promise<MigrationState> {
  const applied =
    db.native.dialect === 'sqlite'
      ? sqliteMigrations(db.native.database)
      : await postgresMigrations(db.native.pool);
  return {
    applied,
    pending: Object.keys(MIGRATIONS).filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !(name in MIGRATIONS)),
  };
}

/** Applies the pending migrations, as `tandem serve` does at start; the names applied. */
export function applyMigrations(db: Db): Promise<string[]> {
  return migrateToLatest(db);
}
