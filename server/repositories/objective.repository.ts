import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { ObjectivesTable } from '../db/schema';

export type ObjectiveRow = Selectable<ObjectivesTable>;

/** Rollup columns of an objective. */
export type ObjectiveRollup = Pick<ObjectiveRow, 'progress' | 'score' | 'latestCheckinAt'>;

/** Queries on `objectives`. */
export class ObjectiveRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<ObjectivesTable>): Promise<void> {
    await this.db.insertInto('objectives').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<ObjectiveRow | undefined> {
    return this.db
      .selectFrom('objectives')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findMany(workspaceId: string, ids: readonly string[]): Promise<ObjectiveRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('objectives')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
  }

  /** Objectives of a cycle, optionally only those owned by some units. */
  listByCycle(workspaceId: string, cycleId: string, unitIds?: readonly string[]): Promise<ObjectiveRow[]> {
    let query = this.db
      .selectFrom('objectives')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('cycleId', '=', cycleId);
    if (unitIds) {
      if (unitIds.length === 0) return Promise.resolve([]);
      query = query.where('unitId', 'in', unitIds);
    }
    return query.orderBy('createdAt').orderBy('id').execute();
  }

  /**
   * Applies a patch when the version matches, bumping it; returns whether a row changed (false
   * means the version was stale or the row is gone).
   */
  async updateVersioned(id: string, version: number, patch: Updateable<ObjectivesTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('objectives')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Writes derived or frozen columns (no version bump: they are not edits). */
  async updateDerived(id: string, patch: Updateable<ObjectivesTable>): Promise<void> {
    await this.db.updateTable('objectives').set(patch).where('id', '=', id).execute();
  }
}
