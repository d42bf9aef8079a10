import type { Kysely } from 'kysely';

/**
 * Goal keys: the stable key each imported (or exported) goal has in goals files, per cycle, so
 * importing the same file twice changes nothing and a changed file updates the goals in place.
 * A key names one goal of a cycle; a goal has at most one key. Rows of deleted goals are ignored
 * (and replaced) by the importer, so there is no foreign key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('goal_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('goal_type', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_keys_pk', ['workspace_id', 'cycle_id', 'key'])
    .execute();
  await db.schema.createIndex('goal_keys_goal').on('goal_keys').column('goal_id').unique().execute();
}
