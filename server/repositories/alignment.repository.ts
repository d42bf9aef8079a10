import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { AlignmentsTable } from '../db/schema';
import { prepared } from './prepared';

export type AlignmentRow = Selectable<AlignmentsTable>;

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
}

const parentsOf = prepared((db, childId: string) =>
  db.selectFrom('alignments').selectAll().where('childId', 'in', [childId]),
);
const childrenOf = prepared((db, parentId: string) =>
  db
    .selectFrom('alignments')
    .selectAll()
    .where('parentId', 'in', [parentId])
    .orderBy('createdAt')
    .orderBy('id'),
);
