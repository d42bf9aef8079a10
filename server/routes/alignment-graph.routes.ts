import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { actorOf } from './context';
import { json, route } from './openapi';
import { decodeCursor, encodeCursor } from './paginate';
import { alignmentGraphSchema } from './schemas';

const graph = route({
  method: 'get',
  path: '/api/v1/alignment',
  tags: ['alignments'],
  summary:
    "The alignment graph of a cycle (`?cycle=`, default the active one; `?unit=` a unit's subtree): objectives with their KRs and SMART goals, with numbers and parents; goals you may not see are counted where they sit. `?parent=ID` gives one node's children (lazy expansion). Cursor paged",
  request: {
    query: z.object({
      cycle: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'A cycle id or name; default the active cycle' }),
      unit: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: "A unit id: only its subtree's goals" }),
      parent: z.string().min(1).max(100).optional().openapi({
        description:
          "An objective or KR id: only its children (an objective's KRs, then the goals aligned to it)",
      }),
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(500),
    }),
  },
  responses: { 200: json(alignmentGraphSchema, 'A page of the graph') },
});

/** The alignment graph (the web app's alignment tree). */
export function registerAlignmentGraphRoutes(app: Api, deps: AppDeps): void {
  const { alignmentGraph } = deps.services;
  app.openapi(graph, async (c) => {
    const { cursor, ...query } = c.req.valid('query');
    const result = await alignmentGraph.graph(actorOf(c), {
      ...query,
      ...(cursor === undefined ? {} : { after: decodeCursor(cursor) }),
    });
    const { nextAfter, ...rest } = result;
    return c.json({ ...rest, nextCursor: nextAfter === null ? null : encodeCursor(nextAfter) }, 200);
  });
}
