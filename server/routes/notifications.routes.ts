import { z } from '@hono/zod-openapi';
import type { Api, AppDeps } from '../app/env';
import { preferencesPatchSchema } from '../notify/notification.service';
import { actorOf } from './context';
import { json, jsonBody, pageOf, pageQuery, route } from './openapi';
import { decodeCursor, encodeCursor } from './paginate';

const tags = ['notifications'];
const instant = z.number().int().openapi({ description: 'epoch milliseconds' });
const channel = z.enum(['email', 'slack', 'teams']);

/** A person's own notification settings. */
export const notificationPreferencesSchema = z
  .object({
    channels: z
      .array(channel)
      .nullable()
      .openapi({ description: 'The channels to be reached on; null: every channel the workspace uses' }),
    pausedUntil: instant
      .nullable()
      .openapi({ description: 'No reminders or digests before then ("away until")' }),
    available: z
      .array(channel)
      .openapi({ description: 'The channels the workspace uses that this server has set up' }),
  })
  .openapi('NotificationPreferences');

/** One entry of the notification log. */
export const notificationSchema = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    kind: z.enum(['reminder', 'escalation', 'digest', 'test', 'password-reset', 'invitation']),
    channel,
    destination: z.string().openapi({ description: 'The email address (or webhook) it went to' }),
    subject: z.string(),
    state: z.enum(['sent', 'retrying', 'failed']).openapi({
      description: '`retrying`: a send failed and is tried again with backoff; `failed`: no attempt left',
    }),
    attempts: z.number().int(),
    error: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    sentAt: instant.nullable(),
  })
  .openapi('Notification');

const getPreferences = route({
  method: 'get',
  path: '/api/v1/people/me/notifications',
  tags,
  summary: 'Your notification settings: channels and pause',
  responses: { 200: json(notificationPreferencesSchema, 'Your settings') },
});

const patchPreferences = route({
  method: 'patch',
  path: '/api/v1/people/me/notifications',
  tags,
  summary:
    'Choose your channels, or pause reminders and digests until a date (`pausedUntil`, null to resume)',
  request: { body: jsonBody(preferencesPatchSchema, 'NotificationPreferencesPatch') },
  responses: { 200: json(notificationPreferencesSchema, 'Your settings') },
});

const log = route({
  method: 'get',
  path: '/api/v1/notifications',
  tags,
  summary:
    'What was sent to whom on which channel, and what failed, newest first (`?state=sent|retrying|failed`) (admins)',
  request: { query: pageQuery.extend({ state: z.enum(['sent', 'retrying', 'failed']).optional() }) },
  responses: { 200: json(pageOf(notificationSchema), 'A page of the log') },
});

const testEmail = route({
  method: 'post',
  path: '/api/v1/workspace/test-email',
  tags,
  summary:
    'Send a test email to yourself now (admins); 409 when email is not set up or the server refused it',
  responses: { 200: json(notificationSchema, 'The message, sent') },
});

/** Notification settings, the sent log and the test email. */
export function registerNotificationRoutes(app: Api, deps: AppDeps): void {
  const notifications = deps.notifications;
  app.openapi(getPreferences, async (c) => c.json(await notifications.preferences(actorOf(c)), 200));
  app.openapi(patchPreferences, async (c) =>
    c.json(await notifications.updatePreferences(actorOf(c), c.req.valid('json')), 200),
  );
  app.openapi(log, async (c) => {
    const query = c.req.valid('query');
    const page = await notifications.log(actorOf(c), {
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit,
      state: query.state,
    });
    return c.json(
      { items: page.items, nextCursor: page.nextAfter === null ? null : encodeCursor(page.nextAfter) },
      200,
    );
  });
  app.openapi(testEmail, async (c) => c.json(await notifications.sendTest(actorOf(c)), 200));
}
