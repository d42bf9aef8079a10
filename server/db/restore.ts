import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import { BackupFileError, type BackupHeader, type Cell, openBackupFile } from './backup-file';
import {
  postgresMigrations,
  postgresTables,
  quote,
  sqliteMigrations,
  sqliteTables,
  type TableInfo,
} from './catalogue';
import { type Db, migrateToLatest } from './database';
import { MIGRATIONS } from './migrations/index';

/** What a restore did: restored, or refused because the database holds data (without `force`). */
export type RestoreResult =
  | {
      status: 'restored';
      source: BackupHeader['source'];
      createdAt: string;
      tables: number;
      rows: number;
      /** Migrations newer than the backup, applied after the data was loaded. */
      migrated: string[];
      ms: number;
    }
  | { status: 'not_empty'; tables: { name: string; rows: number }[] };

/** Options of `restoreDatabase`. */
export interface RestoreOptions {
  /** Replace whatever the database holds (in the same transaction as the load). */
  force?: boolean;
  onProgress?: (table: string, done: number, total: number) => void;
}

/** How rows go into one dialect, inside the restore's one transaction. */
interface Loader {
  tables(): Promise<TableInfo[]>;
  migrations(): Promise<string[]>;
  count(table: string): Promise<number>;
  begin(): Promise<void>;
  clear(tables: readonly TableInfo[]): Promise<void>;
  /** Starts a table; `add` takes its rows in the file's column order; `finish` ends it. */
  table(
    target: TableInfo,
    columns: readonly string[],
  ): { add(row: Cell[]): Promise<void>; finish(): Promise<void> };
  commit(): Promise<void>;
  rollback(): Promise<void>;
  release(): void;
}

function sqliteLoader(sqlite: SQLite.Database): Loader {
  // Triggers (migration 0005's directory stamp) would rewrite restored rows as others arrive:
  // they are dropped inside the transaction and made again, from their own SQL, before it commits.
  let triggers: { name: string; sql: string }[] = [];
  return {
    tables: async () => sqliteTables(sqlite),
    migrations: async () => sqliteMigrations(sqlite),
    count: async (table) =>
      Number(
        sqlite
          .prepare(`select count(*) from ${quote(table)}`)
          .pluck()
          .get(),
      ),
    begin: async () => {
      sqlite.exec('begin immediate');
      // Checked at commit: rows may then arrive in any order (a unit before its parent).
      sqlite.exec('pragma defer_foreign_keys = on');
      triggers = sqlite
        .prepare("select name, sql from sqlite_master where type = 'trigger'")
        .all() as typeof triggers;
      for (const t of triggers) sqlite.exec(`drop trigger ${quote(t.name)}`);
    },
    clear: async (tables) => {
      for (const t of tables) sqlite.exec(`delete from ${quote(t.name)}`);
    },
    table: (target, columns) => {
      const insert = sqlite.prepare(
        `insert into ${quote(target.name)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      return { add: async (row) => void insert.run(row), finish: async () => {} };
    },
    commit: async () => {
      for (const t of triggers) sqlite.exec(t.sql);
      sqlite.exec('commit');
    },
    rollback: async () => {
      if (sqlite.inTransaction) sqlite.exec('rollback');
    },
    release: () => {},
  };
}

const PG_BATCH = 5000;

function postgresLoader(pool: pg.Pool): Loader {
  let client: pg.PoolClient | undefined;
  const query = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    client ??= await pool.connect();
    return client.query<R>(text, values);
  };
  return {
    tables: async () => postgresTables({ query } as Pick<pg.PoolClient, 'query'>),
    migrations: async () => postgresMigrations({ query } as Pick<pg.PoolClient, 'query'>),
    count: async (table) =>
      Number((await query<{ n: string }>(`select count(*) as n from ${quote(table)}`)).rows[0]!.n),
    begin: async () => {
      await query('begin');
      // Triggers (migration 0005's directory stamp) would rewrite restored rows as others arrive;
      // user triggers are off for the transaction (foreign keys stay checked).
      for (const t of await postgresTables({ query } as Pick<pg.PoolClient, 'query'>))
        await query(`alter table ${quote(t.name)} disable trigger user`);
    },
    clear: async (tables) => {
      if (tables.length > 0) await query(`truncate ${tables.map((t) => quote(t.name)).join(', ')}`);
    },
    table: (target, columns) => {
      // PostgreSQL checks a foreign key at once: a column referencing its own table (a unit's
      // parent, a person's manager) is loaded empty and set once the whole table is in.
      const selfColumns = target.references.filter((r) => r.table === target.name).map((r) => r.column);
      const selfIndexes = selfColumns.map((c) => columns.indexOf(c)).filter((i) => i >= 0);
      const keyIndexes = target.primaryKey.map((c) => columns.indexOf(c));
      if (selfIndexes.length > 0 && (keyIndexes.length === 0 || keyIndexes.includes(-1)))
        throw new Error(`table ${target.name} references itself but has no primary key to set it by`);
      const typeOf = (c: string) => target.types.get(c) ?? 'text';
      let batch: Cell[][] = [];
      const patches: Cell[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const arrays = columns.map((_, i) => batch.map((row) => row[i] ?? null));
        const casts = columns.map((c, i) => `$${i + 1}::${typeOf(c)}[]`);
        await query(
          `insert into ${quote(target.name)} (${columns.map(quote).join(', ')}) select * from unnest(${casts.join(', ')})`,
          arrays,
        );
        batch = [];
      };
      return {
        add: async (row) => {
          if (selfIndexes.some((i) => row[i] !== null)) {
            patches.push([...keyIndexes.map((i) => row[i]!), ...selfIndexes.map((i) => row[i]!)]);
            row = row.map((v, i) => (selfIndexes.includes(i) ? null : v));
          }
          batch.push(row);
          if (batch.length >= PG_BATCH) await flush();
        },
        finish: async () => {
          await flush();
          const keys = keyIndexes.map((i) => columns[i]!);
          const selves = selfIndexes.map((i) => columns[i]!);
          const all = [...keys, ...selves];
          for (let start = 0; start < patches.length; start += PG_BATCH) {
            const slice = patches.slice(start, start + PG_BATCH);
            const casts = all.map((c, i) => `$${i + 1}::${typeOf(c)}[]`);
            await query(
              `update ${quote(target.name)} as t set ${selves.map((c) => `${quote(c)} = v.${quote(c)}`).join(', ')}
                 from unnest(${casts.join(', ')}) as v(${all.map(quote).join(', ')})
                where ${keys.map((c) => `t.${quote(c)} = v.${quote(c)}`).join(' and ')}`,
              all.map((_, i) => slice.map((p) => p[i] ?? null)),
            );
          }
        },
      };
    },
    commit: async () => {
      // Sequences (none in today's schema, whose ids are text) continue after the restored rows.
      const { rows } = await query<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns
          where table_schema = current_schema() and column_default like 'nextval(%'`,
      );
      for (const r of rows)
        await query(
          `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(r.column_name)}) from ${quote(r.table_name)}), 0) + 1, false)`,
          [quote(r.table_name), r.column_name],
        );
      for (const t of await postgresTables({ query } as Pick<pg.PoolClient, 'query'>))
        await query(`alter table ${quote(t.name)} enable trigger user`);
      await query('commit');
    },
    rollback: async () => {
      if (client) await client.query('rollback').catch(() => {});
    },
    release: () => {
      client?.release();
      client = undefined;
    },
  };
}

function checkVersion(header: BackupHeader, applied: readonly string[]): void {
  const unknown = header.migrations.filter((m) => !(m in MIGRATIONS));
  if (unknown.length > 0)
    throw new BackupFileError(
      `the backup was taken by a newer Tandem (its schema has ${unknown.join(', ')}, which this Tandem does not know): upgrade Tandem, then restore`,
    );
  const backup = new Set(header.migrations);
  const newer = applied.filter((m) => !backup.has(m));
  if (newer.length > 0)
    throw new BackupFileError(
      `the database's schema is newer than the backup's (it has ${newer.join(', ')}): restore into an empty database, which then takes every later migration`,
    );
}

/**
 * Restores a backup file into a database, in one transaction: the database gets the backup's
 * schema (its migrations), then every row (replacing what it held, with `force`), then the
 * migrations newer than the backup. Refuses a database that holds any row without `force`.
 * Throws `BackupFileError` for a file that is not a whole backup this Tandem can read; nothing
 * is written then.
 *
 * @example
 * const result = await restoreDatabase(openDatabase('fresh.db'), 'tandem.tandem-backup.gz');
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const backup = await openBackupFile(file);
  const loader =
    db.native.dialect === 'sqlite' ? sqliteLoader(db.native.database) : postgresLoader(db.native.pool);
  try {
    const { header } = backup;
    checkVersion(header, await loader.migrations());
    const held: { name: string; rows: number }[] = [];
    for (const t of await loader.tables()) {
      const rows = await loader.count(t.name);
      if (rows > 0) held.push({ name: t.name, rows });
    }
    if (held.length > 0 && !options.force) return { status: 'not_empty', tables: held };
    loader.release();
    const subset = Object.fromEntries(header.migrations.map((m) => [m, MIGRATIONS[m]!]));
    await migrateToLatest(db, subset);
    const targets = new Map((await loader.tables()).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const target = targets.get(t.name);
      if (!target) throw new BackupFileError(`the backup's table ${t.name} is not in the database's schema`);
      const missing = t.columns.filter((c) => !target.columns.includes(c));
      const extra = target.columns.filter((c) => !t.columns.includes(c));
      if (missing.length + extra.length > 0)
        throw new BackupFileError(
          `table ${t.name}: the backup's columns differ from the schema's (${[...missing.map((c) => `+${c}`), ...extra.map((c) => `-${c}`)].join(', ')})`,
        );
    }
    const total = header.tables.reduce((sum, t) => sum + t.rows, 0);
    await loader.begin();
    try {
      if (options.force) await loader.clear([...targets.values()].reverse());
      let current:
        | { name: string; expected: number; count: number; sink: ReturnType<Loader['table']> }
        | undefined;
      let done = 0;
      const close = async () => {
        if (!current) return;
        await current.sink.finish();
        if (current.count !== current.expected)
          throw new BackupFileError(
            `${file}: table ${current.name} has ${current.count} rows, its header says ${current.expected}`,
          );
      };
      let seen = 0;
      for await (const entry of backup.entries) {
        if (entry.kind === 'table') {
          await close();
          const described = header.tables.find((t) => t.name === entry.name);
          if (!described) throw new BackupFileError(`${file}: table ${entry.name} is not in its header`);
          current = {
            name: entry.name,
            expected: described.rows,
            count: 0,
            sink: loader.table(targets.get(entry.name)!, described.columns),
          };
          seen++;
        } else if (entry.kind === 'row') {
          if (!current) throw new BackupFileError(`${file}: a row before any table`);
          await current.sink.add(entry.row);
          current.count++;
          if (++done % 5000 === 0) options.onProgress?.(current.name, done, total);
        } else {
          await close();
          current = undefined;
          if (entry.rows !== done || seen !== header.tables.length)
            throw new BackupFileError(
              `${file}: it holds ${done} rows in ${seen} tables; its end marker says ${entry.rows}`,
            );
        }
      }
      options.onProgress?.('done', done, total);
      await loader.commit();
      loader.release();
      const migrated = await migrateToLatest(db);
      return {
        status: 'restored',
        source: header.source,
        createdAt: header.createdAt,
        tables: header.tables.length,
        rows: done,
        migrated,
        ms: performance.now() - started,
      };
    } catch (error) {
      await loader.rollback();
      throw error;
    }
  } finally {
    backup.close();
    loader.release();
  }
}
