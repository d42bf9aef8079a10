import { z } from 'zod';
import type { EventsTable, WebhookDeliveriesTable } from '../db/schema';
import { newJob } from '../jobs/job';
import type { WebhookTarget } from '../repositories/webhook.repository';
import type { Session } from './session';

/**
 * The transactional outbox of outgoing webhooks: every recorded event becomes one delivery row per
 * enabled webhook of its workspace whose filter matches, in the transaction of the event, so a
 * webhook hears of exactly the changes that committed. With each delivery row goes one job
 * (`webhooks.deliver`) in the jobs queue, and `server/webhooks/dispatcher.ts` is its handler.
 */

/**
 * The job that sends one delivery. Its retries follow the webhook schedule (`webhooks/retry.ts`),
 * which the handler applies itself; `maxAttempts` only bounds runs lost to crashes on top of it.
 */
export const DELIVERY_JOB = {
  id: 'webhooks.deliver',
  version: 1,
  input: z.object({ deliveryId: z.string().min(1) }),
  retry: { maxAttempts: 20 },
};

/** Queues the deliveries and, for each, the job that sends it, in the session's transaction. */
export async function queueDeliveries(
  session: Session,
  deliveries: readonly WebhookDeliveriesTable[],
): Promise<void> {
  for (let i = 0; i < deliveries.length; i += 200) {
    const slice = deliveries.slice(i, i + 200);
    await session.repos.webhookDeliveries.insertMany(slice);
    await session.repos.jobs.insertMany(slice.map((d) => deliveryJob(session, d.id)));
  }
}

/** The job that sends one delivery, due now (a manual retry queues one more). */
export const deliveryJob = (session: Session, deliveryId: string) =>
  newJob(session.deps, DELIVERY_JOB, { deliveryId }, { runAt: session.at });

/** Entity type of the webhooks' own audit events, which are never delivered (but `webhook.test`). */
export const WEBHOOK_ENTITY = 'webhook';

/** The Standard Webhooks `type` of an event: `entity_type.action`, such as `key_result.checked_in`. */
export const eventType = (event: Pick<EventsTable, 'entityType' | 'action'>) =>
  `${event.entityType}.${event.action}`;

/**
 * Whether a webhook's filter wants an event type. Patterns: `*` (everything), `entity_type.*`
 * (every action on one kind of entity) or an exact `entity_type.action`.
 *
 * @example
 * matchesFilter(['key_result.*'], 'key_result.checked_in') // true
 */
export function matchesFilter(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

/**
 * The JSON body of an event's message, as Standard Webhooks shapes it: `type`, `timestamp` (of the
 * event) and `data`, the event itself.
 */
export function webhookPayload(event: EventsTable): string {
  const at = new Date(event.at).toISOString();
  return JSON.stringify({
    type: eventType(event),
    timestamp: at,
    data: {
      id: event.id,
      workspaceId: event.workspaceId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      actor: { type: event.actorType, id: event.actorId, tokenId: event.actorTokenId },
      source: event.source,
      at,
      before: event.before === null ? null : JSON.parse(event.before),
      after: event.after === null ? null : JSON.parse(event.after),
      isEditedAfterClose: event.isEditedAfterClose === 1,
    },
  });
}

/** A pending delivery of an event to a webhook, due now. */
export function newDelivery(
  session: Session,
  webhookId: string,
  event: EventsTable,
  payload = webhookPayload(event),
): WebhookDeliveriesTable {
  return {
    id: session.deps.newId(),
    workspaceId: event.workspaceId,
    webhookId,
    eventId: event.id,
    payload,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: session.at,
    lockedUntil: 0,
    lastStatusCode: null,
    lastError: null,
    lastAttemptAt: null,
    deliveredAt: null,
    createdAt: session.at,
  };
}

type Targets = { id: string; patterns: string[] }[];

/**
 * The enabled webhooks read in each transaction, per workspace: a check-in group writes many
 * callers' check-ins in one transaction, and asks once. Only transactions are remembered (they
 * end); a plain handle asks every time.
 */
const targetsOf = new WeakMap<object, Map<string, Targets>>();

async function targets(session: Session): Promise<Targets> {
  const handle = session.repos.webhooks.db;
  const workspaceId = session.actor.workspaceId;
  const known = handle.isTransaction ? targetsOf.get(handle) : undefined;
  const found = known?.get(workspaceId);
  if (found) return found;
  const rows: WebhookTarget[] = await session.repos.webhooks.enabledTargets(workspaceId);
  const read = rows.map((r) => ({ id: r.id, patterns: r.events }));
  if (handle.isTransaction) {
    if (known) known.set(workspaceId, read);
    else targetsOf.set(handle, new Map([[workspaceId, read]]));
  }
  return read;
}

/**
 * Queues deliveries of recorded events to the workspace's enabled webhooks whose filter matches,
 * in the session's transaction. One indexed query per transaction and workspace, nothing more
 * when there are no webhooks. The webhooks' own audit events are not delivered.
 */
export async function enqueueDeliveries(session: Session, events: readonly EventsTable[]): Promise<void> {
  const deliverable = events.filter((e) => e.entityType !== WEBHOOK_ENTITY);
  if (deliverable.length === 0) return;
  const webhooks = await targets(session);
  if (webhooks.length === 0) return;
  const rows: WebhookDeliveriesTable[] = [];
  for (const event of deliverable) {
    const type = eventType(event);
    let payload: string | undefined;
    for (const webhook of webhooks) {
      if (!matchesFilter(webhook.patterns, type)) continue;
      payload ??= webhookPayload(event);
      rows.push(newDelivery(session, webhook.id, event, payload));
    }
  }
  await queueDeliveries(session, rows);
}
