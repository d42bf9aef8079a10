import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { createObjectiveSchema, updateObjectiveSchema } from '../services/objective.service';
import { actorOf } from './context';
import { goalListInput, objectiveQuery, toPage } from './goal-query';
import { idParams, json, jsonBody, pageOf, route } from './openapi';
import { objectiveRecordSchema, objectiveSchema, objectiveSummarySchema } from './schemas';

const tags = ['objectives'];

const list = route({
  method: 'get',
  path: '/api/v1/objectives',
  tags,
  summary:
    "Objectives you may see, with KRs and numbers; filters `?cycle=&unit=&owner=&state=&status=`; `?view=summary` leaves out each KR's aligned children",
  request: { query: objectiveQuery },
  responses: {
    200: json(
      pageOf(z.union([objectiveSchema, objectiveSummarySchema])),
      'A page of objectives (`Objective`; with `?view=summary`, `ObjectiveSummary`)',
    ),
  },
});

const get = route({
  method: 'get',
  path: '/api/v1/objectives/{id}',
  tags,
  summary: 'One objective with its KRs, progress, score, status, flags and forecast',
  request: { params: idParams },
  responses: { 200: json(objectiveSchema, 'The objective') },
});

const create = route({
  method: 'post',
  path: '/api/v1/objectives',
  tags,
  summary: 'Create an objective for a unit you belong to or lead, or a personal one',
  request: { body: jsonBody(createObjectiveSchema, 'CreateObjectiveInput') },
  responses: { 201: json(objectiveRecordSchema, 'The objective') },
});

const update = route({
  method: 'patch',
  path: '/api/v1/objectives/{id}',
  tags,
  summary: 'Edit an objective; send the `version` you read (a stale one is a 409)',
  request: { params: idParams, body: jsonBody(updateObjectiveSchema, 'UpdateObjectiveInput') },
  responses: { 200: json(objectiveRecordSchema, 'The objective after the change') },
});

/** Objectives. */
export function registerObjectiveRoutes(app: Api, deps: AppDeps): void {
  const { objectives, reads, lists } = deps.services;
  app.openapi(list, async (c) =>
    c.json(toPage(await lists.objectives(actorOf(c), goalListInput(c.req.valid('query')))), 200),
  );
  app.openapi(get, async (c) => c.json(await reads.getObjective(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const objective = await objectives.create(actor, c.req.valid('json'));
    return c.json(objective, 201);
  });
  app.openapi(update, async (c) => {
    const actor = actorOf(c);
    const objective = await objectives.update(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(objective, 200);
  });
}
