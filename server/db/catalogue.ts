import type SQLite from 'better-sqlite3';
import type pg from 'pg';

/**
 * What a database holds, read from its own catalogue (SQLite's pragmas, PostgreSQL's
 * `information_schema` and `pg_constraint`): the tables, their columns and the foreign keys
 * between them. Backup and restore work from it, so a table added by a later migration is backed
 * up without anyone listing it.
 */

/** One table: columns in order (snake_case), the primary key, and the tables it references. */
export interface TableInfo {
  name: string;
  columns: string[];
  /** PostgreSQL column types (`udt_name`: text, int4, int8, float8), by column; empty on SQLite. */
  types: Map<string, string>;
  primaryKey: string[];
  /** Foreign keys: the referencing column and the table referenced. */
  references: { column: string; table: string }[];
}

/** Kysely's own bookkeeping: the schema version, not data. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** Something that answers SQL on PostgreSQL: a pool or one client (inside a transaction). */
type PgQueryable = Pick<pg.PoolClient, 'query'>;

/** The tables of a SQLite database (data only: not SQLite's nor Kysely's own). */
export function sqliteTables(sqlite: SQLite.Database): TableInfo[] {
  const names = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return names
    .filter((name) => !MIGRATION_TABLES.includes(name))
    .map((name) => {
      const columns = sqlite.prepare(`pragma table_info("${name}")`).all() as { name: string; pk: number }[];
      const keys = sqlite.prepare(`pragma foreign_key_list("${name}")`).all() as {
        table: string;
        from: string;
      }[];
      return {
        name,
        columns: columns.map((c) => c.name),
        types: new Map(),
        primaryKey: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        references: keys.map((k) => ({ column: k.from, table: k.table })),
      };
    });
}

/** The tables of the current schema of a PostgreSQL database (data only: not Kysely's own). */
export async function postgresTables(client: PgQueryable): Promise<TableInfo[]> {
  const columns = await client.query<{ table_name: string; column_name: string; udt_name: string }>(
    `select c.table_name, c.column_name, c.udt_name
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const constraints = await client.query<{
    table_name: string;
    column_name: string;
    type: string;
    ref: string | null;
  }>(
    `select rel.relname as table_name, a.attname as column_name, c.contype as type, ref.relname as ref
       from pg_constraint c
       join pg_class rel on rel.oid = c.conrelid
       join pg_namespace n on n.oid = rel.relnamespace
       left join pg_class ref on ref.oid = c.confrelid
       join lateral unnest(c.conkey) with ordinality as k(attnum, position) on true
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where n.nspname = current_schema() and c.contype in ('p', 'f')
      order by rel.relname, c.conname, k.position`,
  );
  const tables = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    if (MIGRATION_TABLES.includes(row.table_name)) continue;
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], types: new Map(), primaryKey: [], references: [] };
      tables.set(row.table_name, table);
    }
    table.columns.push(row.column_name);
    table.types.set(row.column_name, row.udt_name);
  }
  for (const row of constraints.rows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    if (row.type === 'p') table.primaryKey.push(row.column_name);
    else if (row.ref) table.references.push({ column: row.column_name, table: row.ref });
  }
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The tables in an order that inserts parents before children (foreign keys to other tables);
 * a table referencing itself (a unit's parent, a person's manager) is handled by the restore.
 * Throws when tables reference each other in a cycle, which the schema does not do.
 */
export function dependencyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo, path: string[]) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting')
      throw new Error(`tables reference each other in a cycle: ${[...path, table.name].join(' -> ')}`);
    state.set(table.name, 'visiting');
    for (const ref of table.references) {
      const parent = byName.get(ref.table);
      if (parent && parent.name !== table.name) visit(parent, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The migrations a SQLite database has applied (none when it was never migrated). */
export function sqliteMigrations(sqlite: SQLite.Database): string[] {
  const exists = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!exists) return [];
  return sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[];
}

/** The migrations a PostgreSQL database has applied (none when it was never migrated). */
export async function postgresMigrations(client: PgQueryable): Promise<string[]> {
  const exists = await client.query(
    "select 1 from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'",
  );
  if (exists.rows.length === 0) return [];
  const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
  return rows.map((r) => r.name);
}

/** Quotes an identifier read from the catalogue, for SQL text. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
