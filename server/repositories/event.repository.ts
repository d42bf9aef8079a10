import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { EventsTable } from '../db/schema';
import { preparedInsert } from './prepared';

export type EventRow = Selectable<EventsTable>;

/** Queries on `events`, the audit record of every change. */
export class EventRepository {
  constructor(readonly db: Executor) {}

  async insertMany(rows: readonly Insertable<EventsTable>[]): Promise<void> {
    if (rows.length === 1) await insertOne(this.db, rows[0]!);
    else if (rows.length > 0)
      await this.db
        .insertInto('events')
        .values([...rows])
        .execute();
  }

  /** The history of one entity, oldest first. */
  listByEntity(workspaceId: string, entityId: string): Promise<EventRow[]> {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('entityId', '=', entityId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  /** Which of some entities were edited after their cycle closed. */
  async editedAfterClose(entityIds: readonly string[]): Promise<Set<string>> {
    if (entityIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('events')
      .select('entityId')
      .distinct()
      .where('entityId', 'in', entityIds)
      .where('isEditedAfterClose', '=', 1)
      .execute();
    return new Set(rows.map((r) => r.entityId));
  }
}

const insertOne = preparedInsert('events', [
  'id',
  'workspaceId',
  'actorType',
  'actorId',
  'actorTokenId',
  'at',
  'source',
  'entityType',
  'entityId',
  'action',
  'before',
  'after',
  'isEditedAfterClose',
]);
