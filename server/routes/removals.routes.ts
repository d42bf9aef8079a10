import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { moveKeyResultSchema } from '../services/goal-removal.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, route } from './openapi';
import { keyResultRecordSchema } from './schemas';

const deletionSchema = z
  .object({
    id: z.string(),
    type: z.enum(['objective', 'key_result', 'smart_goal']),
    keyResults: z.array(z.string()).describe('KRs deleted with an objective'),
    objectiveId: z.string().nullable().describe('the objective a deleted KR was on (recomputed)'),
    links: z.number().int().describe("alignment links removed: the goal's own and its children's"),
    checkIns: z.number().int().describe('check-ins deleted with it (only admins delete a goal that has any)'),
  })
  .openapi('Deletion');

const WHO =
  'its owner, or a lead of its unit, while nothing was checked in on it; admins always. A goal with check-ins is a 409 for others: drop it instead. A closed cycle is a 409.';

const deleteObjective = route({
  method: 'delete',
  path: '/api/v1/objectives/{id}',
  tags: ['objectives'],
  summary: `Delete an objective created by mistake, with its KRs; the links of goals aligned to it are removed. Who: ${WHO}`,
  request: { params: idParams },
  responses: { 200: json(deletionSchema, 'What was deleted') },
});

const deleteKeyResult = route({
  method: 'delete',
  path: '/api/v1/key-results/{id}',
  tags: ['key-results'],
  summary: `Delete a KR created by mistake; the links of goals aligned to it are removed. Who: ${WHO}`,
  request: { params: idParams },
  responses: { 200: json(deletionSchema, 'What was deleted') },
});

const deleteSmartGoal = route({
  method: 'delete',
  path: '/api/v1/smart-goals/{id}',
  tags: ['smart-goals'],
  summary: `Delete a SMART goal created by mistake, with its links. Who: ${WHO}`,
  request: { params: idParams },
  responses: { 200: json(deletionSchema, 'What was deleted') },
});

const moveKeyResult = route({
  method: 'post',
  path: '/api/v1/key-results/{id}/move',
  tags: ['key-results'],
  summary:
    'Move a KR to another objective (`{"version", "objectiveId"}`): you must be able to edit the KR and add KRs to the target; both objectives are recomputed',
  request: { params: idParams, body: jsonBody(moveKeyResultSchema, 'MoveKeyResultInput') },
  responses: { 200: json(keyResultRecordSchema, 'The key result after the move') },
});

/** Deleting goals created by mistake, and moving KRs between objectives. */
export function registerRemovalRoutes(app: Api, deps: AppDeps): void {
  const { removals } = deps.services;
  app.openapi(deleteObjective, async (c) => {
    const actor = actorOf(c);
    const deleted = await removals.deleteObjective(actor, c.req.valid('param').id);
    return c.json(deleted, 200);
  });
  app.openapi(deleteKeyResult, async (c) => {
    const actor = actorOf(c);
    const deleted = await removals.deleteKeyResult(actor, c.req.valid('param').id);
    return c.json(deleted, 200);
  });
  app.openapi(deleteSmartGoal, async (c) => {
    const actor = actorOf(c);
    const deleted = await removals.deleteSmartGoal(actor, c.req.valid('param').id);
    return c.json(deleted, 200);
  });
  app.openapi(moveKeyResult, async (c) => {
    const actor = actorOf(c);
    const kr = await removals.moveKeyResult(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(kr, 200);
  });
}
