import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext } from '@tanstack/react-router';
import { useEffect } from 'react';
import { signOut } from '../features/auth/auth.queries';
import { startLiveUpdates, stopLiveUpdates, useLive } from './live';
import { PaletteLauncher } from './PaletteLauncher';

const LIVE_LABEL = { off: 'Offline', connecting: 'Connecting', live: 'Live', reconnecting: 'Reconnecting' };

const NAV = 'rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100';
const ACTIVE = { className: `${NAV} bg-slate-100 font-semibold text-slate-900` };

/** The frame of every signed-in screen: navigation, the live connection's state, sign-out. */
export function AppShell() {
  const { me } = useRouteContext({ from: '/_app' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const live = useLive();
  useEffect(() => startLiveUpdates(queryClient), [queryClient]);
  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    stopLiveUpdates();
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link to="/" className="font-semibold text-brand-700">
            Tandem
          </Link>
          <nav aria-label="Main" className="flex flex-wrap gap-1">
            <Link to="/" className={NAV} activeProps={ACTIVE} activeOptions={{ exact: true }}>
              Dashboard
            </Link>
            <Link to="/check-in" className={NAV} activeProps={ACTIVE}>
              Check in
            </Link>
            <Link to="/goals" className={NAV} activeProps={ACTIVE}>
              My goals
            </Link>
            <Link to="/alignment" className={NAV} activeProps={ACTIVE}>
              Alignment
            </Link>
            <Link to="/write" className={NAV} activeProps={ACTIVE}>
              Write a goal
            </Link>
            <Link to="/close-out" className={NAV} activeProps={ACTIVE}>
              Close-out
            </Link>
            {me.person.role === 'admin' ? (
              <Link to="/admin" className={NAV} activeProps={ACTIVE}>
                Admin
              </Link>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <PaletteLauncher />
            <span
              className={`rounded-full px-2 py-0.5 text-xs ${live.state === 'live' ? 'bg-emerald-50 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
              title="Updates from other people arrive without a reload"
            >
              {LIVE_LABEL[live.state]}
            </span>
            <span className="hidden text-slate-700 sm:inline">
              {me.person.name} · {me.workspace.name}
            </span>
            <button type="button" className={NAV} onClick={() => void onSignOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <p aria-live="polite" className="sr-only">
        {live.announcement}
      </p>
      <Outlet />
    </div>
  );
}
