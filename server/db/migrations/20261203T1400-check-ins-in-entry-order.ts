import type { Kysely } from 'kysely';

/**
 * The index of check-ins by goal and time gains the order of entry (`seq`): every read of a goal's
 * history asks for `goal_id, at, seq`, and with `(goal_id, at)` alone SQLite sorted each read's
 * rows again in a temporary B-tree (a fifth of reading a cycle's 170,000 check-ins for an export;
 * a sort on every check-in's rollup read). The rows come out of the index in order now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('check_ins_goal_at_seq')
    .on('check_ins')
    .columns(['goal_id', 'at', 'seq'])
    .execute();
  await db.schema.dropIndex('check_ins_goal_at').execute();
}
