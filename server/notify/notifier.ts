import type { Logger } from 'pino';
import pino from 'pino';
import { z } from 'zod';
import { isValidTimeZone } from '../../core/time';
import { defineJob, type JobDefinition, newJob, type RetryPolicy } from '../jobs/job';
import { scheduledInput } from '../jobs/runner';
import { repositories } from '../repositories/index';
import { CheckInDueService } from '../services/check-in-due.service';
import type { Actor, ServiceDeps } from '../services/context';
import { ComplianceHeatmaps, cycleWeeks } from '../services/dashboard-insights';
import { openSession } from '../services/session';
import { readSettings } from '../services/workspace-settings';
import type { Channel, ChannelId, OutboundMessage, Recipient } from './message';
import { type DigestContent, digestMessage, reminderMessage } from './messages';
import { NotificationRepository } from './notification.repository';
import { latestOccasion } from './occasion';

/** How often the sweep looks for people whose check-in occasion has come (and queues their sends). */
export const SWEEP_CRON = '*/15 * * * *';

/** A send is retried with backoff: 30 s, 1 min, 2 min ... at most 1 h, six attempts in all. */
export const SEND_RETRY: RetryPolicy = {
  maxAttempts: 6,
  backoffMs: (attempt) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000),
};

/** The job runs as the person it writes to (or the lead whose digest it is): it sees what they may see. */
const actorFor = (workspaceId: string, personId: string): Actor => ({
  workspaceId,
  personId,
  actorType: 'person',
  source: 'web',
});

const sendInput = z.object({
  kind: z.enum(['reminder', 'digest']),
  workspaceId: z.string(),
  personId: z.string(),
  channel: z.enum(['email', 'slack', 'teams']),
  /** The occasion's local date, `YYYY-MM-DD`: the period of the key. */
  occasion: z.string(),
});
type SendInput = z.infer<typeof sendInput>;

/** The unique key of one (kind, person, period, channel): a job's and its log row's. */
export const sendKey = (input: SendInput) =>
  `${input.kind}:${input.personId}:${input.occasion}:${input.channel}`;

/** What the notifier needs besides the services' dependencies. */
export interface NotifierOptions {
  channels: readonly Channel[];
  publicUrl: string;
  logger?: Logger;
}

/**
 * Reminders and digests (SPEC 6) as jobs: a sweep every 15 minutes queues one send job per
 * (person, occasion, channel) for everyone whose check-in day and hour has come in their own time
 * zone, keyed so several nodes and sweeps queue it once; each send job decides at send time
 * (still active, not paused, something still due), hands the message to its channel, and records
 * the outcome in the notification log. See docs/decisions/0015-reminders.md.
 *
 * @example
 * const runner = new JobRunner(deps, [...new Notifier(deps, { channels, publicUrl }).jobs()]);
 */
export class Notifier {
  readonly #channels: Map<ChannelId, Channel>;
  readonly #logger: Logger;

  constructor(
    readonly deps: ServiceDeps,
    readonly options: NotifierOptions,
  ) {
    this.#channels = new Map(options.channels.map((c) => [c.id, c]));
    this.#logger = options.logger ?? pino({ level: 'silent' });
  }

  /** The channel ids this node can send on. */
  get channelIds(): ChannelId[] {
    return [...this.#channels.keys()];
  }

  /** The sweep and the send job. */
  jobs(): JobDefinition[] {
    const send = defineJob({
      id: 'notify.send',
      version: 1,
      input: sendInput,
      retry: SEND_RETRY,
      handler: async (input, context) => {
        const outcome = await this.#prepare(input);
        if (!outcome) return;
        const { message, recipient } = outcome;
        const channel = this.#channels.get(input.channel);
        if (!channel) throw new Error(`the ${input.channel} channel is not set up on this node`);
        const key = sendKey(input);
        const notifications = new NotificationRepository(this.deps.db.kysely);
        const destinations = await channel.destinations(recipient);
        if (destinations.length === 0) return;
        const now = this.deps.clock.now();
        const row = {
          id: context.job.id,
          workspaceId: input.workspaceId,
          personId: input.personId,
          kind: message.kind,
          channel: input.channel,
          destination: destinations.join(', '),
          subject: message.subject,
          key,
          attempts: context.job.attempt,
          createdAt: now,
          updatedAt: now,
        };
        try {
          for (const destination of destinations) await channel.send(destination, message);
        } catch (error) {
          const isLast = context.job.attempt >= SEND_RETRY.maxAttempts;
          await notifications.record({
            ...row,
            state: isLast ? 'failed' : 'retrying',
            error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
            sentAt: null,
          });
          throw error;
        }
        await context.complete(async (trx) => {
          await new NotificationRepository(trx).record({ ...row, state: 'sent', error: null, sentAt: now });
        });
      },
    });
    const sweep = defineJob({
      id: 'notify.sweep',
      version: 1,
      input: scheduledInput,
      // A sweep looks at now, not at its slot: after a gap, the newest slot alone does the work.
      schedule: { cron: SWEEP_CRON, catchUp: 'latest' },
      handler: async () => {
        await this.sweep(send);
      },
    });
    return [sweep, send];
  }

  /**
   * Queues the send jobs of every workspace's current occasion: each active, unpaused person's
   * reminder, and each unit lead's digest, once per chosen channel. Keyed by (kind, person,
   * occasion, channel), so a sweep run again (another node, the next quarter hour, a restart)
   * queues nothing new. Returns how many jobs this sweep queued.
   */
  async sweep(send: JobDefinition = this.jobs()[1]!): Promise<number> {
    const db = this.deps.db.kysely;
    const now = this.deps.clock.now();
    const available = new Set(this.#channels.keys());
    const jobs = repositories(db, this.deps.db.dialect).jobs;
    const workspaces = await db.selectFrom('workspaces').select(['id', 'settings']).execute();
    let queued = 0;
    for (const workspace of workspaces) {
      const settings = readSettings(workspace.settings, workspace.id, this.deps.logger);
      const enabled = settings.notificationChannels.filter((c): c is ChannelId =>
        available.has(c as ChannelId),
      );
      if (enabled.length === 0) continue;
      const [people, leads, preferences] = await Promise.all([
        db
          .selectFrom('people')
          .select(['id', 'timeZone'])
          .where('workspaceId', '=', workspace.id)
          .where('isActive', '=', 1)
          .execute(),
        db
          .selectFrom('unitMembers')
          .select('personId')
          .distinct()
          .where('workspaceId', '=', workspace.id)
          .where('isLead', '=', 1)
          .execute(),
        new NotificationRepository(db).preferencesOf(workspace.id),
      ]);
      const leadIds = new Set(leads.map((l) => l.personId));
      const rows = [];
      for (const person of people) {
        const preference = preferences.get(person.id);
        if (preference?.pausedUntil != null && preference.pausedUntil > now) continue;
        const chosen = preference?.channels ? (JSON.parse(preference.channels) as string[]) : undefined;
        const channels = chosen ? enabled.filter((c) => chosen.includes(c)) : enabled;
        const occasion = latestOccasion(
          now,
          settings.checkinDay,
          settings.checkinHour,
          isValidTimeZone(person.timeZone) ? person.timeZone : settings.timeZone,
        );
        const kinds = leadIds.has(person.id) ? (['reminder', 'digest'] as const) : (['reminder'] as const);
        for (const kind of kinds)
          for (const channel of channels) {
            const input = {
              kind,
              workspaceId: workspace.id,
              personId: person.id,
              channel,
              occasion: occasion.date,
            };
            // The runner claims by `runAt`: reminders (one per person, quick) a millisecond ahead of
            // the leads' digests (heavier), so digests never hold every slot while reminders wait.
            const runAt = kind === 'reminder' ? now - 1 : now;
            rows.push(newJob(this.deps, send, input, { key: sendKey(input), runAt }));
          }
      }
      for (let i = 0; i < rows.length; i += 500) queued += await jobs.insertMany(rows.slice(i, i + 500));
    }
    if (queued > 0) this.#logger.info({ queued }, 'notify: sends queued');
    return queued;
  }

  /**
   * What to send for a queued job, decided at send time: nothing for a deactivated or paused
   * person, for a message already sent, or when nothing is left to say (everything checked in).
   */
  async #prepare(input: SendInput): Promise<{ message: OutboundMessage; recipient: Recipient } | undefined> {
    const db = this.deps.db.kysely;
    const repos = repositories(db, this.deps.db.dialect);
    const person = await repos.people.find(input.workspaceId, input.personId);
    if (person?.isActive !== true) return undefined;
    const notifications = new NotificationRepository(db);
    const preference = await notifications.findPreferences(person.id);
    if (preference?.pausedUntil != null && preference.pausedUntil > this.deps.clock.now()) return undefined;
    if (await notifications.isSent(sendKey(input))) return undefined;
    const memberships = await repos.units.membershipsOf(person.id);
    const recipient: Recipient = {
      personId: person.id,
      workspaceId: person.workspaceId,
      name: person.name,
      email: person.email,
      timeZone: person.timeZone,
      unitIds: memberships.map((m) => m.unitId),
    };
    const { publicUrl } = this.options;
    const actor = actorFor(input.workspaceId, person.id);
    if (input.kind === 'reminder') {
      // A reminder shows no status: the due list without the slice's evaluation.
      const [due] = await new CheckInDueService(this.deps).dueOfMany(
        actor,
        [person.id],
        [this.deps.clock.now()],
        {
          statuses: false,
        },
      );
      const open = (due!.get(person.id) ?? []).filter((i) => !i.isDone);
      if (open.length === 0) return undefined;
      return { message: reminderMessage(person, open, publicUrl), recipient };
    }
    // Status changes are counted since the lead's previous occasion (last week's digest).
    const workspace = await db
      .selectFrom('workspaces')
      .select('settings')
      .where('id', '=', input.workspaceId)
      .executeTakeFirstOrThrow();
    const settings = readSettings(workspace.settings, input.workspaceId, this.deps.logger);
    const zone = isValidTimeZone(person.timeZone) ? person.timeZone : settings.timeZone;
    const occasion = latestOccasion(this.deps.clock.now(), settings.checkinDay, settings.checkinHour, zone);
    const since = latestOccasion(occasion.at - 1, settings.checkinDay, settings.checkinHour, zone).at;
    const content = await this.#digest(
      actor,
      memberships.filter((m) => m.isLead).map((m) => m.unitId),
      since,
    );
    if (
      content.stale.length + content.atRisk.length + content.changes.length + content.compliance.length ===
      0
    )
      return undefined;
    return { message: digestMessage(person, content, publicUrl), recipient };
  }

  /**
   * A lead's digest: for the people of the units they lead (and the units below), the goals the
   * lead may see that are stale (two missed periods or more: the escalation) or at risk, those
   * whose status changed since `since` (the previous digest: no status history is kept, so the
   * status then is evaluated again as of that instant, from the check-ins made by then), and the
   * check-in compliance of each led unit over the last full week (the dashboard's heatmap).
   */
  async #digest(actor: Actor, ledUnitIds: string[], since: number): Promise<DigestContent> {
    const db = this.deps.db.kysely;
    const repos = repositories(db, this.deps.db.dialect);
    const ws = actor.workspaceId;
    const unitIds = [...new Set([...ledUnitIds, ...(await repos.units.descendants(ws, ledUnitIds))])];
    const members =
      unitIds.length === 0
        ? []
        : await db
            .selectFrom('unitMembers')
            .innerJoin('people', 'people.id', 'unitMembers.personId')
            .select(['people.id', 'people.name'])
            .distinct()
            .where('unitMembers.unitId', 'in', unitIds)
            .where('people.isActive', '=', 1)
            .execute();
    // One read of the members' goals and check-ins, evaluated now and as of `since` in memory.
    const [dueNow, dueThen] = await new CheckInDueService(this.deps).dueOfMany(
      actor,
      members.map((m) => m.id),
      [this.deps.clock.now(), since],
    );
    const content: DigestContent = { stale: [], atRisk: [], changes: [], compliance: [] };
    for (const member of members) {
      const statusThen = new Map((dueThen!.get(member.id) ?? []).map((g) => [g.id, g.status]));
      for (const goal of dueNow!.get(member.id) ?? []) {
        if (goal.missedPeriods >= 2) content.stale.push({ goal, ownerName: member.name });
        else if (goal.status === 'at_risk' || goal.status === 'off_track')
          content.atRisk.push({ goal, ownerName: member.name });
        // A change from one status to another (a goal that had none a week ago has no "from").
        const from = statusThen.get(goal.id);
        if (from && goal.status && from !== goal.status)
          content.changes.push({ goal, ownerName: member.name, from, to: goal.status });
      }
    }
    content.changes.sort((a, b) => a.goal.title.localeCompare(b.goal.title));
    content.stale.sort(
      (a, b) => b.goal.missedPeriods - a.goal.missedPeriods || a.goal.title.localeCompare(b.goal.title),
    );
    const session = await openSession(this.deps, db, actor);
    const units = await session.repos.units.list(ws);
    const cycles = (await session.repos.cycles.list(ws)).filter((c) => c.state === 'active');
    const heatmaps = new ComplianceHeatmaps(0);
    for (const unitId of ledUnitIds) {
      const unit = units.find((u) => u.id === unitId);
      if (!unit) continue;
      let done = 0;
      let due = 0;
      for (const cycle of cycles) {
        const weeks = cycleWeeks(session, cycle);
        const last = weeks.findLastIndex((w) => w.end <= session.at);
        if (last < 0) continue;
        const heatmap = await heatmaps.of(session, cycle, unit, units);
        for (const row of heatmap.units) {
          done += row.cells[last]?.done ?? 0;
          due += row.cells[last]?.due ?? 0;
        }
      }
      if (due > 0) content.compliance.push({ unitName: unit.name, done, due, rate: done / due });
    }
    return content;
  }
}
