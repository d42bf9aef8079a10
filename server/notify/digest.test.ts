import { afterAll, beforeAll, expect, it } from 'vitest';
import { JobRunner } from '../jobs/runner';
import { FixedClock, serviceDeps } from '../services/context';
import { createServices } from '../services/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, sequentialIds } from '../test/scenario';
import { type EmailFixture, startEmailChannels } from '../test/smtp-receiver';
import { Notifier } from './notifier';

/**
 * SPEC 6's weekly digest lists status changes. No status history is stored: the digest evaluates
 * each goal again as of the lead's previous occasion (the check-ins made by then) and lists those
 * whose status differs now, from -> to, with a link. A real SMTP server on loopback, both databases.
 */

const PUBLIC = 'https://tandem.example.com';

describeEachDialect('the weekly digest lists status changes since the last digest', (dialect) => {
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

  it('on track one week, off track the next: the digest says so once, with a link', {
    timeout: 120_000,
  }, async () => {
    const clock = new FixedClock(Date.UTC(2026, 8, 30, 12));
    const s = createServices(serviceDeps(test.db, clock, sequentialIds('d')));
    const { workspace, adminId } = await s.workspaces.create({
      name: 'Changes',
      admin: { email: 'admin@changes.test', name: 'Admin Person' },
    });
    const admin = actorFor(workspace.id, adminId);
    await s.workspaces.updateSettings(admin, {
      version: workspace.version,
      settings: { checkinDay: 1, checkinHour: 9, notificationChannels: ['email'], timeZone: 'UTC' },
    });
    const team = await s.units.create(admin, { name: 'Payments' });
    const lead = await s.people.add(admin, {
      email: 'lead@changes.test',
      name: 'Lea Lead',
      role: 'member',
      timeZone: 'UTC',
    });
    const ana = await s.people.add(admin, {
      email: 'ana@changes.test',
      name: 'Ana Doe',
      role: 'member',
      timeZone: 'UTC',
    });
    await s.units.setMember(admin, team.id, { personId: lead.id, isLead: true });
    await s.units.setMember(admin, team.id, { personId: ana.id });
    const cycle = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const objective = await s.objectives.create(admin, {
      cycleId: cycle.id,
      title: 'Faster payouts',
      unitId: team.id,
    });
    const kr = await s.keyResults.create(admin, {
      objectiveId: objective.id,
      title: 'Pay out 100 merchants same day',
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: ana.id,
    });
    const steady = await s.keyResults.create(admin, {
      objectiveId: objective.id,
      title: 'Keep 100 payout checks green',
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: ana.id,
    });
    const deps = serviceDeps(test.db, clock, sequentialIds('n'));
    const runner = new JobRunner(
      deps,
      new Notifier(deps, { channels: email.channels, publicUrl: PUBLIC }).jobs(),
      {
        newId: sequentialIds('j'),
      },
    );
    const checkIn = (goalId: string, value: number) =>
      s.checkIns.checkIn(actorFor(workspace.id, ana.id), { goalType: 'key_result', goalId, value });
    const digestOn = async (at: number) => {
      clock.set(at);
      const before = email.smtp.mails.length;
      await runner.drain();
      return email.smtp.mails
        .slice(before)
        .find((m) => m.to === 'lead@changes.test' && m.subject.startsWith('Weekly digest'));
    };

    // Week one: both well ahead of the line.
    clock.set(Date.UTC(2026, 9, 6, 10));
    await checkIn(kr.id, 40);
    await checkIn(steady.id, 40);
    const first = await digestOn(Date.UTC(2026, 9, 12, 9, 15));
    // Week two: one falls far behind; the other stays ahead.
    clock.set(Date.UTC(2026, 9, 13, 10));
    await checkIn(kr.id, 1);
    await checkIn(steady.id, 45);
    const second = await digestOn(Date.UTC(2026, 9, 19, 9, 15));
    // Week three: nothing new; no change to report.
    const third = await digestOn(Date.UTC(2026, 9, 26, 9, 15));

    const changes = (text: string | undefined) => {
      const start = text?.indexOf('Status changes this week') ?? -1;
      return start < 0 ? '' : text!.slice(start, text!.indexOf('\n\n', start) >>> 0);
    };
    // Nothing had a status a week before the first Monday: no change to report (nor a digest).
    expect(changes(first?.text)).toBe('');
    expect(second).toBeDefined();
    const section = changes(second!.text);
    expect(section).toContain('Pay out 100 merchants same day');
    expect(section).toMatch(/owner Ana Doe · on track → (off track|at risk)/);
    expect(section).not.toContain('Keep 100 payout checks green');
    expect(second!.html).toContain(`href="${PUBLIC}/key-results/${kr.id}"`);
    expect(third?.text).toContain('At risk or off track');
    expect(changes(third?.text)).toBe('');
  });
});
