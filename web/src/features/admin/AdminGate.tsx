import { Link, Outlet, useRouteContext } from '@tanstack/react-router';
import { Page } from '../../components/Page';

/**
 * Administration is for admins (SPEC 8): anyone else sees why they cannot be here instead of the
 * screens. The API refuses them too (403 on every admin write), so this is a courtesy, not the guard.
 */
export function AdminGate() {
  const { me } = useRouteContext({ from: '/_app' });
  if (me.person.role !== 'admin')
    return (
      <Page title="Not allowed">
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-medium">Only workspace admins can open the administration screens.</p>
          <p className="mt-1 text-sm">
            You are signed in as a {me.person.role}. Ask an admin of {me.workspace.name} to change a setting,
            a person or a unit for you.
          </p>
          <Link to="/" className="mt-2 inline-block text-sm text-brand-700 underline">
            Back to the dashboard
          </Link>
        </div>
      </Page>
    );
  return <Outlet />;
}

const TAB = 'rounded px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100';
const ACTIVE = { className: `${TAB} bg-slate-100 font-semibold text-slate-900` };

/** The administration screens' own navigation. */
export function AdminNav() {
  return (
    <nav aria-label="Administration" className="mb-5 flex flex-wrap gap-1 border-b border-slate-200 pb-2">
      <Link to="/admin/settings" className={TAB} activeProps={ACTIVE}>
        Settings
      </Link>
      <Link to="/admin/people" className={TAB} activeProps={ACTIVE}>
        People
      </Link>
      <Link to="/admin/units" className={TAB} activeProps={ACTIVE}>
        Units
      </Link>
      <Link to="/admin/tokens" className={TAB} activeProps={ACTIVE}>
        API tokens
      </Link>
      <Link to="/admin/notifications" className={TAB} activeProps={ACTIVE}>
        Notifications
      </Link>
      <Link to="/admin/chat-webhooks" className={TAB} activeProps={ACTIVE}>
        Slack and Teams
      </Link>
      <Link to="/admin/webhooks" className={TAB} activeProps={ACTIVE}>
        Webhooks
      </Link>
    </nav>
  );
}
