import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { AdminNav } from '../admin/AdminGate';
import { peopleQuery } from '../admin/admin.queries';
import {
  CHANNEL_LABEL,
  chatWebhooksQuery,
  type NotificationEntry,
  notificationLogQuery,
} from './notifications.queries';

const KIND_LABEL: Record<NotificationEntry['kind'], string> = {
  reminder: 'Check-in reminder',
  escalation: 'Escalation',
  digest: 'Weekly digest',
  test: 'Test email',
  'password-reset': 'Password reset link',
  invitation: 'Invitation',
};

const STATE_STYLE: Record<NotificationEntry['state'], string> = {
  sent: 'bg-emerald-50 text-emerald-900',
  retrying: 'bg-amber-50 text-amber-950',
  failed: 'bg-red-50 text-red-900',
};

const when = (at: number) =>
  `${formatDate(at)} ${new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;

/**
 * The admin's notification log: what was sent to whom, on which channel, when and why (the kind
 * and subject), and what failed with the server's words; and "send test email" to check SMTP.
 */
export function NotificationLogPage() {
  const [state, setState] = useState<NotificationEntry['state'] | 'all'>('all');
  const log = useQuery(notificationLogQuery(state));
  const people = useQuery(peopleQuery);
  const hooks = useQuery(chatWebhooksQuery);
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const nameOf = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const hookOf = new Map((hooks.data ?? []).map((h) => [`chat-webhook:${h.id}`, h.maskedUrl]));
  const destination = (d: string) =>
    d
      .split(', ')
      .map((one) => hookOf.get(one) ?? (one.startsWith('chat-webhook:') ? 'a deleted chat webhook' : one))
      .join(', ');

  const sendTest = async () => {
    setPending(true);
    setFailure(undefined);
    setOutcome(null);
    try {
      const sent = await unwrap(api.POST('/api/v1/workspace/test-email'));
      setOutcome(`Test email sent to ${sent.destination}. Look in that inbox.`);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'notifications'] });
    }
  };

  return (
    <Page
      title="Notifications"
      actions={
        <Button disabled={pending} onClick={() => void sendTest()}>
          Send test email
        </Button>
      }
    >
      <AdminNav />
      {failure ? <ErrorNotice error={failure} /> : null}
      {outcome ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
        >
          {outcome}
        </p>
      ) : null}
      <div className="max-w-xs">
        <SelectField
          label="Show"
          value={state}
          onChange={(e) => setState(e.target.value as typeof state)}
          options={[
            { value: 'all', label: 'Everything' },
            { value: 'sent', label: 'Sent' },
            { value: 'retrying', label: 'Being retried' },
            { value: 'failed', label: 'Failed' },
          ]}
        />
      </div>
      <section aria-labelledby="log-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="log-heading" className="mb-3 font-semibold">
          Newest first
        </h2>
        {log.isError ? <ErrorNotice error={log.error} onRetry={() => void log.refetch()} /> : null}
        {log.data?.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing {state === 'all' ? 'sent' : state} yet. Reminders go out on check-in day once a channel is
            set up.
          </p>
        ) : null}
        <ul className="flex flex-col divide-y divide-slate-100">
          {(log.data ?? []).map((n) => (
            <li key={n.id} className="grid gap-1 py-2 text-sm sm:grid-cols-[9rem_1fr_auto] sm:gap-4">
              <span className="text-xs text-slate-600">{when(n.sentAt ?? n.updatedAt)}</span>
              <div className="min-w-0">
                <p className="font-medium">
                  {KIND_LABEL[n.kind]}{' '}
                  <span className="font-normal text-slate-700">
                    to {n.personId ? (nameOf.get(n.personId) ?? 'a former member') : 'an address'} ·{' '}
                    {CHANNEL_LABEL[n.channel]}
                  </span>
                </p>
                <p className="break-words text-slate-700">{n.subject}</p>
                <p className="break-all text-xs text-slate-600">{destination(n.destination)}</p>
                {n.error ? (
                  <p className="mt-1 break-words text-xs text-red-800">Why it failed: {n.error}</p>
                ) : null}
              </div>
              <span className="self-start">
                <span className={`rounded-full px-2 py-0.5 text-xs ${STATE_STYLE[n.state]}`}>
                  {n.state}
                  {n.attempts > 1 ? ` after ${n.attempts} attempts` : ''}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
