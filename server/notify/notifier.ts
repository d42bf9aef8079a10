import type { Insertable } from 'kysely';
import type { Logger } from 'pino';
import pino from 'pino';
import { z } from 'zod';
import { groupBy } from '../../core/collections';
import { isValidTimeZone } from '../../core/time';
import type { NotificationsTable } from '../db/schema';
import {
  type BatchContext,
  type BatchItem,
  defineJob,
  type JobDefinition,
  newJob,
  type RetryPolicy,
} from '../jobs/job';
import { scheduledInput } from '../jobs/runner';
import { type ActorScope, isVisible } from '../policies/permissions';
import { repositories } from '../repositories/index';
import type { PersonRow } from '../repositories/person.repository';
import type { UnitRow } from '../repositories/unit.repository';
import { CheckInDueService } from '../services/check-in-due.service';
import type { Actor, ServiceDeps } from '../services/context';
import { cycleWeeks, type GoalWeekCompliance, weekComplianceOfGoals } from '../services/dashboard-insights';
import { loadScopes } from '../services/scope';
import { openSession } from '../services/session';
import { readSettings } from '../services/workspace-settings';
import { SMTP_CONNECTIONS } from './email';
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

/** A message decided at send time, and who it is for. */
interface Prepared {
  message: OutboundMessage;
  recipient: Recipient;
}

/** Most sends one batch job claims (the batch's lease is renewed while it runs). */
export const SEND_BATCH = 200;
/**
 * A send the channel accepted is recorded (its job completed) within this many milliseconds, with
 * the others accepted meanwhile, or at once when this many are waiting: a node killed in that
 * window sends those messages again (their jobs were not completed), never loses one.
 */
const RECORD_WAIT_MS = 25;
const RECORD_GROUP = 50;
/**
 * Most digests one batch job claims: every lead of a large workspace (10,000 people, 1,000 leads)
 * in one batch, whose members' goals are then read and evaluated once.
 */
export const DIGEST_BATCH = 2_000;
/** Batches of sends running at once on one node: one decides while another sends. */
const SEND_BATCHES = 2;
/**
 * Messages of one batch with their channels at once: enough to keep every pooled SMTP connection
 * busy (`SMTP_CONNECTIONS`; nodemailer queues the rest) and a few chat posts in flight.
 */
const SENDS_AT_ONCE = 2 * SMTP_CONNECTIONS;

/** Runs `work` on every item, at most `limit` at once. */
async function atOnce<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

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

  /**
   * The sweep and the two send jobs: `notify.send` (reminders; and digests queued before
   * `notify.digest` existed) and `notify.digest` (the leads' digests, in batches as large as a
   * workspace's leads, so the members they share are read and evaluated once, not once a batch).
   */
  jobs(): JobDefinition[] {
    const sendJob = (id: string, size: number, concurrency: number) =>
      defineJob({
        id,
        version: 1,
        input: sendInput,
        retry: SEND_RETRY,
        // One job alone (a caller running one): a batch of one.
        handler: async (input, context) => {
          let failure: unknown;
          await this.#sendBatch([{ input, job: context.job }], {
            deps: context.deps,
            logger: context.logger,
            complete: async (ids, work) => {
              const held = new Set(ids);
              await context.complete(async (trx) => {
                await work?.(trx, held);
              });
              return held;
            },
            hold: async () => new Set([context.job.id]),
            fail: async (_id, error, work) => {
              // A job alone records its failure on the database, then throws for the runner to retry it.
              await work?.(this.deps.db.kysely as never);
              failure = error;
            },
          });
          if (failure !== undefined) throw failure;
        },
        batch: { size, concurrency, handler: (items, context) => this.#sendBatch(items, context) },
      });
    const send = sendJob('notify.send', SEND_BATCH, SEND_BATCHES);
    const digest = sendJob('notify.digest', DIGEST_BATCH, 1);
    const sweep = defineJob({
      id: 'notify.sweep',
      version: 1,
      input: scheduledInput,
      // A sweep looks at now, not at its slot: after a gap, the newest slot alone does the work.
      schedule: { cron: SWEEP_CRON, catchUp: 'latest' },
      handler: async () => {
        await this.sweep({ send, digest });
      },
    });
    return [sweep, send, digest];
  }

  /**
   * Queues the send jobs of every workspace's current occasion: each active, unpaused person's
   * reminder, and each unit lead's digest, once per chosen channel. Keyed by (kind, person,
   * occasion, channel), so a sweep run again (another node, the next quarter hour, a restart)
   * queues nothing new. Returns how many jobs this sweep queued.
   */
  async sweep(
    definitions: { send: JobDefinition; digest: JobDefinition } = {
      send: this.jobs()[1]!,
      digest: this.jobs()[2]!,
    },
  ): Promise<number> {
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
            const definition = kind === 'reminder' ? definitions.send : definitions.digest;
            rows.push(newJob(this.deps, definition, input, { key: sendKey(input), runAt: now }));
          }
      }
      for (let i = 0; i < rows.length; i += 500) queued += await jobs.insertMany(rows.slice(i, i + 500));
    }
    if (queued > 0) this.#logger.info({ queued }, 'notify: sends queued');
    return queued;
  }

  /**
   * Sends a batch of queued messages, decided at send time: nothing for a deactivated or paused
   * person, for a message already sent, or when nothing is left to say (everything checked in).
   * Reminders are decided together (a few reads for the whole batch: the people, their
   * preferences, the keys already sent, their memberships, and their due lists through
   * `dueOfEach`), digests together too (`#decideDigests`). Up to `SENDS_AT_ONCE` messages are with
   * their channels at once. Each message's outcome is its own job's: a message the channel accepted
   * is recorded `sent` and its job completed within `RECORD_WAIT_MS`, together with the others
   * accepted meanwhile in one transaction (so a node killed mid-batch re-sends at most the messages
   * accepted in those milliseconds); a refused one is recorded `retrying` (or
   * `failed` on its last attempt) and its job alone retried with backoff.
   */
  async #sendBatch(items: readonly BatchItem<SendInput>[], context: BatchContext): Promise<void> {
    const accepted: Insertable<NotificationsTable>[] = [];
    let isFlushing = false;
    let flushing: Promise<void> = Promise.resolve();
    let flushError: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Group commit: what was accepted in the last few milliseconds (`RECORD_WAIT_MS`, or
    // `RECORD_GROUP` sends), and whatever was accepted while the previous transaction ran, goes in
    // one transaction: one commit for many sends instead of one each.
    const flushSoon = () => {
      if (accepted.length >= RECORD_GROUP) flush();
      else timer ??= setTimeout(flush, RECORD_WAIT_MS);
    };
    const flush = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (isFlushing) return;
      isFlushing = true;
      flushing = (async () => {
        try {
          while (accepted.length > 0) {
            const group = accepted.splice(0);
            await context.complete(
              group.map((row) => row.id),
              async (trx, held) => {
                await new NotificationRepository(trx).recordMany(group.filter((row) => held.has(row.id)));
              },
            );
          }
        } catch (error) {
          flushError ??= error;
        } finally {
          isFlushing = false;
        }
      })();
    };
    const deliver = async (item: BatchItem<SendInput>, outcome: Prepared | undefined) => {
      if (!outcome) return;
      const { input, job } = item;
      const channel = this.#channels.get(input.channel);
      if (!channel) {
        await context.fail(job.id, new Error(`the ${input.channel} channel is not set up on this node`));
        return;
      }
      const { message, recipient } = outcome;
      const destinations = await channel.destinations(recipient);
      if (destinations.length === 0) return;
      const now = this.deps.clock.now();
      const row = {
        id: job.id,
        workspaceId: input.workspaceId,
        personId: input.personId,
        kind: message.kind,
        channel: input.channel,
        destination: destinations.join(', '),
        subject: message.subject,
        key: sendKey(input),
        attempts: job.attempt,
        createdAt: now,
        updatedAt: now,
      };
      try {
        for (const destination of destinations) await channel.send(destination, message);
      } catch (error) {
        // Recorded with the job's retry, under its lease: a node that lost the job writes nothing.
        const isLast = job.attempt >= SEND_RETRY.maxAttempts;
        await context.fail(job.id, error, async (trx) => {
          await new NotificationRepository(trx).record({
            ...row,
            state: isLast ? 'failed' : 'retrying',
            error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
            sentAt: null,
          });
        });
        return;
      }
      accepted.push({ ...row, state: 'sent', error: null, sentAt: now });
      flushSoon();
    };
    const reminders = items.filter((i) => i.input.kind === 'reminder');
    const digests = items.filter((i) => i.input.kind === 'digest');
    // Deciding may take long (a digest of the whole company): the lease is renewed before sending,
    // and a send another node took over meanwhile is left to it.
    const decided = await this.#decideReminders(reminders);
    let held = await context.hold();
    await atOnce(
      reminders.filter((i) => held.has(i.job.id)),
      SENDS_AT_ONCE,
      (item) => deliver(item, decided.get(item.job.id)),
    );
    // Digests after reminders (the sweep queues them later, and a batch is claimed in that order).
    const digested = await this.#decideDigests(digests);
    held = await context.hold();
    await atOnce(
      digests.filter((i) => held.has(i.job.id)),
      SENDS_AT_ONCE,
      (item) => deliver(item, digested.get(item.job.id)),
    );
    await flushing;
    flush();
    await flushing;
    if (flushError !== undefined) throw flushError;
  }

  /** Who is still to be sent a message: active, not paused, and that message not sent yet; by job id. */
  async #recipients(
    items: readonly BatchItem<SendInput>[],
  ): Promise<Map<string, { person: PersonRow; recipient: Recipient }>> {
    const db = this.deps.db.kysely;
    const repos = repositories(db, this.deps.db.dialect);
    const notifications = new NotificationRepository(db);
    const now = this.deps.clock.now();
    const out = new Map<string, { person: PersonRow; recipient: Recipient }>();
    for (const [workspaceId, group] of groupBy(items, (i) => i.input.workspaceId)) {
      const ids = [...new Set(group.map((i) => i.input.personId))];
      const [people, preferences, sent, memberships] = await Promise.all([
        repos.people.findMany(workspaceId, ids),
        notifications.preferencesOfMany(ids),
        notifications.sentKeys(group.map((i) => sendKey(i.input))),
        repos.units.membershipsOfMany(ids),
      ]);
      const byId = new Map(people.map((p) => [p.id, p]));
      const unitsOf = groupBy(memberships, (m) => m.personId);
      for (const item of group) {
        const person = byId.get(item.input.personId);
        if (person?.isActive !== true) continue;
        const pausedUntil = preferences.get(person.id)?.pausedUntil;
        if (pausedUntil != null && pausedUntil > now) continue;
        if (sent.has(sendKey(item.input))) continue;
        out.set(item.job.id, {
          person,
          recipient: {
            personId: person.id,
            workspaceId: person.workspaceId,
            name: person.name,
            email: person.email,
            timeZone: person.timeZone,
            unitIds: (unitsOf.get(person.id) ?? []).map((m) => m.unitId),
          },
        });
      }
    }
    return out;
  }

  /** The reminders of a batch that are still to be sent, with their messages; by job id. */
  async #decideReminders(items: readonly BatchItem<SendInput>[]): Promise<Map<string, Prepared>> {
    const out = new Map<string, Prepared>();
    if (items.length === 0) return out;
    const recipients = await this.#recipients(items);
    const dueService = new CheckInDueService(this.deps);
    const now = this.deps.clock.now();
    const pending = items.filter((i) => recipients.has(i.job.id));
    for (const [workspaceId, group] of groupBy(pending, (i) => i.input.workspaceId)) {
      // A reminder shows no status: each person's due list as they see it, without the slices.
      const due = await dueService.dueOfEach(
        workspaceId,
        group.map((i) => i.input.personId),
        now,
      );
      for (const item of group) {
        const open = (due.get(item.input.personId) ?? []).filter((i) => !i.isDone);
        if (open.length === 0) continue;
        const { person, recipient } = recipients.get(item.job.id)!;
        out.set(item.job.id, { message: reminderMessage(person, open, this.options.publicUrl), recipient });
      }
    }
    return out;
  }

  /**
   * The digests of a batch that are still to be sent and have something to say, by job id. The
   * leads' members' goals and check-ins are read and evaluated once for the whole batch (now, and
   * as of each lead's previous occasion: no status history is kept, so the status then is
   * evaluated again from the check-ins made by then), and narrowed to what each lead may see; so
   * is the compliance of the last full week (each goal's share read once, summed per lead).
   */
  async #decideDigests(items: readonly BatchItem<SendInput>[]): Promise<Map<string, Prepared>> {
    const out = new Map<string, Prepared>();
    if (items.length === 0) return out;
    const db = this.deps.db.kysely;
    const repos = repositories(db, this.deps.db.dialect);
    const recipients = await this.#recipients(items);
    const now = this.deps.clock.now();
    const pending = items.filter((i) => recipients.has(i.job.id));
    for (const [workspaceId, group] of groupBy(pending, (i) => i.input.workspaceId)) {
      const workspace = await db
        .selectFrom('workspaces')
        .select('settings')
        .where('id', '=', workspaceId)
        .executeTakeFirstOrThrow();
      const settings = readSettings(workspace.settings, workspaceId, this.deps.logger);
      const leads = [
        ...new Map(group.map((i) => [i.input.personId, recipients.get(i.job.id)!.person])).values(),
      ];
      const [memberships, units, scopes, members] = await Promise.all([
        repos.units.membershipsOfMany(leads.map((l) => l.id)),
        repos.units.list(workspaceId),
        loadScopes(repos, workspaceId, leads),
        // Every active member of the workspace (a digest of the root unit lists them all).
        db
          .selectFrom('unitMembers')
          .innerJoin('people', 'people.id', 'unitMembers.personId')
          .select(['unitMembers.unitId', 'people.id', 'people.name'])
          .where('unitMembers.workspaceId', '=', workspaceId)
          .where('people.isActive', '=', 1)
          .execute(),
      ]);
      const children = groupBy(
        units.filter((u) => u.parentId !== null),
        (u) => u.parentId!,
      );
      const subtree = (roots: readonly string[]) => {
        const seen = new Set(roots);
        const stack = [...roots];
        for (let id = stack.pop(); id !== undefined; id = stack.pop())
          for (const child of children.get(id) ?? [])
            if (!seen.has(child.id)) {
              seen.add(child.id);
              stack.push(child.id);
            }
        return [...seen];
      };
      const ledBy = new Map(
        leads.map((l) => [
          l.id,
          memberships.filter((m) => m.personId === l.id && m.isLead).map((m) => m.unitId),
        ]),
      );
      const unitsBy = new Map(leads.map((l) => [l.id, subtree(ledBy.get(l.id)!)]));
      const allUnits = new Set([...unitsBy.values()].flat());
      const membersOf = groupBy(
        members.filter((m) => allUnits.has(m.unitId)),
        (r) => r.unitId,
      );
      // Status changes are counted since each lead's previous occasion (last week's digest).
      const sinceOf = new Map(
        leads.map((l) => {
          const zone = isValidTimeZone(l.timeZone) ? l.timeZone : settings.timeZone;
          const occasion = latestOccasion(now, settings.checkinDay, settings.checkinHour, zone);
          return [l.id, latestOccasion(occasion.at - 1, settings.checkinDay, settings.checkinHour, zone).at];
        }),
      );
      const instants = [now, ...new Set(sinceOf.values())];
      const due = await new CheckInDueService(this.deps).dueForViewers(
        workspaceId,
        [...new Set([...membersOf.values()].flat().map((r) => r.id))],
        instants,
      );
      const weekShares = await this.#weekShares(workspaceId, leads[0]!.id);
      for (const item of group) {
        const { person, recipient } = recipients.get(item.job.id)!;
        const scope = scopes.get(person.id);
        if (!scope) continue;
        const members = [
          ...new Map(
            unitsBy
              .get(person.id)!
              .flatMap((u) => membersOf.get(u) ?? [])
              .map((m) => [m.id, m]),
          ).values(),
        ];
        const then = due.lists[instants.indexOf(sinceOf.get(person.id)!)]!;
        const content: DigestContent = { stale: [], atRisk: [], changes: [], compliance: [] };
        for (const member of members) {
          const statusThen = new Map(due.view(scope, then.get(member.id) ?? []).map((g) => [g.id, g.status]));
          for (const goal of due.view(scope, due.lists[0]!.get(member.id) ?? [])) {
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
        content.compliance = this.#compliance(scope, ledBy.get(person.id)!, units, subtree, weekShares);
        if (
          content.stale.length +
            content.atRisk.length +
            content.changes.length +
            content.compliance.length ===
          0
        )
          continue;
        out.set(item.job.id, { message: digestMessage(person, content, this.options.publicUrl), recipient });
      }
    }
    return out;
  }

  /**
   * Each active cycle's goals with their share of the last full week's check-in compliance (the
   * dashboard heatmap's last ended column), by unit: read once for all the leads of a batch.
   */
  async #weekShares(workspaceId: string, personId: string): Promise<Map<string, GoalWeekCompliance[]>> {
    const session = await openSession(this.deps, this.deps.db.kysely, actorFor(workspaceId, personId));
    const cycles = (await session.repos.cycles.list(workspaceId)).filter((c) => c.state === 'active');
    const shares: GoalWeekCompliance[] = [];
    for (const cycle of cycles) {
      const last = cycleWeeks(session, cycle).findLast((w) => w.end <= session.at);
      if (last) shares.push(...(await weekComplianceOfGoals(session, cycle, last)));
    }
    return groupBy(shares, (s) => s.unitId);
  }

  /** The check-in compliance of each led unit over the last full week (the dashboard's heatmap), as the lead sees it. */
  #compliance(
    scope: ActorScope,
    ledUnitIds: readonly string[],
    units: readonly UnitRow[],
    subtree: (roots: readonly string[]) => string[],
    shares: ReadonlyMap<string, readonly GoalWeekCompliance[]>,
  ): DigestContent['compliance'] {
    const out: DigestContent['compliance'] = [];
    for (const unitId of ledUnitIds) {
      const unit = units.find((u) => u.id === unitId);
      if (!unit) continue;
      let done = 0;
      let due = 0;
      for (const id of subtree([unitId]))
        for (const share of shares.get(id) ?? [])
          if (isVisible(scope, share.subject)) {
            done += share.done;
            due += share.due;
          }
      if (due > 0) out.push({ unitName: unit.name, done, due, rate: done / due });
    }
    return out;
  }
}
