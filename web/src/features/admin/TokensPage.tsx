import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { ShownOnce } from '../../components/ShownOnce';
import { formatDate } from '../../lib/format';
import { AdminNav } from './AdminGate';
import { tokensQuery } from './admin.queries';

/**
 * API tokens for scripts and the CLI: the secret is shown once, right after creating it (the
 * server keeps only a hash); revoking one stops it at once. Tokens act as the person who made them.
 */
export function TokensPage() {
  const tokens = useQuery(tokensQuery);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setPending(true);
    setFailure(undefined);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  const expires = Number.parseInt(days, 10);
  return (
    <Page title="API tokens">
      <AdminNav />
      {failure ? <ErrorNotice error={failure} /> : null}
      <form
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void run(async () => {
            const created = await unwrap(
              api.POST('/api/v1/tokens', {
                body: {
                  name: name.trim(),
                  ...(Number.isFinite(expires) && expires > 0 ? { expiresInDays: expires } : {}),
                },
              }),
            );
            setSecret({ name: created.name, token: created.token });
            setName('');
          });
        }}
      >
        <h2 className="mb-3 font-semibold">Create a token</h2>
        <fieldset disabled={pending} className="grid gap-x-3 sm:grid-cols-2">
          <TextField
            label="Token name"
            hint="What uses it: “CI goals lint”, “Grafana import”."
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label="Expires after (days)"
            hint="Leave empty for a token that never expires."
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </fieldset>
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
        {secret ? (
          <ShownOnce
            title={<>The secret of “{secret.name}”, shown this once: copy it now.</>}
            value={secret.token}
            copyLabel="Copy the token"
          >
            Send it as <code>Authorization: Bearer …</code>. Tandem keeps only a hash; lost, it cannot be
            shown again.
          </ShownOnce>
        ) : null}
      </form>
      <section aria-labelledby="tokens-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tokens-heading" className="mb-3 font-semibold">
          Your tokens
        </h2>
        {tokens.isError ? <ErrorNotice error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
        {tokens.data?.length === 0 ? <p className="text-sm text-slate-600">No token yet.</p> : null}
        <ul className="flex flex-col divide-y divide-slate-100">
          {(tokens.data ?? []).map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <span className="min-w-0 flex-1 basis-48 font-medium">{t.name}</span>
              <span className="font-mono text-xs text-slate-700">{t.prefix}…</span>
              <span className="text-xs text-slate-600">
                {t.revokedAt
                  ? `revoked ${formatDate(t.revokedAt)}`
                  : t.expiresAt
                    ? `expires ${formatDate(t.expiresAt)}`
                    : 'never expires'}
                {t.lastUsedAt ? ` · last used ${formatDate(t.lastUsedAt)}` : ' · never used'}
              </span>
              {t.revokedAt ? null : (
                <Button
                  variant="secondary"
                  className="min-h-8 px-3 py-1"
                  disabled={pending}
                  onClick={() =>
                    void run(() =>
                      unwrap(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id: t.id } } })),
                    )
                  }
                >
                  Revoke {t.name}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
