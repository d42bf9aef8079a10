import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { WebhookDeliveryState } from '../db/schema';
import { authorize } from '../policies/authorize';
import type { WebhookRow } from '../repositories/webhook.repository';
import type { WebhookDeliveryRow } from '../repositories/webhook-delivery.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { staleVersion } from './goal-access';
import { openSession, recordEvents, type Session } from './session';
import { accept, invalid, isEmptyChange, notFound } from './validate';
import { deliveryJob, newDelivery, queueDeliveries, WEBHOOK_ENTITY } from './webhook-outbox';

/** An http(s) URL without a user name or password (fetch refuses those, and they would leak). */
const webhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a URL; expected http://... or https://...' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      ctx.addIssue({ code: 'custom', message: `only http and https URLs are allowed, not ${url.protocol}` });
    else if (url.username || url.password)
      ctx.addIssue({ code: 'custom', message: 'a user name or password in the URL is not allowed' });
  });

const eventPattern = z
  .string()
  .trim()
  .regex(
    /^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$/,
    'expected "*", "entity_type.*" or "entity_type.action", such as "key_result.checked_in"',
  );
const events = z
  .array(eventPattern)
  .min(1)
  .max(50)
  .transform((list) => [...new Set(list)]);
const description = z.string().trim().max(500);

/** Input of `create`. */
export const createWebhookSchema = z
  .object({
    url: webhookUrl,
    description: description.default(''),
    events: events.default(['*']),
    isEnabled: z.boolean().default(true),
  })
  .strict();

/** Input of `update`: the version read, and what to change. */
export const updateWebhookSchema = z
  .object({
    version: z.number().int().positive(),
    url: webhookUrl.optional(),
    description: description.optional(),
    events: events.optional(),
    isEnabled: z.boolean().optional(),
  })
  .strict();

/** A webhook as services return it: never its secret, but where it was created and to whom it sends. */
export interface WebhookView {
  id: string;
  url: string;
  description: string;
  events: string[];
  isEnabled: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/** A delivery as the log shows it. */
export interface WebhookDeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  type: string;
  state: WebhookDeliveryState;
  attempts: number;
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
  createdAt: number;
  /** The body sent (and signed). */
  payload: unknown;
}

/** Options of the delivery log. */
export interface DeliveryQuery {
  /** The key of the last delivery of the previous page (`createdAt:id`). */
  after?: string;
  limit: number;
  state?: WebhookDeliveryState;
}

const view = (row: WebhookRow): WebhookView => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: row.events,
  isEnabled: row.isEnabled,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

/** The key a delivery is paged by, newest first. */
export const deliveryKey = (d: { createdAt: number; id: string }) => `${d.createdAt}:${d.id}`;

function deliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  const payload = JSON.parse(row.payload) as { type: string };
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    type: payload.type,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    payload,
  };
}

/** A new signing secret: `whsec_` + base64 of 24 random bytes (Standard Webhooks). */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Outgoing webhooks (SPEC 6): admins register endpoints with an event filter, read the delivery
 * log, send a test message and retry a delivery. Every change is an audit event (`webhook.*`),
 * which is not itself delivered to webhooks; `webhook.test` is, to its one webhook.
 */
export class WebhookService {
  constructor(readonly deps: ServiceDeps) {}

  /** The workspace's webhooks, oldest first. */
  async list(actor: Actor): Promise<WebhookView[]> {
    const session = await this.#admin(actor);
    return (await session.repos.webhooks.list(actor.workspaceId)).map(view);
  }

  /** One webhook (without its secret). */
  async get(actor: Actor, id: string): Promise<WebhookView> {
    const session = await this.#admin(actor);
    return view(await this.#find(session, id));
  }

  /** Registers a webhook; its secret is in this answer only. */
  async create(
    actor: Actor,
    input: z.input<typeof createWebhookSchema>,
  ): Promise<WebhookView & { secret: string }> {
    const data = accept(createWebhookSchema, input);
    await this.#assertTarget(data.url);
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row: WebhookRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        url: data.url,
        description: data.description,
        events: data.events,
        secret: newSecret(),
        isEnabled: data.isEnabled,
        createdBy: actor.personId,
        createdAt: session.at,
        updatedAt: session.at,
        version: 1,
      };
      await session.repos.webhooks.insert(row);
      const created = view(row);
      await recordEvents(session, [
        { entityType: WEBHOOK_ENTITY, entityId: row.id, action: 'created', after: created },
      ]);
      return { ...created, secret: row.secret };
    });
  }

  /**
   * Changes a webhook's URL, description, filter or enabled flag; a stale version is a `conflict`.
   * Disabling it ends its pending deliveries as failed ("webhook disabled").
   */
  async update(actor: Actor, id: string, input: z.input<typeof updateWebhookSchema>): Promise<WebhookView> {
    const data = accept(updateWebhookSchema, input);
    if (data.url !== undefined) await this.#assertTarget(data.url);
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row = await this.#find(session, id);
      if (isEmptyChange(data))
        return data.version === row.version ? view(row) : staleVersion('webhook', id, row.version);
      const { version, ...changes } = data;
      const next: WebhookRow = {
        ...row,
        url: changes.url ?? row.url,
        description: changes.description ?? row.description,
        events: changes.events ?? row.events,
        isEnabled: changes.isEnabled ?? row.isEnabled,
        updatedAt: session.at,
        version: version + 1,
      };
      const { url, description, events, isEnabled, updatedAt } = next;
      const isChanged = await session.repos.webhooks.update(actor.workspaceId, id, version, {
        url,
        description,
        events,
        isEnabled,
        updatedAt,
      });
      if (!isChanged)
        return staleVersion(
          'webhook',
          id,
          (await session.repos.webhooks.find(actor.workspaceId, id))?.version,
        );
      if (row.isEnabled && !isEnabled)
        await session.repos.webhookDeliveries.failPending(actor.workspaceId, id, 'webhook disabled');
      const after = view(next);
      await recordEvents(session, [
        { entityType: WEBHOOK_ENTITY, entityId: id, action: 'updated', before: view(row), after },
      ]);
      return after;
    });
  }

  /** Deletes a webhook and its delivery log. */
  async remove(actor: Actor, id: string): Promise<void> {
    await transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row = await this.#find(session, id);
      await session.repos.webhooks.delete(actor.workspaceId, id);
      await recordEvents(session, [
        { entityType: WEBHOOK_ENTITY, entityId: id, action: 'deleted', before: view(row) },
      ]);
    });
  }

  /** Replaces a webhook's secret at once (the old one stops verifying); the new one is in this answer only. */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookView & { secret: string }> {
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row = await this.#find(session, id);
      const secret = newSecret();
      const isChanged = await session.repos.webhooks.update(actor.workspaceId, id, row.version, {
        secret,
        updatedAt: session.at,
      });
      if (!isChanged)
        return staleVersion(
          'webhook',
          id,
          (await session.repos.webhooks.find(actor.workspaceId, id))?.version,
        );
      await recordEvents(session, [{ entityType: WEBHOOK_ENTITY, entityId: id, action: 'secret_rotated' }]);
      return { ...view({ ...row, updatedAt: session.at, version: row.version + 1 }), secret };
    });
  }

  /** Queues a `webhook.test` message to this webhook only, whatever its filter. */
  async test(actor: Actor, id: string): Promise<WebhookDeliveryView> {
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row = await this.#find(session, id);
      assertEnabled(row);
      const [event] = await recordEvents(session, [
        {
          entityType: WEBHOOK_ENTITY,
          entityId: id,
          action: 'test',
          after: { message: 'A test message from Tandem' },
        },
      ]);
      const delivery = newDelivery(session, id, event!);
      await queueDeliveries(session, [delivery]);
      return deliveryView(delivery);
    });
  }

  /** A webhook's deliveries, newest first, a page at a time. */
  async deliveries(
    actor: Actor,
    id: string,
    query: DeliveryQuery,
  ): Promise<{ items: WebhookDeliveryView[]; nextAfter: string | null }> {
    const session = await this.#admin(actor);
    await this.#find(session, id);
    const rows = await session.repos.webhookDeliveries.page(actor.workspaceId, id, {
      after: query.after === undefined ? undefined : parseKey(query.after),
      limit: query.limit,
      state: query.state,
    });
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(deliveryView),
      nextAfter: rows.length > query.limit && last ? deliveryKey(last) : null,
    };
  }

  /** Queues a delivered or failed delivery for one more attempt now (same message id). */
  async retry(actor: Actor, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      assertEnabled(await this.#find(session, id));
      const repo = session.repos.webhookDeliveries;
      if (!(await repo.find(actor.workspaceId, id, deliveryId))) return notFound('delivery', deliveryId);
      if (!(await repo.requeue(actor.workspaceId, deliveryId, session.at)))
        throw new AppError('conflict', 'this delivery is already pending or being sent', { id: deliveryId });
      await session.repos.jobs.insertMany([deliveryJob(session, deliveryId)]);
      return deliveryView((await repo.find(actor.workspaceId, id, deliveryId))!);
    });
  }

  /**
   * Refuses a URL whose host is not a public address (or in a range the admin allows), or a name
   * that resolves to one; before any transaction, since it may ask DNS. Sending checks again.
   */
  async #assertTarget(url: string): Promise<void> {
    const why = await this.deps.outbound.checkTarget(url);
    if (why) invalid('url', `not allowed: ${why}`);
  }

  async #admin(actor: Actor, trx?: Parameters<typeof openSession>[1]): Promise<Session> {
    const session = await openSession(this.deps, trx ?? this.deps.db.kysely, actor);
    authorize(session.scope, 'manage', 'webhook');
    return session;
  }

  async #find(session: Session, id: string): Promise<WebhookRow> {
    return (await session.repos.webhooks.find(session.actor.workspaceId, id)) ?? notFound('webhook', id);
  }
}

function assertEnabled(row: WebhookRow): void {
  if (!row.isEnabled)
    throw new AppError('conflict', 'the webhook is disabled; enable it first', { id: row.id });
}

function parseKey(key: string): { createdAt: number; id: string } {
  const match = /^(\d{1,15}):(.+)$/.exec(key);
  if (!match) return invalid('query.cursor', 'not a cursor this API gave out');
  return { createdAt: Number(match[1]), id: match[2]! };
}
