import { streamSSE } from 'hono/streaming';
import type { ChangeNotice } from '../app/event-bus';
import type { AppDeps, Api } from '../app/env';
import type { Actor } from '../services/context';
import { signedIn } from './context';
import { route } from './openapi';

const HEARTBEAT_MS = 25_000;

const stream = route({
  method: 'get',
  path: '/api/v1/stream',
  tags: ['stream'],
  summary:
    'Server-sent events: a `change` event `{entityType, entityId, action, at}` for every change you may see (check-ins, edits, status changes); refetch what it names',
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
  },
});

/** How long a viewer's answer about one goal is reused on their stream (visibility rarely changes). */
const VISIBILITY_TTL_MS = 10_000;

/**
 * Whether a viewer may hear of a change: same workspace, and the goal visible to them (asked of
 * the policies, and remembered per stream for a few seconds, so a busy goal costs one check).
 */
function audienceFilter(deps: AppDeps, actor: Actor) {
  const known = new Map<string, { isVisible: boolean; until: number }>();
  return async (notice: ChangeNotice): Promise<boolean> => {
    if (notice.workspaceId !== actor.workspaceId) return false;
    const type = notice.entityType;
    if (type !== 'objective' && type !== 'key_result' && type !== 'smart_goal') return true;
    const now = Date.now();
    const cached = known.get(notice.entityId);
    if (cached && cached.until > now && notice.action !== 'updated') return cached.isVisible;
    const isVisible = await deps.services.checkInReads.canSee(actor, type, notice.entityId);
    if (known.size > 10_000) known.clear();
    known.set(notice.entityId, { isVisible, until: now + VISIBILITY_TTL_MS });
    return isVisible;
  };
}

/** The live stream of changes, scoped by what each viewer may see. */
export function registerStreamRoutes(app: Api, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(stream);
  app.get('/api/v1/stream', (c) => {
    const principal = signedIn(c);
    const actor = principal.actor;
    const isFor = audienceFilter(deps, actor);
    return streamSSE(c, async (sse) => {
      const queue: ChangeNotice[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.bus.subscribe((notice) => {
        if (notice.workspaceId !== actor.workspaceId) return;
        queue.push(notice);
        wake?.();
      });
      sse.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ at: Date.now() }) });
      while (!sse.aborted && !sse.closed) {
        const notice = queue.shift();
        if (!notice) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, deps.streamHeartbeatMs ?? HEARTBEAT_MS).unref?.();
          });
          wake = undefined;
          if (queue.length === 0 && !sse.aborted) {
            // A signed-out, revoked or deactivated viewer's stream ends at the next heartbeat.
            if (!(await deps.accounts.isStillSignedIn(principal))) break;
            await sse.write(': heartbeat\n\n');
          }
          continue;
        }
        if (await isFor(notice)) {
          const { workspaceId: _, ...data } = notice;
          await sse.writeSSE({ event: 'change', data: JSON.stringify(data) });
        }
      }
      unsubscribe();
    });
  });
}
