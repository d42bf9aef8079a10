import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { actorOf } from './context';
import { idParams, json, route } from './openapi';

const goalKeysSchema = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        key: z.string(),
        goalType: z.enum(['objective', 'key_result', 'smart_goal']),
        goalId: z.string(),
        title: z.string(),
      }),
    ),
  })
  .openapi('GoalKeys');

const goalKeys = route({
  method: 'get',
  path: '/api/v1/cycles/{id}/goal-keys',
  tags: ['cycles'],
  summary:
    "The keys goals files give a cycle's goals (as an export writes them and an import matches them), with each goal's id: what the viewer may see",
  request: { params: idParams },
  responses: { 200: json(goalKeysSchema, "The cycle's goals by key") },
});

/** The goals-file keys of a cycle's goals (`tandem checkin KEY`). */
export function registerGoalKeyRoutes(app: Api, deps: AppDeps): void {
  app.openapi(goalKeys, async (c) =>
    c.json(await deps.services.goalKeys.ofCycle(actorOf(c), c.req.valid('param').id), 200),
  );
}
