import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type { WebhookDeliveriesTable, WebhookDeliveryState } from '../db/schema';
import { insertRows } from './prepared';

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

/** The result of one attempt, written by the delivery job that made it. */
export interface AttemptResult {
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: number;
  deliveredAt: number | null;
}

/** Queries on `webhook_deliveries`: the outbox of webhook messages and their delivery log. */
export class WebhookDeliveryRepository {
  constructor(readonly db: Executor) {}

  async insertMany(rows: readonly Insertable<WebhookDeliveriesTable>[]): Promise<void> {
    await insertRows(this.db, 'webhookDeliveries', rows);
  }

  find(workspaceId: string, webhookId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
    return this.db
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('webhookId', '=', webhookId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /**
   * A webhook's deliveries, newest first, after a keyset position `[createdAt, id]` (exclusive);
   * `limit + 1` rows are read so the caller knows whether there is a next page.
   */
  page(
    workspaceId: string,
    webhookId: string,
    options: { after?: { createdAt: number; id: string }; limit: number; state?: WebhookDeliveryState },
  ): Promise<WebhookDeliveryRow[]> {
    let query = this.db
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('webhookId', '=', webhookId);
    const { after, state } = options;
    if (state) query = query.where('state', '=', state);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('createdAt', '<', after.createdAt),
          eb.and([eb('createdAt', '=', after.createdAt), eb('id', '<', after.id)]),
        ]),
      );
    return query
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
  }

  /** A delivery by its id alone (the delivery job's handler). */
  findById(id: string): Promise<WebhookDeliveryRow | undefined> {
    return this.db.selectFrom('webhookDeliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Writes an attempt's result, only if the delivery is still pending with the attempts it had when
   * the attempt began (so a run that stalled past its job's lease cannot overwrite a newer result).
   */
  async record(id: string, attemptsBefore: number, result: AttemptResult): Promise<boolean> {
    const updated = await this.db
      .updateTable('webhookDeliveries')
      .set(result)
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .where('attempts', '=', attemptsBefore)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /** Queues a finished delivery for one more attempt now; false when it is pending or held. */
  async requeue(workspaceId: string, id: string, now: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('webhookDeliveries')
      .set({ state: 'pending', nextAttemptAt: now })
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', id)
      .where('state', '<>', 'pending')
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /**
   * Deletes up to `limit` finished (delivered or failed) deliveries created before `before`;
   * returns how many. Pending ones are never deleted.
   */
  async prune(before: number, limit: number): Promise<number> {
    const old = this.db
      .selectFrom('webhookDeliveries')
      .select('id')
      .where('state', '<>', 'pending')
      .where('createdAt', '<', before)
      .limit(limit);
    const deleted = await this.db.deleteFrom('webhookDeliveries').where('id', 'in', old).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  /** Ends a webhook's pending deliveries as failed, with a reason (when it is disabled). */
  async failPending(workspaceId: string, webhookId: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhookDeliveries')
      .set({ state: 'failed', lastError: reason })
      .where('workspaceId', '=', workspaceId)
      .where('webhookId', '=', webhookId)
      .where('state', '=', 'pending')
      .execute();
  }
}
