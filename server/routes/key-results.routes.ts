import type { Api, AppDeps } from '../app/env';
import { createKeyResultSchema, updateKeyResultSchema } from '../services/key-result.service';
import { actorOf } from './context';
import { goalListInput, goalQuery, toPage } from './goal-query';
import { idParams, json, jsonBody, pageOf, route } from './openapi';
import { keyResultRecordSchema, keyResultSchema } from './schemas';

const tags = ['key-results'];

const list = route({
  method: 'get',
  path: '/api/v1/key-results',
  tags,
  summary:
    "Key results you may see, with numbers and aligned children; filters `?cycle=&unit=&owner=&state=&status=` (unit and state are the objective's)",
  request: { query: goalQuery },
  responses: { 200: json(pageOf(keyResultSchema), 'A page of key results') },
});

const get = route({
  method: 'get',
  path: '/api/v1/key-results/{id}',
  tags,
  summary: 'One KR with its numbers and the goals aligned to it (private ones counted, not described)',
  request: { params: idParams },
  responses: { 200: json(keyResultSchema, 'The key result') },
});

const create = route({
  method: 'post',
  path: '/api/v1/key-results',
  tags,
  summary: 'Add a KR to an objective you own or whose unit you lead (no measure: a draft)',
  request: { body: jsonBody(createKeyResultSchema, 'CreateKeyResultInput') },
  responses: { 201: json(keyResultRecordSchema, 'The key result') },
});

const update = route({
  method: 'patch',
  path: '/api/v1/key-results/{id}',
  tags,
  summary: 'Edit a KR; send the `version` you read (a stale one is a 409)',
  request: { params: idParams, body: jsonBody(updateKeyResultSchema, 'UpdateKeyResultInput') },
  responses: { 200: json(keyResultRecordSchema, 'The key result after the change') },
});

/** Key results. */
export function registerKeyResultRoutes(app: Api, deps: AppDeps): void {
  const { keyResults, reads, lists } = deps.services;
  app.openapi(list, async (c) =>
    c.json(toPage(await lists.keyResults(actorOf(c), goalListInput(c.req.valid('query')))), 200),
  );
  app.openapi(get, async (c) => c.json(await reads.getKeyResult(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const kr = await keyResults.create(actor, c.req.valid('json'));
    return c.json(kr, 201);
  });
  app.openapi(update, async (c) => {
    const actor = actorOf(c);
    const kr = await keyResults.update(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(kr, 200);
  });
}
