import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
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
            {me.person.role === 'viewer' ? null : (
              <Link to="/plan" className={NAV} activeProps={ACTIVE}>
                Plan
              </Link>
            )}
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
          <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
            <PaletteLauncher />
            <span
              className={`rounded-full px-2 py-0.5 text-xs ${live.state === 'live' ? 'bg-emerald-50 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
              title="Updates from other people arrive without a reload"
            >
              {LIVE_LABEL[live.state]}
            </span>
            <UserMenu label={`${me.person.name} · ${me.workspace.name}`} />
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

/**
 * The signed-in person's menu: their name and workspace, opening onto their own settings (My
 * notifications). Closes on a choice, on Escape, and when focus or a click goes elsewhere.
 */
function UserMenu({ label }: { label: string }) {
  const [isOpen, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const away = (e: Event) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
      document.removeEventListener('keydown', onEscape);
    };
  }, [isOpen]);
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        className={`${NAV} max-w-64 truncate`}
        aria-expanded={isOpen}
        aria-controls="user-menu"
        onClick={() => setOpen(!isOpen)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {isOpen ? (
        <div
          id="user-menu"
          className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <Link
            to="/settings/notifications"
            className={`${NAV} block`}
            activeProps={{ className: `${NAV} block bg-slate-100 font-semibold text-slate-900` }}
            onClick={() => setOpen(false)}
          >
            My notifications
          </Link>
        </div>
      ) : null}
    </div>
  );
}
