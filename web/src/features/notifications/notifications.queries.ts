import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';

export type Preferences = Schema<'NotificationPreferences'>;
export type ChannelId = Preferences['available'][number];
export type NotificationEntry = Schema<'Notification'>;
export type ChatWebhook = Schema<'ChatWebhook'>;

/** What each channel is called on screen. */
export const CHANNEL_LABEL: Record<ChannelId, string> = {
  email: 'Email',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};

/** The signed-in person's own notification settings. */
export const preferencesQuery = queryOptions({
  queryKey: ['me', 'notifications'],
  queryFn: () => unwrap(api.GET('/api/v1/people/me/notifications')),
});

/** The newest entries of the workspace's notification log (admins), optionally one state only. */
export const notificationLogQuery = (state: NotificationEntry['state'] | 'all') =>
  queryOptions({
    queryKey: ['admin', 'notifications', state],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/notifications', {
            params: { query: { limit: 100, ...(state === 'all' ? {} : { state }) } },
          }),
        )
      ).items,
  });

export const chatWebhooksQuery = queryOptions({
  queryKey: ['admin', 'chat-webhooks'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/chat-webhooks', { params: { query: { limit: 100 } } }))).items,
});
