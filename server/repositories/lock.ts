import type { DialectName, Executor } from '../db/database';

/** The goal tables that carry a `version` and rollup columns. */
export type GoalTable = 'objectives' | 'keyResults' | 'smartGoals';

/**
 * Locks a goal row for the rest of the transaction before its rollup is recomputed, so two
 * concurrent check-ins under one parent cannot both write an aggregate that misses the other.
 * PostgreSQL takes a row lock (`FOR UPDATE`); SQLite needs none, as it has one writer at a time.
 */
export async function lockRow(
  db: Executor,
  dialect: DialectName,
  table: GoalTable,
  id: string,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
