import type { Api, AppDeps } from '../app/env';
import { addPersonSchema, updatePersonSchema } from '../services/person.service';
import { actorOf } from './context';
import { idParams, json, jsonBody, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { personSchema } from './schemas';

const tags = ['people'];

const list = route({
  method: 'get',
  path: '/api/v1/people',
  tags,
  summary: 'Everyone in the workspace, by email',
  request: { query: pageQuery },
  responses: { 200: json(pageOf(personSchema), 'A page of people') },
});

const get = route({
  method: 'get',
  path: '/api/v1/people/{id}',
  tags,
  summary: 'One person',
  request: { params: idParams },
  responses: { 200: json(personSchema, 'The person') },
});

const add = route({
  method: 'post',
  path: '/api/v1/people',
  tags,
  summary: 'Add a person without an invitation (admins); `POST /api/v1/invitations` also sends a link',
  request: { body: jsonBody(addPersonSchema, 'AddPersonInput') },
  responses: { 201: json(personSchema, 'The person') },
});

const update = route({
  method: 'patch',
  path: '/api/v1/people/{id}',
  tags,
  summary: "Change a person's name, role, timezone, manager or active flag (admins)",
  request: { params: idParams, body: jsonBody(updatePersonSchema, 'UpdatePersonInput') },
  responses: { 200: json(personSchema, 'The person after the change') },
});

const deactivate = route({
  method: 'post',
  path: '/api/v1/people/{id}/deactivate',
  tags,
  summary:
    'Deactivate a person (admins): they cannot sign in, their sessions end and their API tokens are revoked; their goals stay, marked `hasFormerOwner`',
  request: { params: idParams },
  responses: { 200: json(personSchema, 'The person, inactive') },
});

const reactivate = route({
  method: 'post',
  path: '/api/v1/people/{id}/reactivate',
  tags,
  summary: 'Reactivate a person (admins): they may sign in again',
  request: { params: idParams },
  responses: { 200: json(personSchema, 'The person, active') },
});

/** People of the workspace. */
export function registerPeopleRoutes(app: Api, deps: AppDeps): void {
  const people = deps.services.people;
  app.openapi(list, async (c) => {
    const all = await people.list(actorOf(c));
    return c.json(
      paginate(all, (p) => p.email, c.req.valid('query')),
      200,
    );
  });
  app.openapi(get, async (c) => c.json(await people.get(actorOf(c), c.req.valid('param').id), 200));
  app.openapi(add, async (c) => {
    const actor = actorOf(c);
    const person = await people.add(actor, c.req.valid('json'));
    return c.json(person, 201);
  });
  for (const [definition, isActive] of [
    [deactivate, false],
    [reactivate, true],
  ] as const) {
    app.openapi(definition, async (c) => {
      const actor = actorOf(c);
      const { id } = c.req.valid('param');
      const person = isActive ? await people.reactivate(actor, id) : await people.deactivate(actor, id);
      return c.json(person, 200);
    });
  }
  app.openapi(update, async (c) => {
    const actor = actorOf(c);
    const person = await people.update(actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(person, 200);
  });
}
