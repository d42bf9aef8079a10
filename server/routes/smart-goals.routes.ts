import type { Api, AppDeps } from '../app/env';
import { createSmartGoalSchema, updateSmartGoalSchema } from '../services/smart-goal.service';
import { actorOf } from './context';
import { goalListInput, goalQuery, toPage } from './goal-query';
import { idParams, json, jsonBody, pageOf, route } from './openapi';
import { smartGoalRecordSchema, smartGoalSchema } from './schemas';

const tags = ['smart-goals'];

const list = route({
  method: 'get',
  path: '/api/v1/smart-goals',
  tags,
  summary:
    'SMART goals you may see; filters `?cycle=&unit=&owner=&state=&status=` ("my goals": `?owner=<me>`)',
  request: { query: goalQuery },
  responses: { 200: json(pageOf(smartGoalSchema), 'A page of SMART goals') },
});

const get = route({
  method: 'get',
  path: '/api/v1/smart-goals/{id}',
  tags,
  summary: 'One SMART goal with its numbers',
  request: { params: idParams },
  responses: { 200: json(smartGoalSchema, 'The SMART goal') },
});

const create = route({
  method: 'post',
  path: '/api/v1/smart-goals',
  tags,
  summary: 'Create a SMART goal, with the KRs or objectives it supports',
  request: { body: jsonBody(createSmartGoalSchema, 'CreateSmartGoalInput') },
  responses: { 201: json(smartGoalRecordSchema, 'The SMART goal') },
});

const update = route({
  method: 'patch',
  path: '/api/v1/smart-goals/{id}',
  tags,
  summary: 'Edit a SMART goal; send the `version` you read (a stale one is a 409)',
  request: { params: idParams, body: jsonBody(updateSmartGoalSchema, 'UpdateSmartGoalInput') },
  responses: { 200: json(smartGoalRecordSchema, 'The SMART goal after the change') },
});

/** SMART goals. */
export function registerSmartGoalRoutes(app: Api, deps: AppDeps): void {
  const { smartGoals, reads, lists } = deps.services;
  app.openapi(list, async (c) =>
    c.json(toPage(await lists.smartGoals(actorOf(c), goalListInput(c.req.valid('query')))), 200),
  );
  app.openapi(get, async (c) => c.json(await reads.getSmartGoal(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const goal = await smartGoals.create(actor, c.req.valid('json'));
    return c.json(goal, 201);
  });
  app.openapi(update, async (c) => {
    const actor = actorOf(c);
    const goal = await smartGoals.update(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(goal, 200);
  });
}
