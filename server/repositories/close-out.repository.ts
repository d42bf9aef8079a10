import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { CloseOutsTable, CycleClosingsTable } from '../db/schema';

export type CycleClosingRow = Selectable<CycleClosingsTable>;
export type CloseOutRow = Selectable<CloseOutsTable>;

/** Queries on `cycle_closings` and `close_outs`: the record of each close and reopen. */
export class CloseOutRepository {
  constructor(readonly db: Executor) {}

  async insertClosing(row: Insertable<CycleClosingsTable>): Promise<void> {
    await this.db.insertInto('cycleClosings').values(row).execute();
  }

  async insertCloseOuts(rows: readonly Insertable<CloseOutsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('closeOuts')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  }

  /** The closing in force for a cycle (not reopened since), if any. */
  findCurrentClosing(cycleId: string): Promise<CycleClosingRow | undefined> {
    return this.db
      .selectFrom('cycleClosings')
      .selectAll()
      .where('cycleId', '=', cycleId)
      .where('reopenedAt', 'is', null)
      .executeTakeFirst();
  }

  listClosings(cycleId: string): Promise<CycleClosingRow[]> {
    return this.db
      .selectFrom('cycleClosings')
      .selectAll()
      .where('cycleId', '=', cycleId)
      .orderBy('closedAt')
      .execute();
  }

  listCloseOuts(closingId: string): Promise<CloseOutRow[]> {
    return this.db.selectFrom('closeOuts').selectAll().where('closingId', '=', closingId).execute();
  }

  async markReopened(id: string, at: number, by: string, reason: string): Promise<void> {
    await this.db
      .updateTable('cycleClosings')
      .set({ reopenedAt: at, reopenedBy: by, reopenReason: reason })
      .where('id', '=', id)
      .execute();
  }
}
