import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { createUnitSchema } from '../services/unit.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, okSchema, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { unitSchema, unitSummarySchema } from './schemas';

const tags = ['units'];

const memberParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
  personId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'personId', in: 'path' } }),
});

const list = route({
  method: 'get',
  path: '/api/v1/units',
  tags,
  summary: 'Every unit of the organisation tree (by `parentId`)',
  request: { query: pageQuery },
  responses: { 200: json(pageOf(unitSummarySchema), 'A page of units') },
});

const get = route({
  method: 'get',
  path: '/api/v1/units/{id}',
  tags,
  summary: 'One unit with its leads and members',
  request: { params: idParams },
  responses: { 200: json(unitSchema, 'The unit') },
});

const create = route({
  method: 'post',
  path: '/api/v1/units',
  tags,
  summary: 'Create a unit (admins); no parent makes a root (the company)',
  request: { body: jsonBody(createUnitSchema, 'CreateUnitInput') },
  responses: { 201: json(unitSchema, 'The unit') },
});

const move = route({
  method: 'patch',
  path: '/api/v1/units/{id}',
  tags,
  summary: 'Move a unit under another parent (admins); `{}` changes nothing',
  request: {
    params: idParams,
    body: jsonBody(z.object({ parentId: z.string().min(1).nullable().optional() }).strict()),
  },
  responses: { 200: json(unitSchema, 'The unit after the move') },
});

const setMember = route({
  method: 'put',
  path: '/api/v1/units/{id}/members/{personId}',
  tags,
  summary: 'Add a person to a unit as a member or a lead (admins)',
  request: {
    params: memberParams,
    body: jsonBody(z.object({ isLead: z.boolean().default(false) }).strict()),
  },
  responses: { 200: json(unitSchema, 'The unit') },
});

const removeMember = route({
  method: 'delete',
  path: '/api/v1/units/{id}/members/{personId}',
  tags,
  summary: 'Remove a person from a unit (admins)',
  request: { params: memberParams },
  responses: { 200: json(unitSchema, 'The unit') },
});

const remove = route({
  method: 'delete',
  path: '/api/v1/units/{id}',
  tags,
  summary:
    'Remove an empty unit (admins): no units below it, no members and no goals; otherwise a 409 whose details say what is left',
  request: { params: idParams },
  responses: { 200: json(okSchema, 'Removed') },
});

/** The organisation tree. */
export function registerUnitRoutes(app: Api, deps: AppDeps): void {
  const units = deps.services.units;
  app.openapi(list, async (c) =>
    c.json(
      paginate(await units.list(actorOf(c)), (u) => u.id, c.req.valid('query')),
      200,
    ),
  );
  app.openapi(get, async (c) => c.json(await units.get(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const unit = await units.create(actor, c.req.valid('json'));
    return c.json(unit, 201);
  });
  app.openapi(move, async (c) => {
    const actor = actorOf(c);
    const unit = await units.move(actor, c.req.valid('param').id, c.req.valid('json').parentId);
    return c.json(unit, 200);
  });
  app.openapi(remove, async (c) => {
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    await units.remove(actor, id);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(setMember, async (c) => {
    const actor = actorOf(c);
    const { id, personId } = c.req.valid('param');
    const unit = await units.setMember(actor, id, { personId, isLead: c.req.valid('json').isLead });
    return c.json(unit, 200);
  });
  app.openapi(removeMember, async (c) => {
    const actor = actorOf(c);
    const { id, personId } = c.req.valid('param');
    const unit = await units.removeMember(actor, id, personId);
    return c.json(unit, 200);
  });
}
