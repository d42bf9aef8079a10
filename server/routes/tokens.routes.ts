import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { createTokenSchema } from '../auth/schemas';
import { actorOf } from './context';
import { idParams, json, jsonBody, okSchema, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { tokenSchema } from './schemas';

const tags = ['tokens'];

const list = route({
  method: 'get',
  path: '/api/v1/tokens',
  tags,
  summary: 'Your personal API tokens (never their secrets)',
  request: { query: pageQuery },
  responses: { 200: json(pageOf(tokenSchema), 'A page of tokens') },
});

const create = route({
  method: 'post',
  path: '/api/v1/tokens',
  tags,
  summary: 'Create a personal API token; the secret is in this answer only',
  request: { body: jsonBody(createTokenSchema, 'CreateTokenInput') },
  responses: { 201: json(tokenSchema.extend({ token: z.string() }), 'The token, with its secret') },
});

const revoke = route({
  method: 'delete',
  path: '/api/v1/tokens/{id}',
  tags,
  summary: 'Revoke one of your tokens',
  request: { params: idParams },
  responses: { 200: json(okSchema, 'Revoked') },
});

/** Personal API tokens. */
export function registerTokenRoutes(app: Api, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const all = await deps.tokens.list(actorOf(c));
    return c.json(
      paginate(all, (t) => `${String(t.createdAt).padStart(15, '0')}:${t.id}`, c.req.valid('query')),
      200,
    );
  });
  app.openapi(create, async (c) => c.json(await deps.tokens.create(actorOf(c), c.req.valid('json')), 201));
  app.openapi(revoke, async (c) => {
    const actor = actorOf(c);
    await deps.tokens.revoke(actor, c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
}
