import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupCompression,
  type BackupHeader,
  type Cell,
  type TableRows,
  writeBackupFile,
} from './backup-file';
import {
  dependencyOrder,
  postgresMigrations,
  postgresTables,
  quote,
  sqliteMigrations,
  sqliteTables,
  type TableInfo,
} from './catalogue';
import type { Db } from './database';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  source: 'sqlite' | 'postgres';
  migrations: number;
  tables: number;
  rows: number;
  /** How the file is compressed. */
  compression: BackupCompression;
  /** How long the database was held for the snapshot, and the whole backup, in milliseconds. */
  snapshotMs: number;
  totalMs: number;
}

const CHUNK = 2000;
const RANGE = 5000;

/**
 * A table's rows in chunks: by ranges of rowid, each read at once (an iteration crosses into
 * SQLite once a row, which made reading most of a backup's time), or, for a table without rowid,
 * by iteration.
 */
function* sqliteRows(sqlite: SQLite.Database, table: TableInfo): Generator<Cell[][]> {
  const columns = table.columns.map(quote).join(', ');
  let range: SQLite.Statement | undefined;
  try {
    range = sqlite
      .prepare(
        `select ${columns}, rowid from ${quote(table.name)} where rowid > ? order by rowid limit ${RANGE}`,
      )
      .raw();
  } catch {
    range = undefined; // WITHOUT ROWID
  }
  if (range) {
    let last: number | bigint = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = range.all(last) as Cell[][];
      if (rows.length === 0) return;
      for (const row of rows) last = row.pop() as number;
      yield rows;
    }
  }
  const select = sqlite.prepare(`select ${columns} from ${quote(table.name)}`).raw();
  let chunk: Cell[][] = [];
  for (const row of select.iterate() as Iterable<Cell[]>) {
    chunk.push(row);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

function headerOf(
  source: BackupHeader['source'],
  migrations: string[],
  tables: TableInfo[],
  counts: number[],
): BackupHeader {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    source,
    migrations,
    tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i]! })),
  };
}

/**
 * SQLite: SQLite's online backup copies the live database, a server writing meanwhile (WAL), to a
 * scratch file beside the output in one step (a step that other connections' writes would
 * restart, were it split), and the file is written from that copy.
 */
async function backupSqlite(
  sqlite: SQLite.Database,
  file: string,
  compression: BackupCompression,
): Promise<Omit<BackupResult, 'file' | 'totalMs' | 'compression'>> {
  const scratch = path.join(
    path.dirname(path.resolve(file)),
    `.tandem-backup-${randomBytes(6).toString('hex')}.db`,
  );
  const started = performance.now();
  try {
    await sqlite.backup(scratch, { progress: () => 0x7fffffff });
    const snapshotMs = performance.now() - started;
    const copy = new SQLite(scratch);
    try {
      const tables = dependencyOrder(sqliteTables(copy));
      const counts = tables.map((t) =>
        Number(
          copy
            .prepare(`select count(*) from ${quote(t.name)}`)
            .pluck()
            .get(),
        ),
      );
      const header = headerOf('sqlite', sqliteMigrations(copy), tables, counts);
      const rows = await writeBackupFile(
        file,
        header,
        tables.map((t): TableRows => ({ name: t.name, rows: sqliteRows(copy, t) })),
        compression,
      );
      return {
        source: 'sqlite',
        migrations: header.migrations.length,
        tables: tables.length,
        rows,
        snapshotMs,
      };
    } finally {
      copy.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(scratch + suffix, { force: true });
  }
}

async function* postgresRows(
  client: pg.PoolClient,
  table: TableInfo,
  cursor: string,
): AsyncGenerator<Cell[][]> {
  await client.query(
    `declare ${cursor} no scroll cursor for select ${table.columns.map(quote).join(', ')} from ${quote(table.name)}`,
  );
  for (;;) {
    const { rows } = await client.query<Cell[]>({ text: `fetch ${CHUNK} from ${cursor}`, rowMode: 'array' });
    if (rows.length === 0) break;
    yield rows;
  }
  await client.query(`close ${cursor}`);
}

/**
 * PostgreSQL: every table read in one `SERIALIZABLE READ ONLY DEFERRABLE` transaction (a snapshot
 * that waits, if need be, until it can see no anomaly, then never blocks writers nor is
 * cancelled), through cursors, so no client binaries (pg_dump) of the server's version are needed.
 */
async function backupPostgres(
  pool: pg.Pool,
  file: string,
  compression: BackupCompression,
): Promise<Omit<BackupResult, 'file' | 'totalMs' | 'compression'>> {
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query('begin isolation level serializable read only deferrable');
    const tables = dependencyOrder(await postgresTables(client));
    const counts: number[] = [];
    for (const t of tables) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int8 as n from ${quote(t.name)}`);
      counts.push(Number(rows[0]!.n));
    }
    const header = headerOf('postgres', await postgresMigrations(client), tables, counts);
    const rows = await writeBackupFile(
      file,
      header,
      tables.map((t, i): TableRows => ({ name: t.name, rows: postgresRows(client, t, `backup_${i}`) })),
      compression,
    );
    await client.query('commit');
    return {
      source: 'postgres',
      migrations: header.migrations.length,
      tables: tables.length,
      rows,
      snapshotMs: performance.now() - started,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Takes a consistent snapshot of a live database (a server may be writing to it) into a backup
 * file (`backup-file.ts`) that `restoreDatabase` reads back into SQLite or PostgreSQL.
 *
 * @example
 * const db = openDatabase('data/tandem.db');
 * await backupDatabase(db, 'tandem-2026-12-02.tandem-backup.gz');
 */
export async function backupDatabase(
  db: Db,
  file: string,
  options: { compress?: BackupCompression } = {},
): Promise<BackupResult> {
  const started = performance.now();
  const compression = options.compress ?? 'fast';
  const result =
    db.native.dialect === 'sqlite'
      ? await backupSqlite(db.native.database, file, compression)
      : await backupPostgres(db.native.pool, file, compression);
  return { file, ...result, compression, totalMs: performance.now() - started };
}
