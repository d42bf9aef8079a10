/**
 * Splits rows into chunks whose bound parameters stay well under what both databases take in one
 * statement (SQLite 32,766, PostgreSQL 65,535): a bulk insert of thousands of rows is a handful of
 * statements instead of one per row.
 *
 * @example
 * for (const chunk of chunksOf(rows)) await db.insertInto('objectives').values(chunk).execute();
 */
export function chunksOf<T extends object>(rows: readonly T[], maxParameters = 16_000): T[][] {
  if (rows.length === 0) return [];
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  const size = Math.max(1, Math.floor(maxParameters / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
