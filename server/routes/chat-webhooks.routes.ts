import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { createChatWebhookSchema } from '../services/chat-webhook.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, okSchema, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';

const tags = ['chat-webhooks'];

/** A Slack or Teams webhook as the API shows it: never its URL in full. */
export const chatWebhookSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['slack', 'teams']),
    unitId: z
      .string()
      .nullable()
      .openapi({ description: "The unit whose people it reaches; null: the workspace's default" }),
    maskedUrl: z.string().openapi({
      description: 'Scheme, host and the last four characters of the URL (the URL itself is a secret)',
      example: 'https://hooks.slack.com/…a1B2',
    }),
    description: z.string(),
    createdBy: z.string(),
    createdAt: z.number().int().openapi({ description: 'epoch milliseconds' }),
  })
  .openapi('ChatWebhook');

const testOutcomeSchema = z
  .object({
    isDelivered: z.boolean(),
    statusCode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Slack's or Teams' HTTP status, if it answered" }),
    error: z
      .string()
      .nullable()
      .openapi({ description: 'Why it was not delivered (never the URL or the answer)' }),
  })
  .openapi('ChatWebhookTestOutcome');

const list = route({
  method: 'get',
  path: '/api/v1/chat-webhooks',
  tags,
  summary: "The workspace's Slack and Teams incoming webhooks (admins)",
  request: { query: pageQuery },
  responses: { 200: json(pageOf(chatWebhookSchema), 'A page of chat webhooks') },
});

const create = route({
  method: 'post',
  path: '/api/v1/chat-webhooks',
  tags,
  summary:
    'Add a Slack or Teams incoming webhook for the workspace or for one unit (admins); the URL must be https',
  request: { body: jsonBody(createChatWebhookSchema, 'CreateChatWebhookInput') },
  responses: { 201: json(chatWebhookSchema, 'The chat webhook (URL masked)') },
});

const remove = route({
  method: 'delete',
  path: '/api/v1/chat-webhooks/{id}',
  tags,
  summary: 'Delete a chat webhook (admins)',
  request: { params: idParams },
  responses: { 200: json(okSchema, 'Deleted') },
});

const test = route({
  method: 'post',
  path: '/api/v1/chat-webhooks/{id}/test',
  tags,
  summary: 'Send a test message to a chat webhook now, and say whether Slack or Teams accepted it (admins)',
  request: { params: idParams },
  responses: { 200: json(testOutcomeSchema, 'What happened') },
});

/** Slack and Microsoft Teams incoming webhooks. */
export function registerChatWebhookRoutes(app: Api, deps: AppDeps): void {
  const hooks = deps.services.chatWebhooks;
  app.openapi(list, async (c) => {
    const all = await hooks.list(actorOf(c));
    return c.json(
      paginate(all, (w) => `${String(w.createdAt).padStart(15, '0')}:${w.id}`, c.req.valid('query')),
      200,
    );
  });
  app.openapi(create, async (c) => c.json(await hooks.create(actorOf(c), c.req.valid('json')), 201));
  app.openapi(remove, async (c) => {
    await hooks.remove(actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(test, async (c) =>
    c.json(await hooks.test(actorOf(c), c.req.valid('param').id, deps.publicUrl), 200),
  );
}
