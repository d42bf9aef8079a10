import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import { AdminNav } from '../admin/AdminGate';
import { unitsQuery } from '../admin/admin.queries';
import { CHANNEL_LABEL, type ChatWebhook, chatWebhooksQuery } from './notifications.queries';

/**
 * Slack and Microsoft Teams incoming webhooks (admins): for the workspace, or for a unit (its
 * people, and the units below that have none of their own). The URL is a secret: shown masked.
 * "Send test" posts a test message now and says whether Slack or Teams took it.
 */
export function ChatWebhooksPage() {
  const hooks = useQuery(chatWebhooksQuery);
  const units = useQuery(unitsQuery);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ChatWebhook['kind']>('slack');
  const [url, setUrl] = useState('');
  const [unitId, setUnitId] = useState('');
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const run = async (call: () => Promise<unknown>) => {
    setPending(true);
    setFailure(undefined);
    setOutcome(null);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: chatWebhooksQuery.queryKey });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <Page title="Slack and Teams">
      <AdminNav />
      {failure ? <ErrorNotice error={failure} /> : null}
      <form
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!url.trim()) return;
          void run(async () => {
            await unwrap(
              api.POST('/api/v1/chat-webhooks', {
                body: { kind, url: url.trim(), unitId: unitId || null, description: description.trim() },
              }),
            );
            setUrl('');
            setDescription('');
            setOutcome({ ok: true, text: `${CHANNEL_LABEL[kind]} webhook added. Send it a test below.` });
          });
        }}
      >
        <h2 className="mb-1 font-semibold">Add an incoming webhook</h2>
        <p className="mb-3 text-sm text-slate-700">
          Slack: an app with <em>Incoming Webhooks</em> on, “Add New Webhook to Workspace”, pick the channel.
          Teams: the channel’s <em>Workflows</em>, “Post to a channel when a webhook request is received”.
          Paste the URL it gives.
        </p>
        <fieldset disabled={pending} className="grid gap-x-3 sm:grid-cols-2">
          <SelectField
            label="Kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ChatWebhook['kind'])}
            options={[
              { value: 'slack', label: 'Slack' },
              { value: 'teams', label: 'Microsoft Teams' },
            ]}
          />
          <SelectField
            label="Who it reaches"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            options={[
              { value: '', label: 'The whole workspace' },
              ...(units.data ?? []).map((u) => ({ value: u.id, label: `Unit: ${u.name}` })),
            ]}
          />
          <TextField
            label="Webhook URL"
            type="url"
            required
            autoComplete="off"
            placeholder={
              kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://…logic.azure.com/…'
            }
            hint="A secret: after saving, only its host and last four characters are shown."
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <TextField
            label="Description"
            hint="Which channel it posts to, say “#platform”."
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </fieldset>
        <Button type="submit" disabled={pending}>
          Add webhook
        </Button>
      </form>
      {outcome ? (
        <p
          role="status"
          className={`mb-4 rounded-md border p-3 text-sm ${outcome.ok ? 'border-emerald-300 bg-emerald-50 text-emerald-950' : 'border-red-300 bg-red-50 text-red-900'}`}
        >
          {outcome.text}
        </p>
      ) : null}
      <section aria-labelledby="hooks-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="hooks-heading" className="mb-3 font-semibold">
          Webhooks
        </h2>
        {hooks.isError ? <ErrorNotice error={hooks.error} onRetry={() => void hooks.refetch()} /> : null}
        {hooks.data?.length === 0 ? (
          <p className="text-sm text-slate-600">No Slack or Teams webhook yet.</p>
        ) : null}
        <ul className="flex flex-col divide-y divide-slate-100">
          {(hooks.data ?? []).map((h) => {
            const label = `${CHANNEL_LABEL[h.kind]} ${h.description || h.maskedUrl}`;
            return (
              <li key={h.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
                <div className="min-w-0 flex-1 basis-64">
                  <p className="font-medium">
                    {CHANNEL_LABEL[h.kind]} ·{' '}
                    {h.unitId ? `unit ${unitName.get(h.unitId) ?? '…'}` : 'whole workspace'}
                  </p>
                  <p className="break-all font-mono text-xs text-slate-700">{h.maskedUrl}</p>
                  <p className="text-xs text-slate-600">
                    {h.description ? `${h.description} · ` : ''}added {formatDate(h.createdAt)}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Button
                    variant="secondary"
                    className="min-h-8 px-3 py-1"
                    disabled={pending}
                    aria-label={`Send a test to ${label}`}
                    onClick={() =>
                      void run(async () => {
                        const sent = await unwrap(
                          api.POST('/api/v1/chat-webhooks/{id}/test', { params: { path: { id: h.id } } }),
                        );
                        setOutcome(
                          sent.isDelivered
                            ? {
                                ok: true,
                                text: `${CHANNEL_LABEL[h.kind]} took the test message (${sent.statusCode}).`,
                              }
                            : {
                                ok: false,
                                text: `The test was not delivered: ${sent.error ?? 'no answer'}${sent.statusCode ? ` (${sent.statusCode})` : ''}.`,
                              },
                        );
                      })
                    }
                  >
                    Send test
                  </Button>
                  <Button
                    variant="secondary"
                    className="min-h-8 px-3 py-1"
                    disabled={pending}
                    aria-label={`Delete ${label}`}
                    onClick={() => {
                      if (!window.confirm(`Delete this ${CHANNEL_LABEL[h.kind]} webhook? Its messages stop.`))
                        return;
                      void run(() =>
                        unwrap(api.DELETE('/api/v1/chat-webhooks/{id}', { params: { path: { id: h.id } } })),
                      );
                    }}
                  >
                    Delete
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </Page>
  );
}
