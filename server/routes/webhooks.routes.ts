import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { createWebhookSchema, updateWebhookSchema } from '../services/webhook.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, okSchema, pageOf, pageQuery, route } from './openapi';
import { decodeCursor, encodeCursor, paginate } from './paginate';

const tags = ['webhooks'];
const instant = z.number().int().openapi({ description: 'epoch milliseconds' });

/** A webhook as the API shows it (never its secret). */
export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()).openapi({ description: '`*`, `entity_type.*` or `entity_type.action`' }),
    isEnabled: z.boolean(),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .openapi('Webhook');

/** A webhook with its secret: only in the answers of create and rotate. */
export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z
      .string()
      .openapi({ description: 'The Standard Webhooks signing secret (`whsec_...`), shown once' }),
  })
  .openapi('WebhookWithSecret');

/** One entry of a webhook's delivery log. */
export const webhookDeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The message id, sent as `webhook-id` on every attempt' }),
    webhookId: z.string(),
    eventId: z.string(),
    type: z.string().openapi({ example: 'key_result.checked_in' }),
    state: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    payload: z.unknown().openapi({ description: 'The JSON body sent: `{type, timestamp, data}`' }),
  })
  .openapi('WebhookDelivery');

const deliveryParams = idParams.extend({
  deliveryId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

const list = route({
  method: 'get',
  path: '/api/v1/webhooks',
  tags,
  summary: "The workspace's outgoing webhooks (admins)",
  request: { query: pageQuery },
  responses: { 200: json(pageOf(webhookSchema), 'A page of webhooks') },
});

const create = route({
  method: 'post',
  path: '/api/v1/webhooks',
  tags,
  summary: 'Register a webhook (admins); its signing secret is in this answer only',
  request: { body: jsonBody(createWebhookSchema, 'CreateWebhookInput') },
  responses: { 201: json(webhookWithSecretSchema, 'The webhook, with its secret') },
});

const get = route({
  method: 'get',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: 'One webhook (admins)',
  request: { params: idParams },
  responses: { 200: json(webhookSchema, 'The webhook') },
});

const update = route({
  method: 'patch',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: "Change a webhook's URL, description, events or enabled flag, with the version you read (admins)",
  request: { params: idParams, body: jsonBody(updateWebhookSchema, 'UpdateWebhookInput') },
  responses: { 200: json(webhookSchema, 'The webhook after the change') },
});

const remove = route({
  method: 'delete',
  path: '/api/v1/webhooks/{id}',
  tags,
  summary: 'Delete a webhook and its delivery log (admins)',
  request: { params: idParams },
  responses: { 200: json(okSchema, 'Deleted') },
});

const rotate = route({
  method: 'post',
  path: '/api/v1/webhooks/{id}/rotate-secret',
  tags,
  summary: 'Replace the signing secret at once (admins); the new one is in this answer only',
  request: { params: idParams },
  responses: { 200: json(webhookWithSecretSchema, 'The webhook, with its new secret') },
});

const test = route({
  method: 'post',
  path: '/api/v1/webhooks/{id}/test',
  tags,
  summary: 'Send a `webhook.test` message to this webhook (admins)',
  request: { params: idParams },
  responses: { 202: json(webhookDeliverySchema, 'The queued delivery') },
});

const deliveries = route({
  method: 'get',
  path: '/api/v1/webhooks/{id}/deliveries',
  tags,
  summary: "A webhook's delivery log, newest first (`?state=pending|delivered|failed`) (admins)",
  request: {
    params: idParams,
    query: pageQuery.extend({ state: z.enum(['pending', 'delivered', 'failed']).optional() }),
  },
  responses: { 200: json(pageOf(webhookDeliverySchema), 'A page of deliveries') },
});

const retry = route({
  method: 'post',
  path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
  tags,
  summary: 'Send a delivered or failed delivery again now, with the same message id (admins)',
  request: { params: deliveryParams },
  responses: { 202: json(webhookDeliverySchema, 'The queued delivery') },
});

/** Outgoing webhooks and their delivery log. */
export function registerWebhookRoutes(app: Api, deps: AppDeps): void {
  const webhooks = deps.services.webhooks;
  app.openapi(list, async (c) => {
    const all = await webhooks.list(actorOf(c));
    return c.json(
      paginate(all, (w) => `${String(w.createdAt).padStart(15, '0')}:${w.id}`, c.req.valid('query')),
      200,
    );
  });
  app.openapi(create, async (c) => c.json(await webhooks.create(actorOf(c), c.req.valid('json')), 201));
  app.openapi(get, async (c) => c.json(await webhooks.get(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(update, async (c) =>
    c.json(await webhooks.update(actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(remove, async (c) => {
    await webhooks.remove(actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(rotate, async (c) =>
    c.json(await webhooks.rotateSecret(actorOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(test, async (c) => c.json(await webhooks.test(actorOf(c), c.req.valid('param').id), 202));
  app.openapi(deliveries, async (c) => {
    const query = c.req.valid('query');
    const page = await webhooks.deliveries(actorOf(c), c.req.valid('param').id, {
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
      state: query.state,
    });
    const nextCursor = page.nextAfter === null ? null : encodeCursor(page.nextAfter);
    return c.json({ items: page.items, nextCursor }, 200);
  });
  app.openapi(retry, async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    return c.json(await webhooks.retry(actorOf(c), id, deliveryId), 202);
  });
}
