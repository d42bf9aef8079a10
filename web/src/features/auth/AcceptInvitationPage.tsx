import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { acceptInvitation, meQuery } from './auth.queries';
import { useSubmit } from './use-submit';

/** The landing page of an invitation link, `/invitations#<token>`: choose a password and join. */
export function AcceptInvitationPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The token travels in the fragment, so it never reaches a server log or a Referer header.
  const [token] = useState(() => decodeURIComponent(location.hash.replace(/^#/, '')));
  const [password, setPassword] = useState('');
  const form = useSubmit(
    () => acceptInvitation(token, password),
    async (me) => {
      history.replaceState(null, '', location.pathname);
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: '/' });
    },
  );
  if (!token)
    return (
      <Page title="Accept your invitation" narrow>
        <p className="mb-4">
          This link has no invitation in it. Open the whole link from your invitation, or ask your admin for a
          new one.
        </p>
        <Link to="/sign-in" search={{}} className="text-brand-700 underline">
          Sign in instead
        </Link>
      </Page>
    );
  return (
    <Page title="Accept your invitation" narrow>
      <form onSubmit={form.submit} noValidate className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="mb-4 text-sm text-slate-700">Choose a password to join your team on Tandem.</p>
        {form.error ? <ErrorNotice error={form.error} /> : null}
        <fieldset disabled={form.isPending}>
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.issueFor('password')}
          />
          <Button type="submit" className="w-full">
            {form.isPending ? 'Joining…' : 'Join the workspace'}
          </Button>
        </fieldset>
      </form>
    </Page>
  );
}
