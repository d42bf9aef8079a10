import type { Db } from '../../db/database';
import type { ChatWebhooksTable } from '../../db/schema';
import type { OutboundGuard } from '../../outbound/guard';
import { OutboundRefusedError } from '../../outbound/guard';
import { postGuarded } from '../../outbound/request';
import { ChatWebhookRepository, type ChatWebhookRow } from '../../repositories/chat-webhook.repository';
import { UnitRepository } from '../../repositories/unit.repository';
import type { Channel, OutboundMessage, Recipient } from '../message';
import { slackPayload } from './slack';
import { teamsPayload } from './teams';

/** What a chat channel needs: the database (its webhooks) and the guard of outgoing requests. */
export interface ChatChannelDeps {
  db: Db;
  outbound: OutboundGuard;
  /** Longest time for one request (default 10 s). */
  timeoutMs?: number;
}

export type ChatKind = ChatWebhooksTable['kind'];

/** How a destination names a chat webhook: by id, so logs and job inputs never hold its URL. */
const PREFIX = 'chat-webhook:';

/** The destination naming a chat webhook. */
export const chatDestination = (id: string) => `${PREFIX}${id}`;

/**
 * A chat message that was not accepted. `isPermanent`: sending again cannot help (the webhook was
 * deleted, or its address is refused); otherwise the caller's job retries with backoff. The
 * message never holds the URL (it is a secret) or the receiver's answer.
 */
export class ChatSendError extends Error {
  override readonly name = 'ChatSendError';
  constructor(
    message: string,
    readonly statusCode: number | null = null,
    readonly isPermanent = false,
  ) {
    super(message);
  }
}

/**
 * Which of a workspace's webhooks reach a recipient: for each of the recipient's units, the
 * webhooks of the nearest unit up the tree that has any (a team without its own channel posts to
 * its department's); when none of their units has one, the workspace's own (no unit). Distinct,
 * in the order found.
 */
export function webhooksFor(
  recipient: Pick<Recipient, 'unitIds'>,
  webhooks: readonly ChatWebhookRow[],
  parentOf: ReadonlyMap<string, string | null>,
): ChatWebhookRow[] {
  const byUnit = new Map<string | null, ChatWebhookRow[]>();
  for (const hook of webhooks) byUnit.set(hook.unitId, [...(byUnit.get(hook.unitId) ?? []), hook]);
  const found = new Map<string, ChatWebhookRow>();
  for (const unitId of recipient.unitIds) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = unitId; at && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      const hooks = byUnit.get(at);
      if (hooks) {
        for (const hook of hooks) found.set(hook.id, hook);
        break;
      }
    }
  }
  if (found.size === 0) for (const hook of byUnit.get(null) ?? []) found.set(hook.id, hook);
  return [...found.values()];
}

/**
 * Posts a JSON body to a chat webhook through the outbound guard (the address checked after DNS,
 * the connection made to it, no redirects, `timeoutMs` in all). Throws `ChatSendError` unless the
 * answer is 2xx.
 */
export async function postChat(
  outbound: OutboundGuard,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<number> {
  let status: number;
  try {
    ({ status } = await postGuarded(outbound, url, {
      headers: { 'content-type': 'application/json', 'user-agent': 'Tandem-Notify/1' },
      body: JSON.stringify(body),
      timeoutMs,
    }));
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      throw new ChatSendError(`refused: ${error.message}`, null, error.reason === 'address');
    const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      throw new ChatSendError(`timed out after ${timeoutMs} ms`);
    const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : '';
    throw new ChatSendError(
      /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? `request failed: ${code}` : 'request failed',
    );
  }
  if (status >= 200 && status < 300) return status;
  throw new ChatSendError(
    status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`,
    status,
  );
}

function chatChannel(
  kind: ChatKind,
  render: (message: OutboundMessage) => unknown,
  deps: ChatChannelDeps,
): Channel {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const hooks = new ChatWebhookRepository(deps.db.kysely);
  return {
    id: kind,
    async destinations(recipient) {
      const webhooks = await hooks.list(recipient.workspaceId, kind);
      if (webhooks.length === 0) return [];
      const parentOf = new Map<string, string | null>();
      if (webhooks.some((w) => w.unitId !== null))
        for (const unit of await new UnitRepository(deps.db.kysely).list(recipient.workspaceId))
          parentOf.set(unit.id, unit.parentId);
      return webhooksFor(recipient, webhooks, parentOf).map((w) => chatDestination(w.id));
    },
    async send(destination, message) {
      const id = destination.startsWith(PREFIX) ? destination.slice(PREFIX.length) : '';
      const hook = id ? await hooks.findById(id) : undefined;
      if (!hook || hook.kind !== kind)
        throw new ChatSendError(`${destination} is not a ${kind} webhook (any more)`, null, true);
      await postChat(deps.outbound, hook.url, render(message), timeoutMs);
    },
  };
}

/**
 * Slack through incoming webhooks: a recipient's destinations are the webhooks of their units
 * (nearest up the tree) or else the workspace's; `send` posts the message as Block Kit
 * (`slackPayload`) and throws `ChatSendError` unless Slack answers 2xx.
 *
 * @example
 * const slack = slackChannel({ db, outbound });
 * for (const to of await slack.destinations(recipient)) await slack.send(to, message);
 */
export function slackChannel(deps: ChatChannelDeps): Channel {
  return chatChannel('slack', slackPayload, deps);
}

/**
 * Microsoft Teams through workflow or incoming-webhook URLs: destinations as for Slack; `send`
 * posts an Adaptive Card (`teamsPayload`) and throws `ChatSendError` unless Teams answers 2xx.
 *
 * @example
 * const teams = teamsChannel({ db, outbound });
 */
export function teamsChannel(deps: ChatChannelDeps): Channel {
  return chatChannel('teams', teamsPayload, deps);
}
