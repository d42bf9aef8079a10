import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { SmartGoalsTable } from '../db/schema';
import { countCheckins, setGoalRollups } from './key-result.repository';
import { insertRows, prepared, preparedUpdate } from './prepared';

export type SmartGoalRow = Selectable<SmartGoalsTable>;

/** Queries on `smart_goals`. */
export class SmartGoalRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<SmartGoalsTable>): Promise<void> {
    await this.db.insertInto('smartGoals').values(row).execute();
  }

  /** Many rows in a few statements (an import). */
  async insertMany(rows: readonly Insertable<SmartGoalsTable>[]): Promise<void> {
    await insertRows(this.db, 'smartGoals', rows);
  }

  find(workspaceId: string, id: string): Promise<SmartGoalRow | undefined> {
    return find(this.db, workspaceId, id).then((r) => r.rows[0]);
  }

  /**
   * Rows by primary key, those of the workspace only. The workspace is checked on the rows rather
   * than in SQL, so that SQLite looks the ids up by primary key instead of scanning the workspace.
   */
  async findMany(workspaceId: string, ids: readonly string[]): Promise<SmartGoalRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('smartGoals').selectAll().where('id', 'in', ids).execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
  }

  /** SMART goals of a cycle, optionally only some owners' or units'. */
  async listByCycle(
    workspaceId: string,
    cycleId: string,
    filter: { unitIds?: readonly string[]; ownerIds?: readonly string[] } = {},
  ): Promise<SmartGoalRow[]> {
    if (filter.unitIds?.length === 0 || filter.ownerIds?.length === 0) return [];
    // By (cycle, unit) or (cycle, owner) index; the workspace is checked on the rows.
    let query = this.db.selectFrom('smartGoals').selectAll().where('cycleId', '=', cycleId);
    if (filter.unitIds) query = query.where('unitId', 'in', filter.unitIds);
    if (filter.ownerIds) query = query.where('ownerId', 'in', filter.ownerIds);
    const rows = await query.orderBy('dueDate').orderBy('id').execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
  }

  async updateVersioned(id: string, version: number, patch: Updateable<SmartGoalsTable>): Promise<boolean> {
    const result = await this.db
      .updateTable('smartGoals')
      .set({ ...patch, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async updateDerived(id: string, patch: Updateable<SmartGoalsTable>): Promise<void> {
    await this.db.updateTable('smartGoals').set(patch).where('id', '=', id).execute();
  }

  /** Writes the rollup columns (progress, score, latest value and check-in time, facts: null when not given), by a statement compiled once. */
  async setRollup(
    id: string,
    rollup: Pick<
      Updateable<SmartGoalsTable>,
      'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'
    >,
  ): Promise<void> {
    await setRollup(this.db, id, rollup);
  }

  /** `setRollup` of each goal listed, in order, on one hold of the connection. */
  async setRollupsOf(
    list: readonly (readonly [
      string,
      Pick<Updateable<SmartGoalsTable>, 'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'>,
    ])[],
  ): Promise<void> {
    await setRollup.each(this.db, list);
  }

  /** Counts one more check-in and returns its entry sequence number (locks the row on PostgreSQL). */
  /** `n` more check-ins on each goal (on PostgreSQL rows locked in id order); the new counts. */
  async countCheckins(counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    return countCheckins(this.db, 'smart_goals', counts);
  }

  /** Writes the rollup columns of several goals in one statement. */
  async setRollups(
    rollups: readonly (Pick<SmartGoalRow, 'id'> &
      Pick<
        Updateable<SmartGoalsTable>,
        'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'
      >)[],
  ): Promise<void> {
    await setGoalRollups(this.db, 'smart_goals', rollups);
  }

  async nextCheckinSeq(id: string): Promise<number> {
    const row = await this.db
      .updateTable('smartGoals')
      .set((eb) => ({ checkinCount: eb('checkinCount', '+', 1) }))
      .where('id', '=', id)
      .returning('checkinCount')
      .executeTakeFirstOrThrow();
    return row.checkinCount;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('smartGoals')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** How many SMART goals belong to a unit, in any cycle. */
  async countOfUnit(workspaceId: string, unitId: string): Promise<number> {
    const row = await this.db
      .selectFrom('smartGoals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

const find = prepared((db, workspaceId: string, id: string) =>
  db.selectFrom('smartGoals').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id),
);

const setRollup = preparedUpdate('smartGoals', [
  'progress',
  'score',
  'latestValue',
  'latestCheckinAt',
  'facts',
]);
