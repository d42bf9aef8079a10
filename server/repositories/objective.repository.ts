import { type Insertable, PostgresAdapter, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { ObjectivesTable } from '../db/schema';
import { insertRows, prepared, preparedUpdate } from './prepared';

export type ObjectiveRow = Selectable<ObjectivesTable>;

/** Rollup columns of an objective. */
export type ObjectiveRollup = Pick<ObjectiveRow, 'progress' | 'score' | 'latestCheckinAt'>;

/** Queries on `objectives`. */
export class ObjectiveRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<ObjectivesTable>): Promise<void> {
    await this.db.insertInto('objectives').values(row).execute();
  }

  /** Many rows in a few statements (an import). */
  async insertMany(rows: readonly Insertable<ObjectivesTable>[]): Promise<void> {
    await insertRows(this.db, 'objectives', rows);
  }

  /** One row; with `forUpdate` (PostgreSQL only) the row stays locked until the transaction ends. */
  find(
    workspaceId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<ObjectiveRow | undefined> {
    return (options.forUpdate ? findForUpdate : find)(this.db, workspaceId, id).then((r) => r.rows[0]);
  }

  /**
   * Rows by primary key, those of the workspace only. The workspace is checked on the rows rather
   * than in SQL, so that SQLite looks the ids up by primary key instead of scanning the workspace.
   */
  async findMany(workspaceId: string, ids: readonly string[]): Promise<ObjectiveRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('objectives').selectAll().where('id', 'in', ids).execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
  }

  /**
   * PostgreSQL's group commit: rows of the workspace by id, locked in id order until the
   * transaction ends (the order every writer takes objective rows in).
   */
  async findManyForUpdate(workspaceId: string, ids: readonly string[]): Promise<ObjectiveRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('objectives')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  /**
   * Writes the rollup columns of several objectives: one statement on PostgreSQL, one compiled
   * statement run per row on SQLite (no round trips there).
   */
  async setRollups(
    rollups: readonly {
      id: string;
      progress: number | null;
      score: number | null;
      latestCheckinAt: number | null;
    }[],
  ): Promise<void> {
    if (rollups.length === 0) return;
    if (!(this.db.getExecutor().adapter instanceof PostgresAdapter)) {
      await setRollup.each(
        this.db,
        rollups.map((r) => [r.id, r] as const),
      );
      return;
    }
    await sql`
      update objectives as o set progress = v.progress, score = v.score, latest_checkin_at = v.latest_checkin_at
      from unnest(${rollups.map((r) => r.id)}::text[], ${rollups.map((r) => r.progress)}::float8[],
        ${rollups.map((r) => r.score)}::float8[], ${rollups.map((r) => r.latestCheckinAt)}::bigint[])
        as v(id, progress, score, latest_checkin_at)
      where o.id = v.id`.execute(this.db);
  }

  /** Objectives of a cycle, optionally only those owned by some units. */
  async listByCycle(
    workspaceId: string,
    cycleId: string,
    unitIds?: readonly string[],
  ): Promise<ObjectiveRow[]> {
    if (unitIds?.length === 0) return [];
    // By (cycle, unit) index; the workspace is checked on the rows (a cycle has one workspace).
    let query = this.db.selectFrom('objectives').selectAll().where('cycleId', '=', cycleId);
    if (unitIds) query = query.where('unitId', 'in', unitIds);
    const rows = await query.orderBy('createdAt').orderBy('id').execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
  }

  /**
   * The few columns the dashboard counts need, for every objective of a cycle, in the order of
   * `listByCycle`. Narrow on purpose: mapping every column of thousands of rows costs more than
   * the query (27 ms against 6 ms for a cycle of the large organisation on SQLite).
   */
  async listSummariesByCycle(
    workspaceId: string,
    cycleId: string,
  ): Promise<
    Pick<
      ObjectiveRow,
      | 'id'
      | 'workspaceId'
      | 'unitId'
      | 'progress'
      | 'score'
      | 'latestCheckinAt'
      | 'kind'
      | 'state'
      | 'visibility'
      | 'leadId'
      | 'ownerId'
      | 'createdAt'
    >[]
  > {
    const rows = await this.db
      .selectFrom('objectives')
      .select([
        'id',
        'workspaceId',
        'unitId',
        'progress',
        'score',
        'latestCheckinAt',
        'kind',
        'state',
        'visibility',
        'leadId',
        'ownerId',
        'createdAt',
      ])
      .where('cycleId', '=', cycleId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
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

  /** Writes the rollup columns (progress, score and latest check-in time), by a statement compiled once. */
  async setRollup(
    id: string,
    rollup: Pick<Updateable<ObjectivesTable>, 'progress' | 'score' | 'latestCheckinAt'>,
  ): Promise<void> {
    await setRollup(this.db, id, rollup);
  }

  /** Deletes an objective (its KRs go with it, by the foreign key); successors forget it as predecessor. */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .updateTable('objectives')
      .set({ predecessorId: null })
      .where('workspaceId', '=', workspaceId)
      .where('predecessorId', '=', id)
      .execute();
    await this.db
      .deleteFrom('objectives')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** How many objectives belong to a unit, in any cycle. */
  async countOfUnit(workspaceId: string, unitId: string): Promise<number> {
    const row = await this.db
      .selectFrom('objectives')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .where('unitId', '=', unitId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

const findQuery = (db: Executor, workspaceId: string, id: string) =>
  db.selectFrom('objectives').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id);
const find = prepared(findQuery);
const findForUpdate = prepared((db, workspaceId: string, id: string) =>
  findQuery(db, workspaceId, id).forUpdate(),
);

const setRollup = preparedUpdate('objectives', ['progress', 'score', 'latestCheckinAt']);
