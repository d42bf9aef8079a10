import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatAgo } from '../../lib/format';
import { deliveriesQuery } from './webhooks.queries';

const STATE = {
  pending: 'bg-amber-50 text-amber-900',
  delivered: 'bg-emerald-50 text-emerald-900',
  failed: 'bg-red-50 text-red-900',
};
const when = (at: number | null) =>
  at === null ? '—' : `${new Date(at).toLocaleString()} (${formatAgo(at)})`;

/** A webhook's newest deliveries: state, attempts, last response code or error, when; retry. */
export function DeliveryLog({ webhookId, name }: { webhookId: string; name: string }) {
  const query = useQuery(deliveriesQuery(webhookId));
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState('');
  const retry = async (deliveryId: string) => {
    setPending(deliveryId);
    setFailure(undefined);
    try {
      await unwrap(
        api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry', {
          params: { path: { id: webhookId, deliveryId } },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: deliveriesQuery(webhookId).queryKey });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending('');
    }
  };
  return (
    <section aria-label={`Deliveries of ${name}`} className="mt-3">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Delivery log (newest first)</h3>
        <Button variant="quiet" className="min-h-8 px-2 py-1" onClick={() => void query.refetch()}>
          Refresh
        </Button>
      </div>
      {failure ? <ErrorNotice error={failure} /> : null}
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data?.length === 0 ? <p className="text-sm text-slate-600">Nothing sent yet.</p> : null}
      {query.data && query.data.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Deliveries of {name}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-xs">
                <th scope="col" className="py-1 pr-3">
                  Event
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1 pr-3">
                  Attempts
                </th>
                <th scope="col" className="py-1 pr-3">
                  Response
                </th>
                <th scope="col" className="py-1 pr-3">
                  Last attempt
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">Retry</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.map((d) => (
                <tr key={d.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-3 font-mono text-xs">{d.type}</td>
                  <td className="py-1 pr-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs ${STATE[d.state]}`}>{d.state}</span>
                    {d.state === 'pending' && d.nextAttemptAt ? (
                      <span className="block text-xs text-slate-600">next {formatAgo(d.nextAttemptAt)}</span>
                    ) : null}
                  </td>
                  <td className="py-1 pr-3">{d.attempts}</td>
                  <td className="py-1 pr-3">
                    {d.lastStatusCode ?? '—'}
                    {d.lastError ? <span className="block text-xs text-red-800">{d.lastError}</span> : null}
                  </td>
                  <td className="py-1 pr-3 text-xs">{when(d.lastAttemptAt ?? d.createdAt)}</td>
                  <td className="py-1">
                    {d.state === 'pending' ? null : (
                      <Button
                        variant="secondary"
                        className="min-h-8 px-3 py-1"
                        disabled={pending === d.id}
                        onClick={() => void retry(d.id)}
                      >
                        Retry<span className="sr-only"> {d.type}</span>
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
