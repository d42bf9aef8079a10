import type { Executor } from '../db/database';
import { decodeBitsOf } from './decode';
import { prepared } from './prepared';
import type { WorkspaceRow } from './workspace.repository';

/**
 * Queries on `rollup_backlog` and the `workspaces.rollups_pending` flag: aligned KRs whose rollups
 * (and all above them) wait to be recomputed. See `services/rollup-backlog.ts`.
 */
export class RollupBacklogRepository {
  constructor(
    readonly db: Executor,
    readonly hasRowLocks: boolean,
  ) {}

  /**
   * Raises a workspace's flag before a writer marks anything. Call it before taking any other row
   * lock: on PostgreSQL it locks the workspace row until the writer commits, so a settle (which
   * locks that row first too) either finishes before the writer starts or sees all its marks, and
   * the two never wait on each other's rows in opposite orders. Gives the workspace's row as the
   * writer's transaction now sees it (settings and directory stamp), undefined for none.
   */
  async raise(workspaceId: string): Promise<WorkspaceRow | undefined> {
    return decodeBitsOf((await raise(this.db, workspaceId)).rows[0], ['rollupsPending'] as const);
  }

  /** Marks aligned KRs of a workspace (the flag must have been raised in the same transaction). */
  async mark(workspaceId: string, keyResultIds: readonly string[], at: number): Promise<void> {
    if (keyResultIds.length === 0) return;
    await this.db
      .insertInto('rollupBacklog')
      .values(keyResultIds.map((keyResultId) => ({ workspaceId, keyResultId, markedAt: at })))
      .onConflict((oc) => oc.columns(['workspaceId', 'keyResultId']).doNothing())
      .execute();
  }

  /**
   * Takes every mark of a workspace (deleting them) and lowers its flag, in the caller's
   * transaction. On PostgreSQL the workspace row is locked first, so marks of writers that got
   * there before are all seen, and writers that come after raise the flag again.
   */
  async claim(workspaceId: string): Promise<string[]> {
    if (this.hasRowLocks) await lockWorkspace(this.db, workspaceId);
    const { rows } = await claimAll(this.db, workspaceId);
    await lower(this.db, workspaceId);
    return rows.map((r) => r.keyResultId).sort();
  }

  /** Workspaces with marks waiting. */
  async pendingWorkspaces(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select('id')
      .where('rollupsPending', '=', 1)
      .execute();
    return rows.map((r) => r.id);
  }
}

const raise = prepared((db, workspaceId: string) =>
  db.updateTable('workspaces').set({ rollupsPending: 1 }).where('id', '=', workspaceId).returningAll(),
);
const lower = prepared((db, workspaceId: string) =>
  db.updateTable('workspaces').set({ rollupsPending: 0 }).where('id', '=', workspaceId),
);
const lockWorkspace = prepared((db, workspaceId: string) =>
  db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate(),
);
const claimAll = prepared((db, workspaceId: string) =>
  db.deleteFrom('rollupBacklog').where('workspaceId', '=', workspaceId).returning('keyResultId'),
);
