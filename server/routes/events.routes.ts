import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { actorOf } from './context';
import { json, pageOf, pageQuery, route } from './openapi';
import { paginate } from './paginate';
import { eventSchema } from './schemas';

const list = route({
  method: 'get',
  path: '/api/v1/events',
  tags: ['events'],
  summary:
    "A goal's history, oldest first: who changed what, when, from where, before and after (`?goalType=&goalId=`)",
  request: {
    query: pageQuery.extend({
      goalType: z.enum(['objective', 'key_result', 'smart_goal']),
      goalId: z.string().min(1).max(100),
    }),
  },
  responses: { 200: json(pageOf(eventSchema), 'A page of events') },
});

/** Events: the audit record of a goal. */
export function registerEventRoutes(app: Api, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const all = await deps.services.history.history(actorOf(c), {
      goalType: query.goalType,
      goalId: query.goalId,
    });
    return c.json(
      paginate(all, (e) => `${String(e.at).padStart(15, '0')}:${e.id}`, query),
      200,
    );
  });
}
