import type { Kysely } from 'kysely';

/**
 * Migration 6: the rollup backlog. A check-in recomputes its goal and the objective right above it
 * at once; the aligned KRs above that (and everything above them: department and company rollups,
 * which every check-in of a busy organisation would otherwise recompute) are marked here instead,
 * and `workspaces.rollups_pending` says that marks exist. Any session that reads the workspace
 * settles the marks first (`services/rollup-backlog.ts`), and `tandem serve` settles them in the
 * background, so no read ever sees a stale rollup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('rollups_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('rollup_backlog')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) => c.notNull().references('key_results.id').onDelete('cascade'))
    .addColumn('marked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_backlog_pk', ['workspace_id', 'key_result_id'])
    .execute();
}
