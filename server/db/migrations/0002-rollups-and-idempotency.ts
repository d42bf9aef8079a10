import { type Kysely, sql } from 'kysely';

const ROLLUPS = [
  ['progress', 'double precision'],
  ['score', 'double precision'],
  ['latest_checkin_at', 'bigint'],
  ['frozen_score', 'double precision'],
  ['frozen_grade', 'double precision'],
] as const;

/**
 * Migration 2: derived rollup columns kept current in the transaction of each check-in (so pages
 * and dashboards never scan history), idempotency keys for check-ins, and the indexes the reads
 * use. Existing rows are backfilled from their check-ins (count, latest time); scores, which need
 * the maths of core rather than SQL, stay null until the goal is next written. Pages evaluate live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['key_results', 'smart_goals', 'objectives'] as const) {
    for (const [column, type] of ROLLUPS) {
      await db.schema.alterTable(table).addColumn(column, type).execute();
    }
  }
  for (const table of ['key_results', 'smart_goals'] as const) {
    await db.schema.alterTable(table).addColumn('latest_value', 'double precision').execute();
    await db.schema
      .alterTable(table)
      .addColumn('checkin_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update ${sql.table(table)} set
        checkin_count = (select count(*) from check_ins c where c.goal_id = ${sql.ref(`${table}.id`)}),
        latest_checkin_at = (select max(c.at) from check_ins c where c.goal_id = ${sql.ref(`${table}.id`)})`.execute(
      db,
    );
  }

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createIndex('objectives_workspace_cycle')
    .on('objectives')
    .columns(['workspace_id', 'cycle_id'])
    .execute();
  await db.schema
    .createIndex('smart_goals_unit')
    .on('smart_goals')
    .columns(['cycle_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('alignments_child').on('alignments').column('child_id').execute();
  await db.schema.createIndex('check_ins_corrects').on('check_ins').column('corrects_id').execute();
  await db.schema.createIndex('people_manager').on('people').column('manager_id').execute();
}
