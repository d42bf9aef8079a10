import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeEventFilter } from '../../../../core/webhook-events';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { ShownOnce } from '../../components/ShownOnce';
import { AdminNav } from './AdminGate';
import { DeliveryLog } from './WebhookDeliveryLog';
import { WebhookForm, type WebhookValues } from './WebhookForm';
import { type Webhook, webhooksQuery } from './webhooks.queries';

const SMALL = 'min-h-8 px-3 py-1';

/** The signing secret, shown once (after creating or rotating), with a copy button. */
function SecretNotice({ secret, onDone }: { secret: { url: string; secret: string }; onDone: () => void }) {
  return (
    <ShownOnce
      className="mb-4"
      title={<>The signing secret of {secret.url}, shown this once: copy it now.</>}
      value={secret.secret}
      copyLabel="Copy the secret"
      onDone={onDone}
    >
      Verify each message's <code>webhook-signature</code> with it (Standard Webhooks). Tandem cannot show it
      again: rotate it to get a new one.
    </ShownOnce>
  );
}

/**
 * Outgoing webhooks (admins): register an endpoint with the events it wants, see its signing
 * secret once, edit, enable or disable, rotate the secret, send a test message, delete; and each
 * webhook's delivery log with a retry. The API refuses anyone but an admin.
 */
export function WebhooksPage() {
  const webhooks = useQuery(webhooksQuery);
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [formKey, setFormKey] = useState(0);
  const create = async (values: WebhookValues) => {
    setFailure(undefined);
    const created = await unwrap(api.POST('/api/v1/webhooks', { body: values }));
    setSecret({ url: created.url, secret: created.secret });
    setFormKey((k) => k + 1);
    await queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey });
  };
  return (
    <Page title="Webhooks">
      <AdminNav />
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Tandem POSTs each event a webhook asks for to its URL, signed with its secret, and retries for about a
        day when the endpoint does not answer with a 2xx. Webhooks receive the events of private goals too:
        give their URLs only to systems you trust.
      </p>
      {secret ? <SecretNotice secret={secret} onDone={() => setSecret(null)} /> : null}
      {failure ? <ErrorNotice error={failure} /> : null}
      <section aria-labelledby="new-webhook" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-webhook" className="mb-3 font-semibold">
          Add a webhook
        </h2>
        <WebhookForm key={formKey} submitLabel="Add webhook" onSubmit={create} />
      </section>
      <section aria-labelledby="webhooks-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="webhooks-heading" className="mb-3 font-semibold">
          Webhooks of this workspace
        </h2>
        {webhooks.isError ? (
          <ErrorNotice error={webhooks.error} onRetry={() => void webhooks.refetch()} />
        ) : null}
        {webhooks.data?.length === 0 ? <p className="text-sm text-slate-600">No webhook yet.</p> : null}
        <ul className="flex flex-col gap-3">
          {(webhooks.data ?? []).map((w) => (
            <WebhookCard key={w.id} webhook={w} onSecret={setSecret} />
          ))}
        </ul>
      </section>
    </Page>
  );
}

function WebhookCard({
  webhook: w,
  onSecret,
}: {
  webhook: Webhook;
  onSecret: (secret: { url: string; secret: string }) => void;
}) {
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isLogOpen, setLogOpen] = useState(false);
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [notice, setNotice] = useState('');
  const path = { params: { path: { id: w.id } } };
  const run = async (call: () => Promise<unknown>, done?: string) => {
    setPending(true);
    setFailure(undefined);
    setNotice('');
    try {
      await call();
      if (done) setNotice(done);
      await queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  const name = w.description || w.url;
  return (
    <li aria-label={`Webhook ${name}`} className="rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="min-w-0 flex-1 basis-64 break-all font-mono text-sm">{w.url}</span>
        <span
          className={`rounded-full px-2 py-0.5 text-xs ${w.isEnabled ? 'bg-emerald-50 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
        >
          {w.isEnabled ? 'enabled' : 'disabled'}
        </span>
      </div>
      {w.description ? <p className="mt-1 text-sm">{w.description}</p> : null}
      <p className="mt-1 text-xs text-slate-700">Receives {describeEventFilter(w.events)}.</p>
      {failure ? (
        <div className="mt-2">
          <ErrorNotice error={failure} />
        </div>
      ) : null}
      <p aria-live="polite" className="mt-1 text-xs text-emerald-800">
        {notice}
      </p>
      {isEditing ? (
        <div className="mt-3 rounded-md bg-slate-50 p-3">
          <WebhookForm
            initial={w}
            submitLabel={`Save ${name}`}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              await unwrap(
                api.PATCH('/api/v1/webhooks/{id}', { ...path, body: { ...values, version: w.version } }),
              );
              setEditing(false);
              setNotice('Saved.');
              await queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey });
            }}
          />
        </div>
      ) : (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button variant="secondary" className={SMALL} disabled={pending} onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {name}</span>
          </Button>
          <Button
            variant="secondary"
            className={SMALL}
            disabled={pending}
            onClick={() =>
              void run(
                () =>
                  unwrap(
                    api.PATCH('/api/v1/webhooks/{id}', {
                      ...path,
                      body: { version: w.version, isEnabled: !w.isEnabled },
                    }),
                  ),
                w.isEnabled ? 'Disabled: its pending deliveries are failed.' : 'Enabled.',
              )
            }
          >
            {w.isEnabled ? 'Disable' : 'Enable'}
            <span className="sr-only"> {name}</span>
          </Button>
          <Button
            variant="secondary"
            className={SMALL}
            disabled={pending || !w.isEnabled}
            onClick={() =>
              void run(async () => {
                await unwrap(api.POST('/api/v1/webhooks/{id}/test', path));
                setLogOpen(true);
                await queryClient.invalidateQueries({ queryKey: ['admin', 'webhooks', w.id, 'deliveries'] });
              }, 'A webhook.test message is on its way: see the delivery log.')
            }
          >
            Send test<span className="sr-only"> to {name}</span>
          </Button>
          <Button
            variant="secondary"
            className={SMALL}
            disabled={pending}
            onClick={() =>
              void run(async () => {
                const rotated = await unwrap(api.POST('/api/v1/webhooks/{id}/rotate-secret', path));
                onSecret({ url: rotated.url, secret: rotated.secret });
              }, 'New secret in use from now on.')
            }
          >
            Rotate secret<span className="sr-only"> of {name}</span>
          </Button>
          <Button
            variant="secondary"
            className={SMALL}
            aria-expanded={isLogOpen}
            onClick={() => setLogOpen((open) => !open)}
          >
            {isLogOpen ? 'Hide' : 'Show'} deliveries<span className="sr-only"> of {name}</span>
          </Button>
          {isConfirmingDelete ? (
            <span className="flex flex-wrap items-center gap-2 text-sm">
              Delete it and its log?
              <Button
                className={`${SMALL} bg-red-700 hover:bg-red-800`}
                disabled={pending}
                onClick={() => void run(() => unwrap(api.DELETE('/api/v1/webhooks/{id}', path)))}
              >
                Yes, delete<span className="sr-only"> {name}</span>
              </Button>
              <Button variant="quiet" className={SMALL} onClick={() => setConfirmingDelete(false)}>
                Keep it
              </Button>
            </span>
          ) : (
            <Button
              variant="secondary"
              className={SMALL}
              disabled={pending}
              onClick={() => setConfirmingDelete(true)}
            >
              Delete<span className="sr-only"> {name}</span>
            </Button>
          )}
        </div>
      )}
      {isLogOpen ? <DeliveryLog webhookId={w.id} name={name} /> : null}
    </li>
  );
}
