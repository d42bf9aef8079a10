import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { CyclesTable } from '../db/schema';

export type CycleRow = Selectable<CyclesTable>;

/** Queries on `cycles`. */
export class CycleRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<CyclesTable>): Promise<void> {
    await this.db.insertInto('cycles').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<CycleRow | undefined> {
    return this.db
      .selectFrom('cycles')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByName(workspaceId: string, name: string): Promise<CycleRow | undefined> {
    return this.db
      .selectFrom('cycles')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  list(workspaceId: string): Promise<CycleRow[]> {
    return this.db
      .selectFrom('cycles')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .orderBy('startDate')
      .execute();
  }

  /** The cycle of the same kind starting the day after `endDate`, if any. */
  findStartingOn(
    workspaceId: string,
    startDate: string,
    kind: CycleRow['kind'],
  ): Promise<CycleRow | undefined> {
    return this.db
      .selectFrom('cycles')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('startDate', '=', startDate)
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  async update(id: string, patch: Updateable<CyclesTable>): Promise<void> {
    await this.db.updateTable('cycles').set(patch).where('id', '=', id).execute();
  }

  /** Makes a year the parent of the quarters inside it that have none yet. */
  async adoptQuarters(year: Pick<CycleRow, 'id' | 'workspaceId' | 'startDate' | 'endDate'>): Promise<void> {
    await this.db
      .updateTable('cycles')
      .set({ parentId: year.id })
      .where('workspaceId', '=', year.workspaceId)
      .where('kind', '=', 'quarter')
      .where('parentId', 'is', null)
      .where('startDate', '>=', year.startDate)
      .where('endDate', '<=', year.endDate)
      .execute();
  }
}
