import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/database';
import { maintenanceJobs } from '../jobs/maintenance';
import { JobRunner } from '../jobs/runner';
import { FixedClock, serviceDeps } from '../services/context';
import { createServices } from '../services/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, sequentialIds } from '../test/scenario';
import { type EmailFixture, startEmailChannels } from '../test/smtp-receiver';
import { NotificationRepository } from './notification.repository';
import { Notifier } from './notifier';

/**
 * SPEC 6 over eight simulated weeks, on each database, with a real SMTP server on loopback: a
 * workspace whose people live in New York, Berlin and Tokyo (Monday 9:00 each, across both DST
 * changes). Two nodes (two runners; on PostgreSQL two connection pools) sweep and send every
 * simulated hour, and one is replaced by a fresh runner mid-way (a restart). Every due reminder
 * arrives exactly once, nobody who checked in is reminded, a paused or deactivated person is not,
 * and the lead's digest lists the goal left alone from week three.
 */

const HOUR = 3_600_000;
const START = Date.UTC(2026, 8, 30, 12); // Wednesday, before the cycle (Oct 1) begins
const END = Date.UTC(2026, 10, 29, 12); // Sunday after the eighth Monday (Nov 23)
const PUBLIC = 'https://tandem.example.com';
const MONDAYS = [
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
  '2026-11-02',
  '2026-11-09',
  '2026-11-16',
  '2026-11-23',
];

describeEachDialect('reminders and digests over eight weeks', (dialect) => {
  let test: TestDatabase;
  let secondNode: Db;
  let email: EmailFixture;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    secondNode = dialect === 'postgres' ? openDatabase(test.location) : test.db;
    email = await startEmailChannels(PUBLIC);
  });
  afterAll(async () => {
    await email?.close();
    if (secondNode !== test.db) await secondNode.close();
    await test?.dispose();
  });

  it('sends every due reminder once, none after a check-in, none to paused or deactivated people; escalates in week three', {
    timeout: 480_000,
  }, async () => {
    const clock = new FixedClock(START);
    const s = createServices(serviceDeps(test.db, clock, sequentialIds('r')));
    const { workspace, adminId } = await s.workspaces.create({
      name: 'Spread',
      admin: { email: 'admin@spread.test', name: 'Admin Person' },
    });
    const admin = actorFor(workspace.id, adminId);
    await s.workspaces.updateSettings(admin, {
      version: workspace.version,
      settings: { checkinDay: 1, checkinHour: 9, notificationChannels: ['email'] },
    });
    const team = await s.units.create(admin, { name: 'Platform' });
    const add = async (name: string, timeZone: string) =>
      (
        await s.people.add(admin, {
          email: `${name}@spread.test`,
          name: `${name[0]!.toUpperCase()}${name.slice(1)} Doe`,
          role: 'member',
          timeZone,
        })
      ).id;
    const people = {
      lead: await add('lead', 'Europe/Berlin'),
      ana: await add('ana', 'America/New_York'),
      ben: await add('ben', 'Europe/Berlin'),
      chi: await add('chi', 'Asia/Tokyo'),
      dee: await add('dee', 'Europe/Berlin'),
      fay: await add('fay', 'America/New_York'),
    };
    await s.units.setMember(admin, team.id, { personId: people.lead, isLead: true });
    for (const id of [people.ana, people.ben, people.chi, people.dee, people.fay])
      await s.units.setMember(admin, team.id, { personId: id });
    const cycle = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const objective = await s.objectives.create(admin, {
      cycleId: cycle.id,
      title: 'Run <a reliable> platform',
      unitId: team.id,
    });
    const kr = async (owner: string, title: string) =>
      (
        await s.keyResults.create(admin, {
          objectiveId: objective.id,
          title,
          measure: { type: 'increase', start: 0, target: 100 },
          ownerId: owner,
        })
      ).id;
    const goals = {
      ana: await kr(people.ana, 'Raise uptime checks to 100'),
      ben: await kr(people.ben, 'Automate 100 runbooks'),
      dee: await kr(people.dee, 'Migrate 100 services'),
      fay: await kr(people.fay, 'Close 100 incidents'),
      chi: (
        await s.smartGoals.create(actorFor(workspace.id, people.chi), {
          cycleId: cycle.id,
          title: 'Write the on-call guide',
          measure: { type: 'increase', start: 0, target: 10 },
          startDate: '2026-10-01',
          dueDate: '2026-12-20',
        })
      ).id,
    };
    // Dee is away for the whole simulation.
    await new NotificationRepository(test.db.kysely).savePreferences({
      personId: people.dee,
      workspaceId: workspace.id,
      channels: null,
      pausedUntil: Date.UTC(2026, 11, 15),
      updatedAt: START,
    });

    const node = (db: Db, name: string) => {
      const deps = serviceDeps(db, clock, sequentialIds(`${name}-`));
      return new JobRunner(
        deps,
        [...maintenanceJobs, ...new Notifier(deps, { channels: email.channels, publicUrl: PUBLIC }).jobs()],
        {
          node: name,
          newId: sequentialIds(name),
        },
      );
    };
    let one = node(test.db, 'one');
    const two = node(secondNode, 'two');
    let seen = 0;
    const receivedAt = new Map<object, number>();
    let value = 0;
    // Hourly around the Monday occasions (Sunday noon UTC to Monday 14:00 UTC), six-hourly otherwise.
    const step = (at: number) => ([0, 1].includes(new Date(at).getUTCDay()) ? HOUR : 6 * HOUR);
    for (let at = START; at <= END; at += step(at)) {
      clock.set(at);
      if (at === Date.UTC(2026, 9, 21, 12)) one = node(test.db, 'one-restarted');
      if (at === Date.UTC(2026, 9, 28, 12)) await s.people.deactivate(admin, people.fay);
      // Chi checks in every Sunday at noon UTC, before her Monday 9:00 in Tokyo.
      if (new Date(at).getUTCDay() === 0 && new Date(at).getUTCHours() === 12 && at > Date.UTC(2026, 9, 1))
        await s.checkIns.checkIn(actorFor(workspace.id, people.chi), {
          goalType: 'smart_goal',
          goalId: goals.chi,
          value: ++value % 10,
        });
      await Promise.all([one.drain(), two.drain()]);
      // Ana checks in as soon as her reminder arrives.
      for (const mail of email.smtp.mails.slice(seen))
        if (mail.to === 'ana@spread.test' && mail.subject.startsWith('Check-in'))
          await s.checkIns.checkIn(actorFor(workspace.id, people.ana), {
            goalType: 'key_result',
            goalId: goals.ana,
            value: ++value,
          });
      for (let i = seen; i < email.smtp.mails.length; i++) receivedAt.set(email.smtp.mails[i]!, at);
      seen = email.smtp.mails.length;
    }

    const reminders = (to: string) =>
      email.smtp.mails.filter((m) => m.to === to && m.subject.startsWith('Check-in'));
    const dates = (to: string) => reminders(to).map((m) => receivedAt.get(m)!);
    // Ana and Ben: one reminder each Monday at 9:00 their time (within the hour), never two.
    for (const [who, zoneOffset] of [
      ['ana', (d: string) => (d < '2026-11-02' ? 4 : 5)],
      ['ben', (d: string) => (d < '2026-10-26' ? 2 : 1)],
    ] as const) {
      const got = dates(`${who}@spread.test`);
      expect(got).toHaveLength(8);
      MONDAYS.forEach((monday, i) => {
        const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
        const due =
          Date.UTC(y, m - 1, d, 9) + (who === 'ana' ? zoneOffset(monday) : -zoneOffset(monday)) * HOUR;
        expect(got[i]! - due, `${who} on ${monday}`).toBeGreaterThanOrEqual(0);
        expect(got[i]! - due, `${who} on ${monday}`).toBeLessThan(HOUR + 1000);
      });
    }
    // Chi checked in before every Monday; Dee is paused; the lead owns nothing to check in on.
    expect(reminders('chi@spread.test')).toHaveLength(0);
    expect(reminders('dee@spread.test')).toHaveLength(0);
    expect(reminders('lead@spread.test')).toHaveLength(0);
    // Fay was deactivated on Wednesday of week four: her four reminders, then nothing.
    expect(reminders('fay@spread.test')).toHaveLength(4);

    // A reminder lists the due goals with their last value and links to the check-in screen.
    const first = reminders('ben@spread.test')[1]!;
    expect(first.subject).toBe('Check-in: 1 goal to update this week');
    expect(first.text).toContain('Automate 100 runbooks');
    expect(first.text).toContain('no check-in yet');
    expect(first.text).toContain(`${PUBLIC}/check-in`);
    expect(first.html).toContain(`href="${PUBLIC}/check-in"`);
    expect(first.html).toContain(`href="${PUBLIC}/key-results/${goals.ben}"`);
    // The objective title is escaped in HTML, verbatim in text.
    expect(first.html).toContain('Run &lt;a reliable&gt; platform');
    expect(first.text).toContain('Run <a reliable> platform');
    const anas = reminders('ana@spread.test')[3]!;
    expect(anas.text).toMatch(/last: \d+ on 2026-10-19/);

    // The lead's weekly digest: eight, and the goals left alone (Ben's, and paused Dee's) from week three.
    const digests = email.smtp.mails.filter(
      (m) => m.to === 'lead@spread.test' && m.subject.startsWith('Weekly digest'),
    );
    expect(digests).toHaveLength(8);
    const staleIn = digests.map((m) => {
      const start = m.text.indexOf('Not checked in for two periods');
      return start < 0 ? '' : m.text.slice(start, m.text.indexOf('\n\n', start));
    });
    expect(staleIn[0]).toBe('');
    expect(staleIn[1]).toBe('');
    for (const text of staleIn.slice(2)) {
      expect(text).toContain('Automate 100 runbooks');
      expect(text).toContain('owner Ben Doe');
      expect(text).not.toContain('Raise uptime checks');
      expect(text).not.toContain('Write the on-call guide');
    }
    expect(digests[2]!.subject).toMatch(/not checked in for two weeks/);
    expect(digests[2]!.text).toContain('Check-in compliance last week');

    // The log holds each send once, all sent.
    const log = await test.db.kysely.selectFrom('notifications').selectAll().execute();
    expect(log).toHaveLength(email.smtp.mails.length);
    expect(new Set(log.map((r) => r.key)).size).toBe(log.length);
    expect(log.every((r) => r.state === 'sent')).toBe(true);
  });
});
