import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/database';
import type { WebhooksTable } from '../db/schema';
import { prepared } from './prepared';

export type WebhookRow = Selectable<WebhooksTable>;

/** What the outbox needs of a webhook: which events it wants. */
export interface WebhookTarget {
  id: string;
  events: string;
}

/** A webhook as the dispatcher sends to it. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  secret: string;
  isEnabled: number;
}

const enabledTargets = prepared((db, workspaceId: string) =>
  db
    .selectFrom('webhooks')
    .select(['id', 'events'])
    .where('workspaceId', '=', workspaceId)
    .where('isEnabled', '=', 1),
);

/** Queries on `webhooks`, the outgoing webhook endpoints of each workspace. */
export class WebhookRepository {
  constructor(readonly db: Executor) {}

  async insert(row: Insertable<WebhooksTable>): Promise<void> {
    await this.db.insertInto('webhooks').values(row).execute();
  }

  find(workspaceId: string, id: string): Promise<WebhookRow | undefined> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  list(workspaceId: string): Promise<WebhookRow[]> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  /**
   * The enabled webhooks of a workspace and their filters: one indexed query, run by the outbox
   * for every use case that records events (check-ins included), so it is prepared once.
   */
  async enabledTargets(workspaceId: string): Promise<WebhookTarget[]> {
    return (await enabledTargets(this.db, workspaceId)).rows;
  }

  /** The endpoints of some webhooks (any workspace: the dispatcher serves them all). */
  endpoints(ids: readonly string[]): Promise<WebhookEndpoint[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('webhooks')
      .select(['id', 'url', 'secret', 'isEnabled'])
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Changes a webhook if it is still at `version`; false when it is not (or gone). */
  async update(
    workspaceId: string,
    id: string,
    version: number,
    patch: Updateable<WebhooksTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ ...patch, version: version + 1 })
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
