import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { firstMatches } from '../../api/pages';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { ShownOnce } from '../../components/ShownOnce';
import { AdminNav } from './AdminGate';
import { type Person, peopleQuery } from './admin.queries';

const ROLES = [
  { value: 'admin', label: 'Admin: everything, settings and people included' },
  { value: 'member', label: 'Member: writes goals for their units and themselves' },
  { value: 'viewer', label: 'Viewer: reads what visibility allows' },
];
const ROLE_SHORT = [
  { value: 'admin', label: 'Admin' },
  { value: 'member', label: 'Member' },
  { value: 'viewer', label: 'Viewer' },
];

/** People (SPEC 8): invite by link (shown once), change a role, deactivate and reactivate. Admins only. */
export function PeoplePage() {
  const people = useQuery(peopleQuery);
  return (
    <Page title="People">
      <AdminNav />
      <InviteForm />
      {people.isError ? <ErrorNotice error={people.error} onRetry={() => void people.refetch()} /> : null}
      {people.data ? <PeopleTable people={people.data} /> : null}
    </Page>
  );
}

function InviteForm() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ email: '', name: '', role: 'member' as Person['role'] });
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const issue = (path: string) =>
    failure instanceof ApiError ? failure.issues.find((i) => i.path === path)?.message : undefined;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(undefined);
    try {
      const invited = await unwrap(
        api.POST('/api/v1/invitations', {
          body: { email: form.email.trim(), name: form.name.trim(), role: form.role },
        }),
      );
      setLink({ email: invited.person.email, url: invited.url });
      setForm({ email: '', name: '', role: 'member' });
      await queryClient.invalidateQueries({ queryKey: peopleQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 font-semibold">Invite someone</h2>
      {failure && !(failure instanceof ApiError && failure.issues.length > 0) ? (
        <ErrorNotice error={failure} />
      ) : null}
      <fieldset disabled={pending} className="grid gap-x-3 sm:grid-cols-3">
        <TextField
          label="Email"
          type="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          error={issue('email')}
        />
        <TextField
          label="Name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={issue('name')}
        />
        <SelectField
          label="Role"
          options={ROLES}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Person['role'] })}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Inviting…' : 'Create invitation link'}
      </Button>
      {link ? (
        <ShownOnce
          title={<>Invitation link for {link.email}, shown this once:</>}
          value={link.url}
          copyLabel="Copy the link"
        >
          Send it to them; it works once. Lost it? Invite them again for a new one.
        </ShownOnce>
      ) : null}
    </form>
  );
}

/** Rows shown at a time: a large organisation has 10,000 people. */
const PAGE = 100;

function PeopleTable({ people }: { people: readonly Person[] }) {
  const { me } = useRouteContext({ from: '/_app' });
  const [query, setQuery] = useState('');
  const [shownCount, setShownCount] = useState(PAGE);
  const byName = useMemo(() => [...people].sort((a, b) => a.name.localeCompare(b.name)), [people]);
  const { shown, matching } = firstMatches(byName, query, (p) => [p.name, p.email], shownCount);
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const act = async (id: string, call: () => Promise<unknown>) => {
    setBusy(id);
    setFailure(undefined);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: peopleQuery.queryKey });
      await queryClient.invalidateQueries({ queryKey: ['directory'] });
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="people-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="people-heading" className="mb-3 font-semibold">
        Everyone ({people.length})
      </h2>
      {failure ? <ErrorNotice error={failure} /> : null}
      {people.length > PAGE ? (
        <TextField
          label="Find someone"
          type="search"
          placeholder="Name or email"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setShownCount(PAGE);
          }}
        />
      ) : null}
      {query.trim() && matching === 0 ? (
        <p className="text-sm text-slate-600">Nobody's name or email has “{query.trim()}” in it.</p>
      ) : null}
      <ul className="flex flex-col divide-y divide-slate-100">
        {shown.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2 text-sm">
            <div className="min-w-0 flex-1 basis-56">
              <p className="font-medium">
                {p.name}
                {p.id === me.person.id ? ' (you)' : ''}
              </p>
              <p className="break-all text-xs text-slate-600">{p.email}</p>
            </div>
            <label className="flex items-center gap-2">
              <span className="sr-only">Role of {p.name}</span>
              <select
                className="rounded-md border border-slate-300 px-2 py-1"
                value={p.role}
                disabled={busy === p.id || p.id === me.person.id}
                onChange={(e) =>
                  void act(p.id, () =>
                    unwrap(
                      api.PATCH('/api/v1/people/{id}', {
                        params: { path: { id: p.id } },
                        body: { role: e.target.value as Person['role'] },
                      }),
                    ),
                  )
                }
              >
                {ROLE_SHORT.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
            <span className={`text-xs ${p.isActive ? 'text-emerald-800' : 'text-slate-600'}`}>
              {p.isActive ? 'Active' : 'Deactivated'}
            </span>
            {p.id === me.person.id ? null : (
              <Button
                variant="secondary"
                className="min-h-8 px-3 py-1"
                disabled={busy === p.id}
                onClick={() =>
                  void act(p.id, () =>
                    p.isActive
                      ? unwrap(api.POST('/api/v1/people/{id}/deactivate', { params: { path: { id: p.id } } }))
                      : unwrap(
                          api.POST('/api/v1/people/{id}/reactivate', { params: { path: { id: p.id } } }),
                        ),
                  )
                }
              >
                {p.isActive ? `Deactivate ${p.name}` : `Reactivate ${p.name}`}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {matching > shown.length ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <span>
            Showing {shown.length} of {matching}
          </span>
          <Button variant="secondary" onClick={() => setShownCount((n) => n + PAGE)}>
            Show {Math.min(PAGE, matching - shown.length)} more
          </Button>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-slate-600">
        Deactivating someone ends their sessions and revokes their API tokens at once; their goals stay,
        marked as having a former owner.
      </p>
    </section>
  );
}
