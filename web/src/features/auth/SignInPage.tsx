import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { meQuery, signIn, signupStateQuery } from './auth.queries';
import { useSubmit } from './use-submit';

export function SignInPage() {
  const { next } = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signup = useQuery(signupStateQuery);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(
    () => signIn(email, password),
    async (me) => {
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: next ?? '/' });
    },
  );
  return (
    <Page title="Sign in to Tandem" narrow>
      <form onSubmit={form.submit} noValidate className="rounded-lg border border-slate-200 bg-white p-5">
        {form.error ? <ErrorNotice error={form.error} /> : null}
        <fieldset disabled={form.isPending}>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={form.issueFor('email')}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={form.issueFor('password')}
          />
          <Button type="submit" className="w-full">
            {form.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </fieldset>
      </form>
      {signup.data?.isOpen ? (
        <p className="mt-4 text-sm">
          New here?{' '}
          <Link to="/sign-up" className="text-brand-700 underline">
            Create a workspace
          </Link>
        </p>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          No account yet? Ask an admin of your workspace to invite you.
        </p>
      )}
    </Page>
  );
}
