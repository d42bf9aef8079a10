import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/** A `change` event of `GET /api/v1/stream`. */
export interface ChangeNotice {
  entityType: string;
  entityId: string;
  action: string;
  at: number;
}

export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

type Message = { type: 'change'; notice: ChangeNotice } | { type: 'state'; state: LiveState };

const CHANNEL = 'tandem-live';
const LEADER_LOCK = 'tandem-live-leader';
/** Notices arriving within this window are applied together: one refetch per query, not one per notice. */
export const FLUSH_MS = 250;
const RETRY_MS = 3000;

let state: LiveState = 'off';
let announcement = '';
const listeners = new Set<() => void>();
function setState(next: LiveState, text?: string) {
  state = next;
  if (text !== undefined) announcement = text;
  for (const listener of listeners) listener();
}

/** The live connection's state and the last polite announcement, for the header. */
export function useLive(): { state: LiveState; announcement: string } {
  const snapshot = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => `${state}|${announcement}`,
  );
  const [s, a] = snapshot.split('|') as [LiveState, string];
  return { state: s, announcement: a };
}

/** Which cached reads a notice touches. Queries not on screen are only marked stale. */
export function keysFor(notice: ChangeNotice): readonly unknown[][] {
  switch (notice.entityType) {
    case 'key_result':
    case 'smart_goal':
      return [
        ['dashboard'],
        ['objective'],
        [notice.entityType, notice.entityId],
        ['check-ins'],
        ['due'],
        ['alignment'],
        ['smart-goals'],
        ['plan'],
      ];
    case 'objective':
      return [['dashboard'], ['objective'], ['due'], ['alignment'], ['plan']];
    default:
      return [['dashboard'], ['due'], ['directory'], ['plan']];
  }
}

/**
 * Applies notices to the query cache, coalesced: the first notice opens a window of FLUSH_MS,
 * and at its end each touched key is invalidated once (so 30 check-ins in a burst cost one
 * dashboard refetch, not 30).
 */
export function makeNoticeSink(queryClient: QueryClient, flushMs = FLUSH_MS) {
  const pending = new Map<string, readonly unknown[]>();
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    for (const key of pending.values()) void queryClient.invalidateQueries({ queryKey: key });
    const text = count === 1 ? 'A goal was updated.' : `${count} goals were updated.`;
    pending.clear();
    count = 0;
    setState(state, text);
  };
  return (notice: ChangeNotice) => {
    count += 1;
    for (const key of keysFor(notice)) pending.set(JSON.stringify(key), key);
    if (timer === undefined) timer = setTimeout(flush, flushMs);
  };
}

let stop: (() => void) | undefined;

/**
 * One live connection per browser: the tab holding the Web Lock `tandem-live-leader` opens the
 * EventSource and forwards every notice to the other tabs over a BroadcastChannel; when it
 * closes, the next tab takes the lock and opens its own. So six tabs use one of HTTP/1.1's six
 * connections, not all of them. Called once the person is signed in; `stopLiveUpdates` on sign-out.
 */
export function startLiveUpdates(queryClient: QueryClient): void {
  if (stop || typeof EventSource === 'undefined') return;
  const sink = makeNoticeSink(queryClient);
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);
  let isStopped = false;
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let releaseLock: (() => void) | undefined;
  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    if (event.data.type === 'change') sink(event.data.notice);
    else setState(event.data.state);
  });
  const publish = (next: LiveState) => {
    setState(next);
    channel?.postMessage({ type: 'state', state: next } satisfies Message);
  };
  const open = () => {
    if (isStopped) return;
    source = new EventSource('/api/v1/stream');
    source.addEventListener('ready', () => publish('live'));
    source.addEventListener('change', (event) => {
      const notice = JSON.parse((event as MessageEvent<string>).data) as ChangeNotice;
      sink(notice);
      channel?.postMessage({ type: 'change', notice } satisfies Message);
    });
    source.addEventListener('error', () => {
      publish('reconnecting');
      // The browser retries by itself unless the answer was not a stream (a 401, a restart).
      if (source?.readyState === EventSource.CLOSED) retry = setTimeout(open, RETRY_MS);
    });
  };
  const lead = () =>
    new Promise<void>((resolve) => {
      releaseLock = resolve;
      publish('connecting');
      open();
    });
  setState('connecting');
  if (typeof navigator !== 'undefined' && navigator.locks) void navigator.locks.request(LEADER_LOCK, lead);
  else void lead();
  stop = () => {
    isStopped = true;
    clearTimeout(retry);
    source?.close();
    channel?.close();
    releaseLock?.();
    stop = undefined;
    setState('off');
  };
}

export function stopLiveUpdates(): void {
  stop?.();
}
