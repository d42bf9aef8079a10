import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database';
import type { CheckInsTable } from '../db/schema';
import { insertRows, prepared, preparedInsert } from './prepared';

export type CheckInRow = Selectable<CheckInsTable>;

/** The columns of a check-in that the maths reads (no note, author or source). */
export type CheckInFacts = Pick<
  CheckInRow,
  'id' | 'correctsId' | 'at' | 'seq' | 'value' | 'done' | 'confidence'
>;

/** A check-in as a goal's history holds it: the facts, the goal and the note (no author or source). */
export type CheckInHistory = CheckInFacts & Pick<CheckInRow, 'goalId' | 'note'>;

/** Queries on `check_ins`: insert-only, never updated in place. */
export class CheckInRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<CheckInsTable>): Promise<void> {
    await insertOne(this.db, row);
  }

  async insertMany(rows: readonly Insertable<CheckInsTable>[]): Promise<void> {
    await insertRows(this.db, 'checkIns', rows);
  }

  find(workspaceId: string, id: string): Promise<CheckInRow | undefined> {
    return this.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * One goal's check-ins with only the columns the maths reads, in order: what a rollup reads on
   * every check-in. Narrow on purpose (notes may be long; every column mapped costs).
   */
  factsOfGoal(goalId: string): Promise<CheckInFacts[]> {
    return factsOfGoal(this.db, goalId).then((r) => r.rows);
  }

  /**
   * The facts the maths reads (no note, no author) of every check-in of some goals, by goal, time
   * and order of entry: what evaluating a page of goals needs, at a fraction of `listByGoals`' cost.
   */
  factsByGoals(goalIds: readonly string[]): Promise<(CheckInFacts & { goalId: string })[]> {
    if (goalIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('checkIns')
      .select(['goalId', 'id', 'correctsId', 'at', 'seq', 'value', 'done', 'confidence'])
      .where('goalId', 'in', goalIds)
      .orderBy('goalId')
      .orderBy('at')
      .orderBy('seq')
      .execute();
  }

  /** `factsOfGoal` of several goals in one query (PostgreSQL's group commit), by goal. */
  async factsOfGoals(goalIds: readonly string[]): Promise<Map<string, CheckInFacts[]>> {
    const out = new Map<string, CheckInFacts[]>(goalIds.map((id) => [id, []]));
    for (const { goalId, ...facts } of await this.factsByGoals(goalIds)) out.get(goalId)?.push(facts);
    return out;
  }

  /**
   * The history of some goals (`CheckInHistory`: no author, source or timestamps of entry), by
   * goal, time and order of entry, in chunks of goals under the parameter limits. Narrow on
   * purpose: a slice of the large organisation reads 170,000 check-ins, and every column mapped
   * into every row object costs (half the time of `listByGoals` there).
   */
  async historyOfGoals(goalIds: readonly string[]): Promise<CheckInHistory[]> {
    const out: CheckInHistory[] = [];
    for (let i = 0; i < goalIds.length; i += 10_000) {
      // Named as the rows are typed in the SQL itself and read straight from the connection:
      // the camel-case plugin's pass over every key of 170,000 rows (a cycle of the large
      // organisation) made new objects of them all, a fifth of reading them.
      const query =
        sql<CheckInHistory>`select id, goal_id as "goalId", corrects_id as "correctsId", at, seq, value, done, confidence, note from check_ins where goal_id in (${sql.join(goalIds.slice(i, i + 10_000))}) order by goal_id, at, seq`.compile(
          this.db,
        );
      const { rows } = await this.db
        .getExecutor()
        .provideConnection((c) => c.executeQuery<CheckInHistory>(query));
      for (const row of rows) out.push(row);
    }
    return out;
  }

  /** Every check-in of some goals, by goal, time and order of entry (an indexed range per goal). */
  listByGoals(goalIds: readonly string[]): Promise<CheckInRow[]> {
    if (goalIds.length === 0) return Promise.resolve([]);
    if (goalIds.length === 1) return listByGoal(this.db, goalIds[0]!).then((r) => r.rows);
    return this.db
      .selectFrom('checkIns')
      .selectAll()
      .where('goalId', 'in', goalIds)
      .orderBy('goalId')
      .orderBy('at')
      .orderBy('seq')
      .execute();
  }

  /** Deletes every check-in of these goals (a goal being deleted); returns how many. */
  async deleteOfGoals(workspaceId: string, goalIds: readonly string[]): Promise<number> {
    if (goalIds.length === 0) return 0;
    const result = await this.db
      .deleteFrom('checkIns')
      .where('workspaceId', '=', workspaceId)
      .where('goalId', 'in', goalIds)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

const insertOne = preparedInsert('checkIns', [
  'id',
  'workspaceId',
  'goalType',
  'goalId',
  'seq',
  'at',
  'value',
  'done',
  'confidence',
  'note',
  'authorId',
  'source',
  'correctsId',
  'createdAt',
]);
const listByGoal = prepared((db, goalId: string) =>
  db
    .selectFrom('checkIns')
    .selectAll()
    .where('goalId', 'in', [goalId])
    .orderBy('goalId')
    .orderBy('at')
    .orderBy('seq'),
);
const factsOfGoal = prepared((db, goalId: string) =>
  db
    .selectFrom('checkIns')
    .select(['id', 'correctsId', 'at', 'seq', 'value', 'done', 'confidence'])
    .where('goalId', 'in', [goalId])
    .orderBy('goalId')
    .orderBy('at')
    .orderBy('seq'),
);
