import { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors';
import type { Api, AppDeps } from '../app/env';
import { json, route } from './openapi';

const health = route({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  isPublic: true,
  summary: 'Whether the server and its database answer',
  responses: {
    200: json(
      z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }),
      'Healthy',
    ),
  },
});

/** Health, for load balancers and `npm start` checks. */
export function registerHealthRoutes(app: Api, deps: AppDeps): void {
  app.openapi(health, async (c) => {
    let database: 'sqlite' | 'postgres';
    try {
      database = await deps.services.health.ping();
    } catch {
      throw new AppError('internal', 'the database does not answer');
    }
    return c.json({ status: 'ok' as const, database, version: deps.version }, 200);
  });
}
