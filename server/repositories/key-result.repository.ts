import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { KeyResultsTable } from '../db/schema';

export type KeyResultRow = Selectable<KeyResultsTable>;

/** Queries on `key_results`. */
export class KeyResultRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<KeyResultsTable>): Promise<void> {
    await this.db.insertInto('keyResults').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<KeyResultRow | undefined> {
    return this.db
      .selectFrom('keyResults')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findMany(workspaceId: string, ids: readonly string[]): Promise<KeyResultRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('keyResults')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
  }

  /** Key results of some objectives, in display order. */
  listByObjectives(objectiveIds: readonly string[]): Promise<KeyResultRow[]> {
    if (objectiveIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('keyResults')
      .selectAll()
      .where('objectiveId', 'in', objectiveIds)
      .orderBy('objectiveId')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /** Key results of every objective in a cycle (the dashboard's one query for KRs). */
  listByCycle(workspaceId: string, cycleId: string): Promise<KeyResultRow[]> {
    return this.db
      .selectFrom('keyResults')
      .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
      .selectAll('keyResults')
      .where('objectives.workspaceId', '=', workspaceId)
      .where('objectives.cycleId', '=', cycleId)
      .orderBy('keyResults.position')
      .execute();
  }

  async updateVersioned(id: string, version: number, patch: Updateable<KeyResultsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('keyResults')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async updateDerived(id: string, patch: Updateable<KeyResultsTable>): Promise<void> {
    await this.db.updateTable('keyResults').set(patch).where('id', '=', id).execute();
  }

  /** Counts one more check-in and returns its entry sequence number (locks the row on PostgreSQL). */
  async nextCheckinSeq(id: string): Promise<number> {
    const row = await this.db
      .updateTable('keyResults')
      .set((eb) => ({ checkinCount: eb('checkinCount', '+', 1) }))
      .where('id', '=', id)
      .returning('checkinCount')
      .executeTakeFirstOrThrow();
    return row.checkinCount;
  }
}
