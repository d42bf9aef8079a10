import { z } from 'zod';
import { ChatSendError, postChat } from '../notify/chat/channels';
import { slackPayload } from '../notify/chat/slack';
import { teamsPayload } from '../notify/chat/teams';
import { chatTestMessage } from '../notify/chat/test-message';
import { AddressPolicy } from '../outbound/address-policy';
import type { OutboundGuard } from '../outbound/guard';
import { authorize } from '../policies/authorize';
import type { ChatWebhookRow } from '../repositories/chat-webhook.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { openSession, recordEvents, type Session } from './session';
import { accept, invalid, notFound } from './validate';

const ENTITY = 'chat_webhook';

/** Input of `create`: which chat, where it posts (a unit, or the whole workspace), and its URL. */
export const createChatWebhookSchema = z
  .object({
    kind: z.enum(['slack', 'teams']),
    url: z.string().trim().min(1).max(2000),
    unitId: z.string().min(1).max(100).nullable().default(null),
    description: z.string().trim().max(500).default(''),
  })
  .strict();

/** A chat webhook as services return it: the URL masked (it is the credential of the channel). */
export interface ChatWebhookView {
  id: string;
  kind: 'slack' | 'teams';
  unitId: string | null;
  /** Scheme, host and the last four characters: enough to recognise it, not to use it. */
  maskedUrl: string;
  description: string;
  createdBy: string;
  createdAt: number;
}

/** What a test send did. */
export interface ChatTestOutcome {
  isDelivered: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * A webhook URL shown without its secret: `https://hooks.slack.com/…a1B2`.
 *
 * @example
 * maskUrl('https://hooks.slack.com/services/T0/B0/XyZ1a1B2') // 'https://hooks.slack.com/…a1B2'
 */
export function maskUrl(url: string): string {
  let origin = '';
  try {
    origin = new URL(url).origin;
  } catch {
    return '…';
  }
  return `${origin}/…${url.slice(-4)}`;
}

const view = (row: ChatWebhookRow): ChatWebhookView => ({
  id: row.id,
  kind: row.kind,
  unitId: row.unitId,
  maskedUrl: maskUrl(row.url),
  description: row.description,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/**
 * Why a chat webhook URL may not be registered, or null: not a URL, a user name or password in
 * it, `http:` to anything but an address an admin allows (`TANDEM_OUTBOUND_ALLOW`, for a receiver
 * inside the network or a test on loopback), or a host the outbound guard refuses.
 */
export async function chatUrlProblem(outbound: OutboundGuard, value: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL; expected https://...';
  }
  if (url.username || url.password) return 'a user name or password in the URL is not allowed';
  if (url.protocol === 'http:') {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const address = /^localhost\.?$/i.test(host) ? '127.0.0.1' : host;
    const isAllowedInside =
      AddressPolicy.isAddress(address) &&
      new AddressPolicy().refusal(address) !== null &&
      outbound.policy.refusal(address) === null;
    if (!isAllowedInside)
      return 'must be https:// (http is accepted only to an address TANDEM_OUTBOUND_ALLOW lists)';
  } else if (url.protocol !== 'https:') return `must be https://, not ${url.protocol}`;
  const why = await outbound.checkTarget(url.href);
  return why && `not allowed: ${why}`;
}

/**
 * Slack and Microsoft Teams incoming webhooks (SPEC 6), per workspace or per unit: admins list,
 * add, delete and test them. The URL is never shown back in full. Every change is an audit event
 * (`chat_webhook.*`) holding the masked URL only.
 */
export class ChatWebhookService {
  constructor(readonly deps: ServiceDeps) {}

  /** The workspace's chat webhooks, oldest first. */
  async list(actor: Actor): Promise<ChatWebhookView[]> {
    const session = await this.#admin(actor);
    return (await session.repos.chatWebhooks.list(actor.workspaceId)).map(view);
  }

  /** Adds a webhook for the workspace (`unitId` null) or for one of its units. */
  async create(actor: Actor, input: z.input<typeof createChatWebhookSchema>): Promise<ChatWebhookView> {
    const data = accept(createChatWebhookSchema, input);
    const problem = await chatUrlProblem(this.deps.outbound, data.url);
    if (problem) invalid('url', problem);
    return transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      if (data.unitId !== null && !(await session.repos.units.find(actor.workspaceId, data.unitId)))
        invalid('unitId', `no unit ${data.unitId} in this workspace`);
      const row: ChatWebhookRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        kind: data.kind,
        unitId: data.unitId,
        url: new URL(data.url).href,
        description: data.description,
        createdBy: actor.personId,
        createdAt: session.at,
      };
      await session.repos.chatWebhooks.insert(row);
      const created = view(row);
      await recordEvents(session, [
        { entityType: ENTITY, entityId: row.id, action: 'created', after: created },
      ]);
      return created;
    });
  }

  /** Deletes a webhook. */
  async remove(actor: Actor, id: string): Promise<void> {
    await transact(this.deps, async (trx) => {
      const session = await this.#admin(actor, trx);
      const row = await this.#find(session, id);
      await session.repos.chatWebhooks.delete(actor.workspaceId, id);
      await recordEvents(session, [
        { entityType: ENTITY, entityId: id, action: 'deleted', before: view(row) },
      ]);
    });
  }

  /**
   * Sends a test message to the webhook now and says how it went (a refusal by Slack or Teams is
   * an outcome, not an error). `publicUrl` is where the message's button leads.
   */
  async test(actor: Actor, id: string, publicUrl: string): Promise<ChatTestOutcome> {
    const session = await this.#admin(actor);
    const row = await this.#find(session, id);
    const unit = row.unitId ? await session.repos.units.find(actor.workspaceId, row.unitId) : undefined;
    const message = chatTestMessage(unit?.name, publicUrl);
    const body = row.kind === 'slack' ? slackPayload(message) : teamsPayload(message);
    try {
      const statusCode = await postChat(this.deps.outbound, row.url, body, 10_000);
      return { isDelivered: true, statusCode, error: null };
    } catch (error) {
      if (!(error instanceof ChatSendError)) throw error;
      return { isDelivered: false, statusCode: error.statusCode, error: error.message };
    }
  }

  async #admin(actor: Actor, trx?: Parameters<typeof openSession>[1]): Promise<Session> {
    const session = await openSession(this.deps, trx ?? this.deps.db.kysely, actor);
    authorize(session.scope, 'manage', 'webhook');
    return session;
  }

  async #find(session: Session, id: string): Promise<ChatWebhookRow> {
    return (
      (await session.repos.chatWebhooks.find(session.actor.workspaceId, id)) ?? notFound('chat webhook', id)
    );
  }
}
