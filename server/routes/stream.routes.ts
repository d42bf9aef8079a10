import { streamSSE } from 'hono/streaming';
import type { Api, AppDeps } from '../app/env';
import type { ChangeNotice } from '../app/event-bus';
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

/**
 * How long a viewer's answer about one goal is reused on their stream when nothing announced
 * changes it (a backstop for changes made outside any server, such as a restored backup).
 */
const VISIBILITY_TTL_MS = 10_000;

/**
 * Whether a notice can change what a viewer may see or whether they are still signed in: anything
 * but a check-in or its correction (a goal's or its objective's visibility, an alignment, a person's role or units,
 * a unit's place, a sign-out, a revoked token).
 */
const isStructural = (notice: ChangeNotice) =>
  notice.action !== 'checked_in' && notice.action !== 'check_in_corrected';

/**
 * Whether a viewer may hear of a change: same workspace, and the goal visible to them (asked of
 * the policies, and remembered per stream, so a busy goal costs one check). The memory is
 * forgotten with every structural notice, before that notice is judged, so a change of
 * visibility (of the goal, or of the objective a KR belongs to) or of the viewer's role or units
 * holds from the next notice on; `access` notices are never shown.
 */
function audienceFilter(deps: AppDeps, actor: Actor) {
  const known = new Map<string, { isVisible: boolean; until: number }>();
  return async (notice: ChangeNotice): Promise<boolean> => {
    if (notice.workspaceId !== actor.workspaceId || notice.entityType === 'access') return false;
    if (isStructural(notice)) known.clear();
    const type = notice.entityType;
    if (type !== 'objective' && type !== 'key_result' && type !== 'smart_goal') return true;
    const now = Date.now();
    const cached = known.get(notice.entityId);
    if (cached && cached.until > now) return cached.isVisible;
    const isVisible = await deps.services.checkInReads.canSee(actor, type, notice.entityId);
    if (known.size > 10_000) known.clear();
    known.set(notice.entityId, { isVisible, until: now + VISIBILITY_TTL_MS });
    return isVisible;
  };
}

/** Whether a notice may mean the viewer is no longer signed in (so the stream checks at once). */
const mayEndAccess = (notice: ChangeNotice, actor: Actor) =>
  (notice.entityType === 'access' || notice.entityType === 'person') && notice.entityId === actor.personId;

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
            // A backstop for access ended elsewhere (expiry, or a change no notice announced).
            if (!(await deps.accounts.isStillSignedIn(principal))) break;
            await sse.write(': heartbeat\n\n');
          }
          continue;
        }
        // A sign-out, a revoked token or a deactivation ends the stream now, not at the heartbeat.
        if (mayEndAccess(notice, actor) && !(await deps.accounts.isStillSignedIn(principal))) break;
        if (await isFor(notice)) {
          const { workspaceId: _, ...data } = notice;
          await sse.writeSSE({ event: 'change', data: JSON.stringify(data) });
        }
      }
      unsubscribe();
    });
  });
}
