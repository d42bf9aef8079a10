import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { meQuery, signUp, type WorkspaceSetup } from './auth.queries';
import { useSubmit } from './use-submit';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(Date.UTC(2026, i, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
}));
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map(
  (label, i) => ({ value: String(i), label }),
);

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** First run: the first person creates the workspace (name, fiscal year, time zone, check-in day). */
export function SignUpPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
    return (all.includes('UTC') ? all : ['UTC', ...all]).map((zone) => ({ value: zone, label: zone }));
  }, []);
  const [setup, setSetup] = useState<WorkspaceSetup>({
    name: '',
    email: '',
    password: '',
    workspaceName: '',
    fiscalYearStartMonth: 1,
    timeZone: browserTimeZone(),
    checkinDay: 1,
  });
  const set = <K extends keyof WorkspaceSetup>(key: K, value: WorkspaceSetup[K]) =>
    setSetup((current) => ({ ...current, [key]: value }));
  const form = useSubmit(
    () => signUp(setup),
    async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: '/' });
    },
  );
  return (
    <Page title="Create your workspace" narrow>
      <form onSubmit={form.submit} noValidate className="rounded-lg border border-slate-200 bg-white p-5">
        {form.error ? <ErrorNotice error={form.error} /> : null}
        <fieldset disabled={form.isPending}>
          <legend className="mb-3 text-sm font-semibold text-slate-900">You</legend>
          <TextField
            label="Your name"
            autoComplete="name"
            required
            value={setup.name}
            onChange={(e) => set('name', e.target.value)}
            error={form.issueFor('name')}
          />
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={setup.email}
            onChange={(e) => set('email', e.target.value)}
            error={form.issueFor('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters."
            value={setup.password}
            onChange={(e) => set('password', e.target.value)}
            error={form.issueFor('password')}
          />
        </fieldset>
        <fieldset disabled={form.isPending} className="mt-2">
          <legend className="mb-3 text-sm font-semibold text-slate-900">Your organisation</legend>
          <TextField
            label="Workspace name"
            autoComplete="organization"
            required
            value={setup.workspaceName}
            onChange={(e) => set('workspaceName', e.target.value)}
            error={form.issueFor('workspaceName')}
          />
          <SelectField
            label="Fiscal year starts in"
            options={MONTHS}
            value={String(setup.fiscalYearStartMonth)}
            onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}
            error={form.issueFor('settings.fiscalYearStartMonth')}
          />
          <SelectField
            label="Time zone"
            options={zones}
            value={setup.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            error={form.issueFor('settings.timeZone') ?? form.issueFor('timeZone')}
          />
          <SelectField
            label="Weekly check-in day"
            options={WEEKDAYS}
            value={String(setup.checkinDay)}
            onChange={(e) => set('checkinDay', Number(e.target.value))}
            error={form.issueFor('settings.checkinDay')}
          />
          <Button type="submit" className="w-full">
            {form.isPending ? 'Creating…' : 'Create workspace'}
          </Button>
        </fieldset>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{' '}
        <Link to="/sign-in" search={{}} className="text-brand-700 underline">
          Sign in
        </Link>
      </p>
    </Page>
  );
}
