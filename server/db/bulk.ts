import type { Db } from './database';
import type { Database } from './schema';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Loads many rows into one table as fast as each dialect allows, bypassing the query builder:
 * one prepared statement in one transaction on SQLite; `INSERT ... SELECT FROM unnest(...)` with
 * one array per column on PostgreSQL (column types read from the catalogue). For generators and
 * benchmarks only: no validation, no events, no rollups.
 *
 * @example
 * await bulkInsert(db, 'checkIns', rows);
 */
export async function bulkInsert<T extends keyof Database>(
  db: Db,
  tableName: T,
  typedRows: readonly Database[T][],
): Promise<void> {
  if (typedRows.length === 0) return;
  const table = snake(tableName);
  const rows = typedRows as unknown as readonly Record<string, unknown>[];
  const columns = Object.keys(rows[0]!);
  const names = columns.map(snake);
  if (db.native.dialect === 'sqlite') {
    const sqlite = db.native.database;
    const insert = sqlite.prepare(
      `insert into ${table} (${names.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    sqlite.transaction(() => {
      for (const row of rows) insert.run(columns.map((c) => row[c] as string | number | null));
    })();
    return;
  }
  const pool = db.native.pool;
  const types = await columnTypes(pool, table);
  const chunk = 20_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const arrays = columns.map((c) => slice.map((row) => row[c] ?? null));
    const casts = names.map((name, i) => `$${i + 1}::${types.get(name) ?? 'text'}[]`);
    await pool.query(
      `insert into ${table} (${names.join(', ')}) select * from unnest(${casts.join(', ')})`,
      arrays,
    );
  }
}

async function columnTypes(
  pool: {
    query: (
      text: string,
      values: unknown[],
    ) => Promise<{ rows: { column_name: string; udt_name: string }[] }>;
  },
  table: string,
): Promise<Map<string, string>> {
  const { rows } = await pool.query(
    'select column_name, udt_name from information_schema.columns where table_name = $1 and table_schema = current_schema()',
    [table],
  );
  return new Map(rows.map((r) => [r.column_name, r.udt_name]));
}

/**
 * Refreshes the planner's statistics after a bulk load (`ANALYZE` on both dialects), as
 * autovacuum or `PRAGMA optimize` would in time: without them the first plans can be poor.
 */
export async function analyze(db: Db): Promise<void> {
  if (db.native.dialect === 'sqlite') db.native.database.exec('ANALYZE');
  else await db.native.pool.query('ANALYZE');
}
