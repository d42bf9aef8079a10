import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { closeCycleSchema, reopenCycleSchema } from '../services/close-out.service';
import { createCycleSchema } from '../services/cycle.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, okSchema, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { cycleSchema } from './schemas';

const tags = ['cycles'];

const closeResultSchema = z
  .object({
    closingId: z.string(),
    grades: z.array(
      z.object({
        goalId: z.string(),
        goalType: z.enum(['objective', 'key_result', 'smart_goal']),
        score: z.number().nullable(),
        grade: z.number().nullable(),
      }),
    ),
    prompts: z.array(z.object({ goalId: z.string(), message: z.string() })),
    successors: z.array(
      z.object({ objectiveId: z.string(), successorId: z.string(), draftKeyResults: z.array(z.string()) }),
    ),
  })
  .openapi('CloseResult');

const list = route({
  method: 'get',
  path: '/api/v1/cycles',
  tags,
  summary: 'Every cycle, by start date',
  request: { query: pageQuery },
  responses: { 200: json(pageOf(cycleSchema), 'A page of cycles') },
});

const get = route({
  method: 'get',
  path: '/api/v1/cycles/{id}',
  tags,
  summary:
    'One cycle by id or name (`2026-Q4`); `active` is the active cycle (several active: the shortest containing now)',
  request: { params: idParams },
  responses: { 200: json(cycleSchema, 'The cycle') },
});

const create = route({
  method: 'post',
  path: '/api/v1/cycles',
  tags,
  summary: 'Create a cycle (admins): a quarter or year by name (`2026-Q4`, `FY2027-Q1`), or a custom window',
  request: { body: jsonBody(createCycleSchema, 'CreateCycleInput') },
  responses: { 201: json(cycleSchema, 'The cycle') },
});

const activate = route({
  method: 'post',
  path: '/api/v1/cycles/{id}/activate',
  tags,
  summary:
    "Move a planning cycle to active (admins), publishing its drafts (objectives active, SMART goals open); where the workspace's coach blocks publishing, a 409 lists the blocking findings (docs/api.md)",
  request: { params: idParams },
  responses: { 200: json(cycleSchema, 'The cycle') },
});

const close = route({
  method: 'post',
  path: '/api/v1/cycles/{id}/close',
  tags,
  summary:
    'Close a cycle (admins): freezes scores and grades; every missing root-cause note or decision is listed at once',
  request: { params: idParams, body: jsonBody(closeCycleSchema, 'CloseCycleInput') },
  responses: { 200: json(closeResultSchema, 'What was frozen and created') },
});

const reopen = route({
  method: 'post',
  path: '/api/v1/cycles/{id}/reopen',
  tags,
  summary: 'Reopen a closed cycle (admins), saying why',
  request: { params: idParams, body: jsonBody(reopenCycleSchema, 'ReopenCycleInput') },
  responses: { 200: json(okSchema, 'Reopened') },
});

/** Cycles and close-out. */
export function registerCycleRoutes(app: Api, deps: AppDeps): void {
  const { cycles, closeOuts } = deps.services;
  app.openapi(list, async (c) => {
    const all = await cycles.list(actorOf(c));
    return c.json(
      paginate(all, (x) => `${x.startDate}:${x.id}`, c.req.valid('query')),
      200,
    );
  });
  app.openapi(get, async (c) => c.json(await cycles.get(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const cycle = await cycles.create(actor, c.req.valid('json'));
    return c.json(cycle, 201);
  });
  app.openapi(activate, async (c) => {
    const actor = actorOf(c);
    const cycle = await cycles.activate(actor, c.req.valid('param').id);
    return c.json(cycle, 200);
  });
  app.openapi(close, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const result = await closeOuts.close(actor, id, c.req.valid('json'));
    return c.json(result, 200);
  });
  app.openapi(reopen, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    await closeOuts.reopen(actor, id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
}
