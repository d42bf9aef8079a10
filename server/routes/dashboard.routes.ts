import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { actorOf } from './context';
import { idParams, json, route } from './openapi';
import { dashboardSchema, unitPageSchema } from './schemas';

const tags = ['dashboard'];
const cycleQuery = z.object({
  cycle: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'A cycle id or name (`2026-Q4`); without it, the active cycle' }),
});

const company = route({
  method: 'get',
  path: '/api/v1/dashboard',
  tags,
  summary:
    "The company dashboard of a cycle (`?cycle=`, default the active one): the root unit's objectives with trends, counts by status, compliance by department and week",
  request: { query: cycleQuery },
  responses: { 200: json(dashboardSchema, 'The dashboard') },
});

const unit = route({
  method: 'get',
  path: '/api/v1/dashboard/units/{id}',
  tags,
  summary:
    "A unit's page in a cycle (`?cycle=`, default the active one): its objectives with trends, its people's SMART goals, compliance by child unit and week",
  request: { params: idParams, query: cycleQuery },
  responses: { 200: json(unitPageSchema, 'The unit page') },
});

/** Dashboards per cycle and per unit. */
export function registerDashboardRoutes(app: Api, deps: AppDeps): void {
  const { reads } = deps.services;
  app.openapi(company, async (c) =>
    c.json(await reads.dashboard(actorOf(c), c.req.valid('query').cycle), 200),
  );
  app.openapi(unit, async (c) =>
    c.json(await reads.unitPage(actorOf(c), c.req.valid('query').cycle, c.req.valid('param').id), 200),
  );
}
