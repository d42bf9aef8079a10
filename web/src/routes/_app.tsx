import { createFileRoute, redirect } from '@tanstack/react-router';
import { AppShell } from '../app/AppShell';
import { meQuery, signupStateQuery } from '../features/auth/auth.queries';

/** Every signed-in screen: a fresh install goes to sign-up, anyone else signed out to sign-in. */
export const Route = createFileRoute('/_app')({
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const signup = await context.queryClient.fetchQuery(signupStateQuery);
      if (signup.isOpen) throw redirect({ to: '/sign-up' });
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    return { me };
  },
  component: AppShell,
});
