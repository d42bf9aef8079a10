import { streamSSE } from 'hono/streaming';
import type { ChangeNotice } from '../app/event-bus';
import type { AppDeps, Api } from '../app/env';
import type { Actor } from '../services/context';
import { actorOf } from './context';
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

/** Whether a viewer may hear of a change: same workspace, and the goal visible to them. */
async function isFor(deps: AppDeps, actor: Actor, notice: ChangeNotice): Promise<boolean> {
  if (notice.workspaceId !== actor.workspaceId) return false;
  const type = notice.entityType;
  if (type !== 'objective' && type !== 'key_result' && type !== 'smart_goal') return true;
  return deps.services.checkInReads.canSee(actor, type, notice.entityId);
}

/** The live stream of changes, scoped by what each viewer may see. */
export function registerStreamRoutes(app: Api, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(stream);
  app.get('/api/v1/stream', (c) => {
    const actor = actorOf(c);
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
            setTimeout(resolve, HEARTBEAT_MS).unref?.();
          });
          wake = undefined;
          if (queue.length === 0 && !sse.aborted) await sse.write(': heartbeat\n\n');
          continue;
        }
        if (await isFor(deps, actor, notice)) {
          const { workspaceId: _, ...data } = notice;
          await sse.writeSSE({ event: 'change', data: JSON.stringify(data) });
        }
      }
      unsubscribe();
    });
  });
}
