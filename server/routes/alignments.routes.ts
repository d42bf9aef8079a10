import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { alignSchema } from '../services/alignment.service';
import { actorOf } from './context';
import { json, jsonBody, okSchema, route } from './openapi';

const tags = ['alignments'];

const unalignQuery = z.object({
  childType: z.enum(['objective', 'smart_goal']),
  childId: z.string().min(1).max(100),
  parentId: z.string().min(1).max(100),
});

const align = route({
  method: 'post',
  path: '/api/v1/alignments',
  tags,
  summary: 'Link a child (objective or SMART goal) up to a parent (objective or KR); again to re-weight',
  request: { body: jsonBody(alignSchema, 'AlignInput') },
  responses: { 200: json(okSchema, 'Linked; the parent rollup is current') },
});

const unalign = route({
  method: 'delete',
  path: '/api/v1/alignments',
  tags,
  summary: 'Remove a link: `?childType=&childId=&parentId=`',
  request: { query: unalignQuery },
  responses: { 200: json(okSchema, 'Unlinked; the parent rollup is current') },
});

/** Alignment links. */
export function registerAlignmentRoutes(app: Api, deps: AppDeps): void {
  app.openapi(align, async (c) => {
    const actor = actorOf(c);
    const body = c.req.valid('json');
    await deps.services.alignments.align(actor, body);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(unalign, async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    await deps.services.alignments.unalign(actor, query);
    return c.json({ ok: true as const }, 200);
  });
}
