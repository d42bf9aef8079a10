import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { WebhooksTable } from '../db/schema';
import { bit } from './decode';
import { prepared } from './prepared';

/** A webhook as services see it: `events` the parsed filter, `isEnabled` a boolean (stored as JSON text and 0/1). */
export type WebhookRow = Omit<Selectable<WebhooksTable>, 'events' | 'isEnabled'> & {
  events: string[];
  isEnabled: boolean;
};

/** The stored row of a webhook, decoded in place. */
function decode(row: Selectable<WebhooksTable>): WebhookRow {
  const r = row as unknown as WebhookRow;
  r.events = JSON.parse(row.events) as string[];
  r.isEnabled = row.isEnabled === 1;
  return r;
}

/** A webhook row (or patch) as stored. */
function encode<P extends { events?: string[]; isEnabled?: boolean }>(patch: P) {
  const { events, isEnabled, ...rest } = patch;
  return {
    ...rest,
    ...(events === undefined ? {} : { events: JSON.stringify(events) }),
    ...(isEnabled === undefined ? {} : { isEnabled: bit(isEnabled) }),
  };
}

/** What the outbox needs of a webhook: which events it wants (the parsed filter). */
export interface WebhookTarget {
  id: string;
  events: string[];
}

/** A webhook as the dispatcher sends to it. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  isEnabled: boolean;
}

const enabledTargets = prepared((db, workspaceId: string) =>
  db
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('workspaceId', '=', workspaceId)
    .where('isEnabled', '=', 1),
);

/**
 * The same, locking the rows `FOR KEY SHARE` (PostgreSQL): the lock the foreign key check of
 * the delivery insert takes anyway, taken when the webhooks are read, so a concurrent delete
 * either waits for this transaction or has committed and the webhook is not read at all.
 */
const enabledTargetsLocked = prepared((db, workspaceId: string) =>
  db
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('workspaceId', '=', workspaceId)
    .where('isEnabled', '=', 1)
    .forKeyShare(),
);

/** Queries on `webhooks`, the outgoing webhook endpoints of each workspace. */
export class WebhookRepository {
  /** `hasRowLocks`: PostgreSQL (rows can be locked); SQLite has one writer at a time. */
  constructor(
    readonly db: Executor,
    readonly hasRowLocks = false,
  ) {}

  async insert(row: WebhookRow): Promise<void> {
    await this.db
      .insertInto('webhooks')
      .values(encode(row) as Insertable<WebhooksTable>)
      .execute();
  }

  find(workspaceId: string, id: string): Promise<WebhookRow | undefined> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row) => (row === undefined ? undefined : decode(row)));
  }

  list(workspaceId: string): Promise<WebhookRow[]> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute()
      .then((rows) => rows.map(decode));
  }

  /**
   * The enabled webhooks of a workspace and their filters: one indexed query, run by the outbox
   * for every use case that records events (check-ins included), so it is prepared once. On
   * PostgreSQL the rows are locked against deletion until the transaction ends (the outbox then
   * inserts deliveries that reference them).
   */
  async enabledTargets(workspaceId: string): Promise<WebhookTarget[]> {
    const query = this.hasRowLocks && this.db.isTransaction ? enabledTargetsLocked : enabledTargets;
    const { rows } = await query(this.db, workspaceId);
    for (const row of rows) (row as unknown as WebhookTarget).events = JSON.parse(row.events) as string[];
    return rows as unknown as WebhookTarget[];
  }

  /** The endpoints of some webhooks (any workspace: the dispatcher serves them all). */
  endpoints(ids: readonly string[]): Promise<WebhookEndpoint[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('webhooks')
      .select(['id', 'url', 'secret', 'isEnabled'])
      .where('id', 'in', [...ids])
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, isEnabled: r.isEnabled === 1 })));
  }

  /** Changes a webhook if it is still at `version`; false when it is not (or gone). */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Omit<Updateable<WebhooksTable>, 'events' | 'isEnabled'> & {
      events?: string[];
      isEnabled?: boolean;
    },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ ...(encode(patch) as Updateable<WebhooksTable>), version: version + 1 })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Deletes a webhook (its deliveries go with it); false when there was none. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('webhooks')
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
