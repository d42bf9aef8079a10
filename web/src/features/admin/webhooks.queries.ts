import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';

export type Webhook = Schema<'Webhook'>;
export type WebhookDelivery = Schema<'WebhookDelivery'>;

export const webhooksQuery = queryOptions({
  queryKey: ['admin', 'webhooks'],
  queryFn: async () =>
    (await unwrap(api.GET('/api/v1/webhooks', { params: { query: { limit: 500 } } }))).items,
});

/** The newest 50 deliveries of a webhook (the log pages further through the API). */
export const deliveriesQuery = (webhookId: string) =>
  queryOptions({
    queryKey: ['admin', 'webhooks', webhookId, 'deliveries'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/webhooks/{id}/deliveries', {
            params: { path: { id: webhookId }, query: { limit: 50 } },
          }),
        )
      ).items,
  });
