import { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors';
import type { Api, AppDeps } from '../app/env';
import { checkInBatchSchema, checkInSchema as checkInInputSchema } from '../services/check-in.service';
import { actorOf } from './context';
import { json, jsonBody, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { checkInResultSchema, checkInSchema, dueCheckinsSchema } from './schemas';

const tags = ['check-ins'];

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description:
        '`Idempotency-Key`: retrying with the same key returns the first result and records nothing new.',
    }),
});

const create = route({
  method: 'post',
  path: '/api/v1/check-ins',
  tags,
  summary: 'Check in on a KR or SMART goal; every rollup above it is current for any read after this returns',
  request: { headers: idempotencyHeader, body: jsonBody(checkInInputSchema, 'CheckInInput') },
  responses: { 201: json(checkInResultSchema, 'The check-in and the goal right after it') },
});

const batch = route({
  method: 'post',
  path: '/api/v1/check-ins/batch',
  tags,
  summary: 'Check in on several goals at once (the check-in screen): all are written, or none',
  request: { headers: idempotencyHeader, body: jsonBody(checkInBatchSchema, 'CheckInBatchInput') },
  responses: { 201: json(z.object({ items: z.array(checkInResultSchema) }), 'Every check-in') },
});

const list = route({
  method: 'get',
  path: '/api/v1/check-ins',
  tags,
  summary: "A goal's check-ins in entry order: `?goalType=key_result|smart_goal&goalId=`",
  request: {
    query: pageQuery.extend({
      goalType: z.enum(['key_result', 'smart_goal']),
      goalId: z.string().min(1).max(100),
    }),
  },
  responses: { 200: json(pageOf(checkInSchema), 'A page of check-ins') },
});

const due = route({
  method: 'get',
  path: '/api/v1/check-ins/due',
  tags,
  summary:
    'What to check in on now (`?person=me|ID`): every KR and SMART goal the person owns that is due a check-in this cadence period, with its last value, confidence and note; those already checked in this period flagged `isDone`. Another person: their manager, leads and admins only',
  request: {
    query: z.object({
      person: z.string().min(1).max(100).default('me').openapi({ description: '`me` or a person id' }),
    }),
  },
  responses: { 200: json(dueCheckinsSchema, 'The check-in screen') },
});

/** The header's key and the body's must agree when both are given; the header's is the body's after. */
function withKey<T extends { idempotencyKey?: string | undefined }>(body: T, header: string | undefined): T {
  if (header === undefined) return body;
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== header) {
    throw new AppError('validation', 'idempotencyKey: differs from the Idempotency-Key header', {
      issues: [{ path: 'idempotencyKey', message: 'differs from the Idempotency-Key header' }],
    });
  }
  // In place: the body is this request's own parsed value, and stays marked as parsed (a copy
  // would be validated again by the service); the header was validated like the body's field.
  body.idempotencyKey = header;
  return body;
}

/** Check-ins: one, a batch, and a goal's list. */
export function registerCheckInRoutes(app: Api, deps: AppDeps): void {
  const { checkIns, checkInReads, checkInsDue } = deps.services;
  app.openapi(due, async (c) => c.json(await checkInsDue.due(actorOf(c), c.req.valid('query')), 200));
  app.openapi(create, async (c) => {
    const actor = actorOf(c);
    const body = withKey(c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    const result = await checkIns.checkIn(actor, body);
    return c.json(result, 201);
  });
  app.openapi(batch, async (c) => {
    const actor = actorOf(c);
    const body = withKey(c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    const items = await checkIns.checkInBatch(actor, body);
    return c.json({ items }, 201);
  });
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const all = await checkInReads.list(actorOf(c), { goalType: query.goalType, goalId: query.goalId });
    return c.json(
      paginate(all, (x) => String(x.seq).padStart(10, '0'), query),
      200,
    );
  });
}
