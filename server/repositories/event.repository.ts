import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { EventsTable } from '../db/schema';
import { insertRows, preparedInsert } from './prepared';

/**
 * An event as read: `before` and `after` parsed, `isEditedAfterClose` a boolean (stored as JSON
 * text and 0/1). Writes take the stored shape: `services/session` encodes each event once, for
 * the insert, the webhook outbox and the live notices together.
 */
export type EventRow = Omit<Selectable<EventsTable>, 'before' | 'after' | 'isEditedAfterClose'> & {
  before: unknown;
  after: unknown;
  isEditedAfterClose: boolean;
};

/** Queries on `events`, the audit record of every change. */
export class EventRepository {
  constructor(readonly db: Executor) {}

  async insertMany(rows: readonly Insertable<EventsTable>[]): Promise<void> {
    if (rows.length === 1) await insertOne(this.db, rows[0]!);
    else await insertRows(this.db, 'events', rows);
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
      .execute()
      .then((rows) => {
        for (const row of rows) {
          const r = row as unknown as EventRow;
          r.before = row.before === null ? null : (JSON.parse(row.before) as unknown);
          r.after = row.after === null ? null : (JSON.parse(row.after) as unknown);
          r.isEditedAfterClose = row.isEditedAfterClose === 1;
        }
        return rows as unknown as EventRow[];
      });
  }

  /**
   * Which of some entities were edited after their cycle closed, in chunks of 10,000 ids (a closed
   * cycle of the large organisation has 33,000 goals: over SQLite's 32,766 parameters at once).
   */
  async editedAfterClose(entityIds: readonly string[]): Promise<Set<string>> {
    const edited = new Set<string>();
    for (let i = 0; i < entityIds.length; i += 10_000) {
      const rows = await this.db
        .selectFrom('events')
        .select('entityId')
        .distinct()
        .where('entityId', 'in', entityIds.slice(i, i + 10_000))
        .where('isEditedAfterClose', '=', 1)
        .execute();
      for (const row of rows) edited.add(row.entityId);
    }
    return edited;
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
