import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { AlignmentsTable } from '../db/schema';
import { prepared } from './prepared';

export type AlignmentRow = Selectable<AlignmentsTable>;

/** A child of an aligned KR with the stored rollup columns its parent is computed from. */
export interface ChildRollup {
  childId: string;
  childType: 'objective' | 'smart_goal';
  weight: number;
  state: string;
  progress: number | null;
  score: number | null;
  latestCheckinAt: number | null;
}

/** Queries on `alignments`: weighted links from a child goal up to a parent objective or KR. */
export class AlignmentRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<AlignmentsTable>): Promise<void> {
    await this.db.insertInto('alignments').values(row).execute();
  }

  find(workspaceId: string, childId: string, parentId: string): Promise<AlignmentRow | undefined> {
    return this.db
      .selectFrom('alignments')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('childId', '=', childId)
      .where('parentId', '=', parentId)
      .executeTakeFirst();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('alignments').where('id', '=', id).execute();
  }

  async setWeight(id: string, weight: number): Promise<void> {
    await this.db.updateTable('alignments').set({ weight }).where('id', '=', id).execute();
  }

  /** Links up from some children. */
  parentsOf(childIds: readonly string[]): Promise<AlignmentRow[]> {
    if (childIds.length === 0) return Promise.resolve([]);
    if (childIds.length === 1) return parentsOf(this.db, childIds[0]!).then((r) => r.rows);
    return this.db.selectFrom('alignments').selectAll().where('childId', 'in', childIds).execute();
  }

  /**
   * The children of one parent, in link order, with the few columns a rollup needs, read in one
   * query. Recomputing an aligned KR read its links and then its children's whole rows; with
   * about fifty children per KR of the large organisation that was a fifth of a check-in.
   * Links whose child is gone or in another workspace are left out.
   */
  async childRollups(workspaceId: string, parentId: string): Promise<ChildRollup[]> {
    const { rows } = await childRollups(this.db, workspaceId, parentId);
    const out: ChildRollup[] = [];
    for (const row of rows) {
      const isObjective = row.childType === 'objective';
      const state = isObjective ? row.objectiveState : row.goalState;
      if (state === null) continue;
      out.push({
        childId: row.childId,
        childType: row.childType,
        weight: row.weight,
        state,
        progress: isObjective ? row.objectiveProgress : row.goalProgress,
        score: isObjective ? row.objectiveScore : row.goalScore,
        latestCheckinAt: isObjective ? row.objectiveLatest : row.goalLatest,
      });
    }
    return out;
  }

  /** Links down to some parents. */
  childrenOf(parentIds: readonly string[]): Promise<AlignmentRow[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    if (parentIds.length === 1) return childrenOf(this.db, parentIds[0]!).then((r) => r.rows);
    return this.db
      .selectFrom('alignments')
      .selectAll()
      .where('parentId', 'in', parentIds)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  /** Removes every link from or to any of these goals; returns the links removed. */
  async deleteTouching(workspaceId: string, ids: readonly string[]): Promise<AlignmentRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('alignments')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where((eb) => eb.or([eb('childId', 'in', ids), eb('parentId', 'in', ids)]))
      .execute();
    if (rows.length > 0)
      await this.db
        .deleteFrom('alignments')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    return rows;
  }
}

const parentsOf = prepared((db, childId: string) =>
  db.selectFrom('alignments').selectAll().where('childId', 'in', [childId]),
);
const childRollups = prepared((db, workspaceId: string, parentId: string) =>
  db
    .selectFrom('alignments as a')
    .leftJoin('objectives as o', (join) =>
      join
        .onRef('o.id', '=', 'a.childId')
        .on('a.childType', '=', 'objective')
        .onRef('o.workspaceId', '=', 'a.workspaceId'),
    )
    .leftJoin('smartGoals as g', (join) =>
      join
        .onRef('g.id', '=', 'a.childId')
        .on('a.childType', '=', 'smart_goal')
        .onRef('g.workspaceId', '=', 'a.workspaceId'),
    )
    .select([
      'a.childId',
      'a.childType',
      'a.weight',
      'o.state as objectiveState',
      'o.progress as objectiveProgress',
      'o.score as objectiveScore',
      'o.latestCheckinAt as objectiveLatest',
      'g.state as goalState',
      'g.progress as goalProgress',
      'g.score as goalScore',
      'g.latestCheckinAt as goalLatest',
    ])
    .where('a.workspaceId', '=', workspaceId)
    .where('a.parentId', '=', parentId)
    .orderBy('a.createdAt')
    .orderBy('a.id'),
);
const childrenOf = prepared((db, parentId: string) =>
  db
    .selectFrom('alignments')
    .selectAll()
    .where('parentId', 'in', [parentId])
    .orderBy('createdAt')
    .orderBy('id'),
);
