import { type Insertable, PostgresAdapter, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { KeyResultsTable } from '../db/schema';
import { insertRows, prepared, preparedUpdate } from './prepared';

export type KeyResultRow = Selectable<KeyResultsTable>;

/** Queries on `key_results`. */
export class KeyResultRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<KeyResultsTable>): Promise<void> {
    await this.db.insertInto('keyResults').values(row).execute();
  }

  /** Many rows in a few statements (an import). */
  async insertMany(rows: readonly Insertable<KeyResultsTable>[]): Promise<void> {
    await insertRows(this.db, 'keyResults', rows);
  }

  /** One row; with `forUpdate` (PostgreSQL only) the row stays locked until the transaction ends. */
  find(
    workspaceId: string,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<KeyResultRow | undefined> {
    return (options.forUpdate ? findForUpdate : find)(this.db, workspaceId, id).then((r) => r.rows[0]);
  }

  /**
   * Rows by primary key, those of the workspace only. The workspace is checked on the rows rather
   * than in SQL, so that SQLite looks the ids up by primary key instead of scanning the workspace.
   */
  async findMany(workspaceId: string, ids: readonly string[]): Promise<KeyResultRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('keyResults').selectAll().where('id', 'in', ids).execute();
    return rows.filter((row) => row.workspaceId === workspaceId);
  }

  /** Key results of some objectives, in display order. */
  listByObjectives(objectiveIds: readonly string[]): Promise<KeyResultRow[]> {
    if (objectiveIds.length === 0) return Promise.resolve([]);
    if (objectiveIds.length === 1) return listByObjective(this.db, objectiveIds[0]!).then((r) => r.rows);
    return this.db
      .selectFrom('keyResults')
      .selectAll()
      .where('objectiveId', 'in', objectiveIds)
      .orderBy('objectiveId')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  /**
   * The columns an objective's score is computed from, for each of its KRs in order: what a
   * rollup reads for every objective above a check-in.
   */
  rollupsOfObjective(
    objectiveId: string,
  ): Promise<Pick<KeyResultRow, 'id' | 'weight' | 'progress' | 'score' | 'latestCheckinAt'>[]> {
    return rollupsOfObjective(this.db, objectiveId).then((r) => r.rows);
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

  /** Writes the rollup columns (progress, score, latest value and check-in time, facts: null when not given), by a statement compiled once. */
  async setRollup(
    id: string,
    rollup: Pick<
      Updateable<KeyResultsTable>,
      'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'
    >,
  ): Promise<void> {
    await setRollup(this.db, id, rollup);
  }

  /** `setRollup` of each goal listed, in order, on one hold of the connection. */
  async setRollupsOf(
    list: readonly (readonly [
      string,
      Pick<Updateable<KeyResultsTable>, 'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'>,
    ])[],
  ): Promise<void> {
    await setRollup.each(this.db, list);
  }

  /**
   * The rollups of several objectives' KRs in one query (PostgreSQL's group commit), by objective,
   * each list in the order of `rollupsOfObjective`.
   */
  async rollupsOfObjectives(
    objectiveIds: readonly string[],
  ): Promise<Map<string, Pick<KeyResultRow, 'id' | 'weight' | 'progress' | 'score' | 'latestCheckinAt'>[]>> {
    const out = new Map<
      string,
      Pick<KeyResultRow, 'id' | 'weight' | 'progress' | 'score' | 'latestCheckinAt'>[]
    >();
    if (objectiveIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('keyResults')
      .select(['objectiveId', 'id', 'weight', 'progress', 'score', 'latestCheckinAt'])
      .where('objectiveId', 'in', objectiveIds)
      .orderBy('objectiveId')
      .orderBy('position')
      .orderBy('id')
      .execute();
    for (const { objectiveId, ...row } of rows) {
      const list = out.get(objectiveId);
      if (list) list.push(row);
      else out.set(objectiveId, [row]);
    }
    return out;
  }

  /**
   * Counts `n` more check-ins on each KR in one statement (PostgreSQL locks the rows in id order);
   * returns each KR's new count (its last new check-in's sequence number). KRs not found
   * are missing from the answer.
   */
  async countCheckins(counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    return countCheckins(this.db, 'key_results', counts);
  }

  /** Writes the rollup columns of several KRs in one statement. */
  async setRollups(
    rollups: readonly (Pick<KeyResultRow, 'id'> &
      Pick<
        Updateable<KeyResultsTable>,
        'progress' | 'score' | 'latestValue' | 'latestCheckinAt' | 'facts'
      >)[],
  ): Promise<void> {
    await setGoalRollups(this.db, 'key_results', rollups);
  }

  /** Counts one more check-in and returns its entry sequence number (locks the row on PostgreSQL). */
  async nextCheckinSeq(id: string): Promise<number> {
    const [row] = (await countCheckin(this.db, id)).rows;
    if (!row) throw new Error(`key result ${id} missing`);
    return row.checkinCount;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db
      .deleteFrom('keyResults')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}

const findQuery = (db: Executor, workspaceId: string, id: string) =>
  db.selectFrom('keyResults').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id);
const find = prepared(findQuery);
const findForUpdate = prepared((db, workspaceId: string, id: string) =>
  findQuery(db, workspaceId, id).forUpdate(),
);
const listByObjective = prepared((db, objectiveId: string) =>
  db
    .selectFrom('keyResults')
    .selectAll()
    .where('objectiveId', 'in', [objectiveId])
    .orderBy('objectiveId')
    .orderBy('position')
    .orderBy('id'),
);
const rollupsOfObjective = prepared((db, objectiveId: string) =>
  db
    .selectFrom('keyResults')
    .select(['id', 'weight', 'progress', 'score', 'latestCheckinAt'])
    .where('objectiveId', 'in', [objectiveId])
    .orderBy('objectiveId')
    .orderBy('position')
    .orderBy('id'),
);
const countCheckin = prepared((db, id: string) =>
  db
    .updateTable('keyResults')
    .set((eb) => ({ checkinCount: eb('checkinCount', '+', 1) }))
    .where('id', '=', id)
    .returning('checkinCount'),
);

/** `n` more check-ins on each goal of a table (on PostgreSQL rows locked in id order); the new counts. */
export async function countCheckins(
  db: Executor,
  table: 'key_results' | 'smart_goals',
  counts: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  if (counts.size === 0) return new Map();
  const ids = [...counts.keys()].sort();
  if (!isPostgres(db)) {
    // SQLite (one writer at a time, nothing to lock): a `values` list joined by `update … from`.
    const out = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000).map((id) => ({ id, n: counts.get(id)! }));
      const { rows } = await sql<{ id: string; checkinCount: number }>`
        with v(id, n) as (values ${sql.join(chunk.map((r) => sql`(${r.id}, ${r.n})`))})
        update ${sql.raw(table)} set checkin_count = checkin_count + v.n from v
        where ${sql.raw(table)}.id = v.id
        returning id, checkin_count`.execute(db);
      for (const r of rows) out.set(r.id, Number(r.checkinCount));
    }
    return out;
  }
  const { rows } = await sql<{ id: string; checkinCount: number }>`
    with locked as (select id from ${sql.raw(table)} where id = any(${ids}::text[]) order by id for update)
    update ${sql.raw(table)} as g set checkin_count = g.checkin_count + v.n
    from unnest(${ids}::text[], ${ids.map((id) => counts.get(id)!)}::int[]) as v(id, n)
    where g.id = v.id and g.id in (select id from locked)
    returning g.id, g.checkin_count`.execute(db);
  return new Map(rows.map((r) => [r.id, Number(r.checkinCount)]));
}

/** The rollup columns of several measured goals of a table, in one statement (per chunk on SQLite). */
export async function setGoalRollups(
  db: Executor,
  table: 'key_results' | 'smart_goals',
  rollups: readonly {
    id: string;
    progress?: number | null;
    score?: number | null;
    latestValue?: number | null;
    latestCheckinAt?: number | null;
    facts?: string | null;
  }[],
): Promise<void> {
  if (rollups.length === 0) return;
  if (!isPostgres(db)) {
    for (let i = 0; i < rollups.length; i += 1_000) {
      const values = rollups
        .slice(i, i + 1_000)
        .map(
          (r) =>
            sql`(${r.id}, ${r.progress ?? null}, ${r.score ?? null}, ${r.latestValue ?? null}, ${r.latestCheckinAt ?? null}, ${r.facts ?? null})`,
        );
      await sql`
        with v(id, progress, score, latest_value, latest_checkin_at, facts) as (values ${sql.join(values)})
        update ${sql.raw(table)} set progress = v.progress, score = v.score,
          latest_value = v.latest_value, latest_checkin_at = v.latest_checkin_at, facts = v.facts
        from v where ${sql.raw(table)}.id = v.id`.execute(db);
    }
    return;
  }
  const column = (pick: (r: (typeof rollups)[number]) => number | null | undefined) =>
    rollups.map((r) => pick(r) ?? null);
  await sql`
    update ${sql.raw(table)} as g set progress = v.progress, score = v.score,
      latest_value = v.latest_value, latest_checkin_at = v.latest_checkin_at, facts = v.facts
    from unnest(${rollups.map((r) => r.id)}::text[], ${column((r) => r.progress)}::float8[],
      ${column((r) => r.score)}::float8[], ${column((r) => r.latestValue)}::float8[],
      ${column((r) => r.latestCheckinAt)}::bigint[], ${rollups.map((r) => r.facts ?? null)}::text[])
      as v(id, progress, score, latest_value, latest_checkin_at, facts)
    where g.id = v.id`.execute(db);
}

const setRollup = preparedUpdate('keyResults', [
  'progress',
  'score',
  'latestValue',
  'latestCheckinAt',
  'facts',
]);

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;
