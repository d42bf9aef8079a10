import { z } from 'zod';
import { AppError } from '../../core/errors';
import { authorize } from '../policies/authorize';
import type { Actor, ServiceDeps } from '../services/context';
import { openSession } from '../services/session';
import { accept } from '../services/validate';
import type { Channel, ChannelId, OutboundMessage } from './message';
import { testMessage } from './messages';
import { NotificationRepository, type NotificationRow } from './notification.repository';

const channelId = z.enum(['email', 'slack', 'teams']);

/** A change to a person's own notification settings; fields left out stay. */
export const preferencesPatchSchema = z
  .object({
    /** The channels to be reached on (of those the workspace uses); null: all of them. */
    channels: z.array(channelId).max(3).nullable().optional(),
    /** No reminders or digests before this instant (epoch ms); null: not paused. */
    pausedUntil: z.number().int().min(0).nullable().optional(),
  })
  .strict();

/** A person's notification settings as the API shows them. */
export interface PreferencesView {
  channels: ChannelId[] | null;
  pausedUntil: number | null;
  /** The channels the workspace uses (its `notificationChannels`) that this server has set up. */
  available: ChannelId[];
}

/** One entry of the notification log. */
export type NotificationView = Omit<NotificationRow, 'workspaceId' | 'key'>;

/**
 * A person's notification settings, the admin's log of what was sent, and the messages sent at
 * once rather than through the jobs (the admin's test email, a password reset, an invitation):
 * each is handed to the channel while the request waits, so the answer says whether it went, and
 * recorded in the log either way.
 */
export class NotificationService {
  readonly #channels: Map<ChannelId, Channel>;

  constructor(
    readonly deps: ServiceDeps,
    readonly options: { channels: readonly Channel[]; publicUrl: string },
  ) {
    this.#channels = new Map(options.channels.map((c) => [c.id, c]));
  }

  /** Whether email can be sent (`TANDEM_SMTP_URL` is set). */
  get hasEmail(): boolean {
    return this.#channels.has('email');
  }

  async preferences(actor: Actor): Promise<PreferencesView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const row = await new NotificationRepository(this.deps.db.kysely).findPreferences(actor.personId);
    return {
      channels: row?.channels ? (JSON.parse(row.channels) as ChannelId[]) : null,
      pausedUntil: row?.pausedUntil ?? null,
      available: session.settings.notificationChannels.filter((c): c is ChannelId =>
        this.#channels.has(c as ChannelId),
      ),
    };
  }

  async updatePreferences(
    actor: Actor,
    input: z.input<typeof preferencesPatchSchema>,
  ): Promise<PreferencesView> {
    const data = accept(preferencesPatchSchema, input);
    const current = await this.preferences(actor);
    const channels = data.channels === undefined ? current.channels : data.channels;
    await new NotificationRepository(this.deps.db.kysely).savePreferences({
      personId: actor.personId,
      workspaceId: actor.workspaceId,
      channels: channels === null ? null : JSON.stringify([...new Set(channels)]),
      pausedUntil: data.pausedUntil === undefined ? current.pausedUntil : data.pausedUntil,
      updatedAt: this.deps.clock.now(),
    });
    return this.preferences(actor);
  }

  /** The workspace's log, newest first (admins). */
  async log(
    actor: Actor,
    query: { after?: string | undefined; limit: number; state?: NotificationRow['state'] | undefined },
  ): Promise<{ items: NotificationView[]; nextAfter: string | null }> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'manage', 'settings');
    const [createdAt, id] = query.after?.split(':') ?? [];
    const after =
      createdAt !== undefined && id !== undefined && /^\d+$/.test(createdAt)
        ? { createdAt: Number(createdAt), id }
        : undefined;
    if (query.after !== undefined && !after)
      throw new AppError('validation', 'cursor: not a cursor this API gave out', {
        issues: [{ path: 'query.cursor', message: 'not a cursor this API gave out' }],
      });
    const rows = await new NotificationRepository(this.deps.db.kysely).list(actor.workspaceId, {
      after,
      limit: query.limit,
      state: query.state,
    });
    const items = rows.slice(0, query.limit).map(({ workspaceId: _w, key: _k, ...rest }) => rest);
    const last = items.at(-1);
    return { items, nextAfter: rows.length > query.limit && last ? `${last.createdAt}:${last.id}` : null };
  }

  /** Sends the test email to the admin asking (admins); a refusal by the SMTP server is a 502-free `conflict` with its words. */
  async sendTest(actor: Actor): Promise<NotificationView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'manage', 'settings');
    const me = (await session.repos.people.find(actor.workspaceId, actor.personId))!;
    const row = await this.sendDirect(
      actor.workspaceId,
      me.id,
      me.email,
      testMessage(this.options.publicUrl),
    );
    if (row.state === 'failed')
      throw new AppError('conflict', `the SMTP server did not take the message: ${row.error}`, {
        reason: 'smtp_failed',
      });
    return row;
  }

  /**
   * Emails a person a message built from their row and workspace name, when email is set up;
   * returns whether the server took it (false without email: the caller shows the link instead).
   */
  async emailPerson(
    workspaceId: string,
    personId: string,
    build: (person: { name: string; email: string }, workspaceName: string) => OutboundMessage,
  ): Promise<boolean> {
    if (!this.hasEmail) return false;
    const db = this.deps.db.kysely;
    const person = await db
      .selectFrom('people')
      .select(['name', 'email'])
      .where('workspaceId', '=', workspaceId)
      .where('id', '=', personId)
      .executeTakeFirst();
    const workspace = await db
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    if (!person || !workspace) return false;
    const row = await this.sendDirect(workspaceId, personId, person.email, build(person, workspace.name));
    return row.state === 'sent';
  }

  /**
   * Emails a message now and records it (sent or failed); throws `conflict` when email is not set
   * up. Never throws for a refused message: the log row says it failed.
   */
  async sendDirect(
    workspaceId: string,
    personId: string | null,
    email: string,
    message: OutboundMessage,
  ): Promise<NotificationView> {
    const channel = this.#channels.get('email');
    if (!channel)
      throw new AppError('conflict', 'email is not set up: set TANDEM_SMTP_URL and TANDEM_MAIL_FROM', {
        reason: 'no_email',
      });
    const now = this.deps.clock.now();
    let error: string | null = null;
    try {
      await channel.send(email, message);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    }
    const row = {
      id: this.deps.newId(),
      workspaceId,
      personId,
      kind: message.kind,
      channel: 'email' as const,
      destination: email,
      subject: message.subject,
      key: null,
      state: error === null ? ('sent' as const) : ('failed' as const),
      attempts: 1,
      error,
      createdAt: now,
      updatedAt: now,
      sentAt: error === null ? now : null,
    };
    await new NotificationRepository(this.deps.db.kysely).record(row);
    const { workspaceId: _w, key: _k, ...view } = row;
    return view;
  }
}
