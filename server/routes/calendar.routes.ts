import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { actorOf } from './context';
import { json, okSchema, route } from './openapi';

const tags = ['calendar'];

const feedCreatedSchema = z
  .object({
    url: z.string().openapi({
      description:
        'The feed to subscribe to (`.../api/v1/calendar/<secret>.ics`), shown this once: whoever has it reads your calendar',
    }),
    createdAt: z.number().int().openapi({ description: 'epoch milliseconds' }),
  })
  .openapi('CalendarFeedCreated');

const create = route({
  method: 'post',
  path: '/api/v1/people/me/calendar-feed',
  tags,
  summary:
    'Create your secret calendar feed, or replace its secret (the old URL stops working); the URL is in this answer only',
  responses: { 201: json(feedCreatedSchema, 'The feed URL, once') },
});

const revoke = route({
  method: 'delete',
  path: '/api/v1/people/me/calendar-feed',
  tags,
  summary: 'Revoke your calendar feed: its URL answers 404 from now on',
  responses: { 200: json(okSchema, 'Revoked (or there was none)') },
});

/** Documented here; served by the handler below (Hono reads `:secret.ics` as one parameter name). */
const read = route({
  method: 'get',
  path: '/api/v1/calendar/{secret}.ics',
  operationId: 'getCalendarFeed',
  tags,
  isPublic: true,
  summary:
    "A person's iCalendar feed (RFC 5545): the due dates of their own SMART goals, the weekly check-in in their time zone, the ends of cycles. No session: the secret in the URL is the credential; an unknown or revoked one is a 404",
  request: {
    params: z.object({
      secret: z.string().openapi({ param: { name: 'secret', in: 'path' }, example: 'tdm_cal_Qm9...' }),
    }),
  },
  responses: {
    200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
  },
});

/** The personal calendar feed: create or rotate, revoke, and the feed itself. */
export function registerCalendarRoutes(app: Api, deps: AppDeps): void {
  const feeds = deps.services.calendarFeeds;
  app.openapi(create, async (c) => c.json(await feeds.create(actorOf(c), deps.publicUrl), 201));
  app.openapi(revoke, async (c) => {
    await feeds.revoke(actorOf(c));
    return c.json({ ok: true as const }, 200);
  });
  app.openAPIRegistry.registerPath(read);
  app.get('/api/v1/calendar/:file', async (c) => {
    // A plain route (its `.ics` suffix is no OpenAPI path parameter); the service checks the secret.
    // eslint-disable-next-line no-restricted-syntax
    const file = c.req.param('file');
    const body = await feeds.read(file.endsWith('.ics') ? file.slice(0, -4) : '', deps.publicUrl);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'inline; filename="tandem.ics"');
    c.header('Cache-Control', 'private, no-cache');
    return c.body(body, 200);
  });
}
