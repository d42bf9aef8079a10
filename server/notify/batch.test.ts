import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobRunner } from '../jobs/runner';
import { FixedClock, serviceDeps } from '../services/context';
import { createServices } from '../services/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, sequentialIds } from '../test/scenario';
import { type EmailFixture, startEmailChannels } from '../test/smtp-receiver';
import type { Channel } from './message';
import { NotificationRepository } from './notification.repository';
import { Notifier } from './notifier';

/**
 * The batch path of the send job (decision 0015): the sweep queues one job per reminder, a runner
 * claims them together and decides them together at send time. Between the sweep and the batch
 * one person checks in, one pauses, one is deactivated, and one's address is refused by the SMTP
 * server (a real one on loopback): only the others are sent, the refused one is recorded and its
 * job alone retried with backoff, then sent. And a node that stops mid-batch (one message never
 * answered): the other node takes over that job alone when its lease ends, and nobody gets two.
 */

const PUBLIC = 'https://tandem.example.com';
const SETUP = Date.UTC(2026, 9, 7, 12); // a Wednesday in the cycle
const OCCASION = Date.UTC(2026, 9, 12, 9, 5); // Monday 9:05 UTC, the workspace's check-in hour
const NAMES = ['ana', 'ben', 'chi', 'dee', 'eve', 'fay'] as const;

describeEachDialect('reminders sent in batches', (dialect) => {
  let test: TestDatabase;
  let email: EmailFixture;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    email = await startEmailChannels(PUBLIC);
  });
  afterAll(async () => {
    await email?.close();
    await test?.dispose();
  });

  /** A workspace of six people in UTC, each owning one KR due weekly; the clock at setup. */
  const setUp = async (name: string) => {
    const clock = new FixedClock(SETUP);
    const s = createServices(serviceDeps(test.db, clock, sequentialIds(`${name}-`)));
    const { workspace, adminId } = await s.workspaces.create({
      name,
      admin: { email: `admin@${name}.test`, name: 'Admin Person' },
    });
    const admin = actorFor(workspace.id, adminId);
    await s.workspaces.updateSettings(admin, {
      version: workspace.version,
      settings: { checkinDay: 1, checkinHour: 9, timeZone: 'UTC', notificationChannels: ['email'] },
    });
    const cycle = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const objective = await s.objectives.create(admin, { cycleId: cycle.id, title: 'Ship the batch path' });
    const people: Record<string, string> = {};
    const goals: Record<string, string> = {};
    for (const who of NAMES) {
      people[who] = (
        await s.people.add(admin, {
          email: `${who}@${name}.test`,
          name: `${who[0]!.toUpperCase()}${who.slice(1)} Doe`,
          role: 'member',
          timeZone: 'UTC',
        })
      ).id;
      goals[who] = (
        await s.keyResults.create(admin, {
          objectiveId: objective.id,
          title: `${who}'s goal`,
          measure: { type: 'increase', start: 0, target: 100 },
          ownerId: people[who],
        })
      ).id;
    }
    return { clock, s, admin, workspaceId: workspace.id, people, goals };
  };

  const runner = (
    clock: FixedClock,
    node: string,
    nodeChannels: Channel[] = email.channels,
    leaseMs?: number,
  ) => {
    const deps = serviceDeps(test.db, clock, sequentialIds(`${node}-`));
    const notifier = new Notifier(deps, { channels: nodeChannels, publicUrl: PUBLIC });
    return {
      notifier,
      runner: new JobRunner(deps, notifier.jobs(), {
        node,
        newId: sequentialIds(node),
        ...(leaseMs ? { leaseMs } : {}),
      }),
    };
  };

  const sendJobs = (workspaceId: string) =>
    test.db.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('name', 'in', ['notify.send', 'notify.digest'])
      .where('input', 'like', `%${workspaceId}%`)
      .execute();

  it('decides a batch at send time: checked in, paused, deactivated meanwhile get nothing; a refused recipient is retried alone', async () => {
    const { clock, s, admin, workspaceId, people, goals } = await setUp('batch');
    clock.set(OCCASION);
    const { notifier, runner: one } = runner(clock, 'one');
    // The six and the admin (who owns nothing: nothing is sent to them).
    expect(await notifier.sweep()).toBe(NAMES.length + 1);
    // After the sweep queued them, before they are sent:
    await s.checkIns.checkIn(actorFor(workspaceId, people.chi!), {
      goalType: 'key_result',
      goalId: goals.chi!,
      value: 10,
    });
    await new NotificationRepository(test.db.kysely).savePreferences({
      personId: people.dee!,
      workspaceId,
      channels: null,
      pausedUntil: OCCASION + 7 * 86_400_000,
      updatedAt: OCCASION,
    });
    await s.people.deactivate(admin, people.fay!);
    email.smtp.refuseRecipients(['eve@batch.test']);
    const seen = email.smtp.mails.length;
    await one.drain();

    const to = () => email.smtp.mails.slice(seen).map((m) => m.to);
    expect(to().sort()).toEqual(['ana@batch.test', 'ben@batch.test']);
    // One claim took all seven: one lease, one start.
    const jobs = await sendJobs(workspaceId);
    expect(new Set(jobs.map((j) => Number(j.startedAt))).size).toBe(1);
    const byPerson = new Map(jobs.map((j) => [JSON.parse(j.input).personId as string, j]));
    for (const who of ['ana', 'ben', 'chi', 'dee', 'fay'])
      expect(byPerson.get(people[who]!)!.state, who).toBe('succeeded');
    // Eve's refusal: recorded, her job alone retried after 30 s.
    const eve = byPerson.get(people.eve!)!;
    expect(eve.state).toBe('queued');
    expect(Number(eve.runAt)).toBe(OCCASION + 30_000);
    const log = await test.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .execute();
    const logOf = (who: string) => log.filter((r) => r.personId === people[who]);
    expect(logOf('ana').map((r) => r.state)).toEqual(['sent']);
    expect(logOf('eve').map((r) => [r.state, r.attempts])).toEqual([['retrying', 1]]);
    expect(logOf('eve')[0]!.error).toMatch(/busy/);
    for (const who of ['chi', 'dee', 'fay']) expect(logOf(who), who).toEqual([]);

    // The mailbox takes mail again; at the retry Eve's reminder goes, and nothing else again.
    email.smtp.refuseRecipients([]);
    clock.set(OCCASION + 30_000);
    expect(await notifier.sweep()).toBe(0);
    await one.drain();
    expect(to().sort()).toEqual(['ana@batch.test', 'ben@batch.test', 'eve@batch.test']);
    const eveRow = await test.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('personId', '=', people.eve!)
      .execute();
    expect(eveRow.map((r) => [r.state, r.attempts, r.error])).toEqual([['sent', 2, null]]);
    const reminder = email.smtp.mails.slice(seen).find((m) => m.to === 'ana@batch.test')!;
    expect(reminder.subject).toBe('Check-in: 1 goal to update this week');
    expect(reminder.text).toContain("ana's goal");
    expect(reminder.html).toContain(`href="${PUBLIC}/key-results/${goals.ana}"`);
  });

  it('a node stopped mid-batch: the other takes over the unanswered message alone when the lease ends; none twice', async () => {
    const { clock, workspaceId, people } = await setUp('halt');
    clock.set(OCCASION);
    // The first node's email never hears back about Ben's message (the node hangs, then is gone).
    const emailChannel = email.channels.find((c) => c.id === 'email')!;
    let hang: (error: Error) => void = () => {};
    const stuck: Channel = {
      ...emailChannel,
      send: (destination, message) =>
        destination === 'ben@halt.test'
          ? new Promise<void>((_resolve, reject) => {
              hang = reject;
            })
          : emailChannel.send(destination, message),
    };
    const { notifier, runner: one } = runner(clock, 'halt-one', [stuck]);
    // The six and the admin (who owns nothing: nothing is sent to them).
    expect(await notifier.sweep()).toBe(NAMES.length + 1);
    const seen = email.smtp.mails.length;
    const draining = one.drain();
    const to = () => email.smtp.mails.slice(seen).map((m) => m.to);
    const until = Date.now() + 20_000;
    while (to().length < NAMES.length - 1 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(to()).not.toContain('ben@halt.test');
    expect(to()).toHaveLength(NAMES.length - 1);
    // The accepted ones are recorded as they are accepted, not at the end of the batch.
    const until2 = Date.now() + 10_000;
    const sentRows = () =>
      test.db.kysely
        .selectFrom('notifications')
        .select('personId')
        .where('workspaceId', '=', workspaceId)
        .where('state', '=', 'sent')
        .execute();
    while ((await sentRows()).length < NAMES.length - 1 && Date.now() < until2)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await sentRows()).toHaveLength(NAMES.length - 1);

    // The lease (60 s) ends; the second node takes over Ben's job alone and sends it.
    clock.set(OCCASION + 61_000);
    const { runner: two } = runner(clock, 'halt-two');
    await two.drain();
    expect(to().sort()).toEqual(NAMES.map((n) => `${n}@halt.test`).sort());
    const ben = (await sendJobs(workspaceId)).find((j) => JSON.parse(j.input).personId === people.ben)!;
    expect(ben.state).toBe('succeeded');
    const runs = await test.db.kysely.selectFrom('jobRuns').selectAll().where('jobId', '=', ben.id).execute();
    expect(runs.map((r) => [r.node, r.outcome]).sort()).toEqual([
      ['halt-one', 'lost'],
      ['halt-two', 'succeeded'],
    ]);
    // The first node's send fails at last: its lease is gone, so it records nothing over the sent row.
    hang(new Error('connection reset'));
    await one.stop();
    await draining;
    const log = await test.db.kysely
      .selectFrom('notifications')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .execute();
    expect(log).toHaveLength(NAMES.length);
    expect(log.every((r) => r.state === 'sent')).toBe(true);
    expect(email.smtp.mails.slice(seen)).toHaveLength(NAMES.length);
  });
});
