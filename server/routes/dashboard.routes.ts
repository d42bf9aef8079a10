import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { DASHBOARD_PAGE } from '../services/goal-read.service';
import { actorOf } from './context';
import { idParams, json, route } from './openapi';
import { decodeCursor, encodeCursor } from './paginate';
import { dashboardSchema, unitPageSchema } from './schemas';

const tags = ['dashboard'];
const cycleQuery = z.object({
  cycle: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'A cycle id or name (`2026-Q4`); without it, the active cycle' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(DASHBOARD_PAGE.max)
    .default(DASHBOARD_PAGE.default)
    .openapi({
      description: `Goals in full per page (default ${DASHBOARD_PAGE.default}, at most ${DASHBOARD_PAGE.max})`,
    }),
  cursor: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page: the goals after it' }),
});

/** The service's page of a query. */
const pagingOf = (query: z.infer<typeof cycleQuery>) => ({
  limit: query.limit,
  after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
});

/** A service answer with its page key as the API's opaque cursor. */
const withCursor = <T extends { nextAfter: string | null }>({ nextAfter, ...rest }: T) => ({
  ...rest,
  nextCursor: nextAfter === null ? null : encodeCursor(nextAfter),
});

const company = route({
  method: 'get',
  path: '/api/v1/dashboard',
  tags,
  summary:
    "The company dashboard of a cycle (`?cycle=`, default the active one): a page of the root unit's objectives with trends (`?limit=&cursor=`, follow `nextCursor`), counts by status of the whole cycle, compliance by department and week",
  request: { query: cycleQuery },
  responses: { 200: json(dashboardSchema, 'The dashboard') },
});

const unit = route({
  method: 'get',
  path: '/api/v1/dashboard/units/{id}',
  tags,
  summary:
    "A unit's page in a cycle (`?cycle=`, default the active one): a page of its objectives with trends, then its people's SMART goals (`?limit=&cursor=`, follow `nextCursor`), compliance by child unit and week",
  request: { params: idParams, query: cycleQuery },
  responses: { 200: json(unitPageSchema, 'The unit page') },
});

/** Dashboards per cycle and per unit. */
export function registerDashboardRoutes(app: Api, deps: AppDeps): void {
  const { reads } = deps.services;
  app.openapi(company, async (c) => {
    const query = c.req.valid('query');
    return c.json(withCursor(await reads.dashboard(actorOf(c), query.cycle, pagingOf(query))), 200);
  });
  app.openapi(unit, async (c) => {
    const query = c.req.valid('query');
    const page = await reads.unitPage(actorOf(c), query.cycle, c.req.valid('param').id, pagingOf(query));
    return c.json(withCursor(page), 200);
  });
}
