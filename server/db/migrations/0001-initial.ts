import type { Kysely } from 'kysely';

/**
 * Migration 1: every concept of SPEC section 2. Column types are the dialect-neutral subset:
 * `text`, `integer`, `bigint` (epoch ms), `double precision`; JSON is stored as text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('workspaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('people_workspace_email', ['workspace_id', 'email'])
    .execute();

  await s
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('unit_members')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('unit_members_pk', ['unit_id', 'person_id'])
    .execute();

  await s
    .createTable('cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('cycles.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('cycles_workspace_name', ['workspace_id', 'name'])
    .execute();

  await s
    .createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('kind', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('lead_id', 'text', (c) => c.references('people.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('predecessor_id', 'text', (c) => c.references('objectives.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('key_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('cadence', 'text')
    .addColumn('progress_source', 'text', (c) => c.notNull().defaultTo('metric'))
    .addColumn('is_leading', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('smart_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('definition_of_done', 'text')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('measure', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('achievability', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('alignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('child_type', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('parent_type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('alignments_child_parent', ['child_id', 'parent_id'])
    .execute();

  await s
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('goal_type', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('done', 'text')
    .addColumn('confidence', 'double precision')
    .addColumn('note', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('corrects_id', 'text', (c) => c.references('check_ins.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('check_ins_goal_seq', ['goal_id', 'seq'])
    .execute();

  await s
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('is_edited_after_close', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await s
    .createTable('cycle_closings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('closed_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'bigint')
    .addColumn('reopened_by', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();

  await s
    .createTable('close_outs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('closing_id', 'text', (c) => c.notNull().references('cycle_closings.id'))
    .addColumn('goal_type', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('grade', 'double precision')
    .addColumn('root_cause_tag', 'text')
    .addColumn('root_cause_note', 'text')
    .addColumn('decision', 'text')
    .addColumn('learned', 'text')
    .addColumn('successor_id', 'text')
    .execute();

  await s.createIndex('people_workspace').on('people').column('workspace_id').execute();
  await s.createIndex('units_workspace_parent').on('units').columns(['workspace_id', 'parent_id']).execute();
  await s.createIndex('unit_members_person').on('unit_members').column('person_id').execute();
  await s.createIndex('objectives_cycle_unit').on('objectives').columns(['cycle_id', 'unit_id']).execute();
  await s.createIndex('key_results_objective').on('key_results').column('objective_id').execute();
  await s
    .createIndex('smart_goals_cycle_owner')
    .on('smart_goals')
    .columns(['cycle_id', 'owner_id'])
    .execute();
  await s.createIndex('alignments_parent').on('alignments').column('parent_id').execute();
  await s.createIndex('check_ins_goal_at').on('check_ins').columns(['goal_id', 'at']).execute();
  await s.createIndex('events_entity').on('events').columns(['entity_id', 'at']).execute();
  await s.createIndex('close_outs_closing').on('close_outs').column('closing_id').execute();
}
