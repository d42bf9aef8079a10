import { afterAll, beforeAll, expect, it } from 'vitest';
import { groupBy } from '../../core/collections';
import type { Status } from '../../core/status';
import { type GeneratedOrg, generateOrganisation, ORG_SIZES } from '../demo/large';
import { JobRunner } from '../jobs/runner';
import type { DueGoal } from '../services/check-in-due.service';
import { FixedClock, serviceDeps } from '../services/context';
import { cycleWeeks } from '../services/dashboard-insights';
import { createServices } from '../services/index';
import { openSession } from '../services/session';
import { readSettings } from '../services/workspace-settings';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { actorFor, sequentialIds } from '../test/scenario';
import { type EmailFixture, startEmailChannels } from '../test/smtp-receiver';
import { Notifier } from './notifier';
import { latestOccasion } from './occasion';

/**
 * The leads' digests and the due lists take shortcuts (each goal's share of last week's compliance
 * read once and summed per lead; a due goal's status evaluated by core from the check-ins the list
 * read): on a generated organisation, on each database, they must give the numbers the ordinary
 * reads give. A digest's "Check-in compliance last week" line of a unit is the sum of the rows of
 * that unit page's heatmap (as the lead sees it) at the last ended week, over the active cycles;
 * a due item's status is the single-goal read's status with the clock at the list's instant.
 */

const PUBLIC = 'https://tandem.example.com';
const WEEK = 7 * 86_400_000;
/** A Monday mid-quarter, an hour before the check-in occasion (9:00): the demo's check-ins run up to it. */
const GENERATED_AT = Date.UTC(2026, 10, 9, 8);

/** The compliance lines of a digest's text, by unit name: `done/due`, and the shown percentage. */
function complianceLines(text: string): Record<string, string> {
  const start = text.indexOf('Check-in compliance last week');
  if (start < 0) return {};
  const section = text.slice(start).split('\n\n')[0]!;
  const out: Record<string, string> = {};
  for (const match of section.matchAll(/^- (.+)\n {2}(\d+)% \((\d+) of (\d+) check-ins\)$/gm)) {
    const [, name, percent, done, due] = match;
    expect(Number(percent), `${name}: ${done} of ${due} shown as ${percent}%`).toBe(
      Math.round((Number(done) / Number(due)) * 100),
    );
    out[name!] = `${done}/${due}`;
  }
  // Every item of the section was read (none in another shape).
  expect(Object.keys(out).length).toBe((section.match(/^- /gm) ?? []).length);
  return out;
}

/**
 * A second active cycle beside the generated one, through the services: it begins on a Monday, so
 * its weekly periods are the heatmap's weeks and a period left without a check-in counts as due
 * (the generated cycle's periods start on Thursdays, so last week only counts what was checked in).
 * In four units: a weekly KR of a member, a biweekly KR of the lead, and a member's weekly SMART
 * goal (private or unit-visible), each checked in on some weeks and not others.
 */
async function addAutumnPush(test: TestDatabase, org: GeneratedOrg) {
  const clock = new FixedClock(Date.UTC(2026, 9, 12, 10));
  const s = createServices(serviceDeps(test.db, clock, sequentialIds('x')));
  const ws = org.workspaceId;
  const admin = actorFor(ws, org.adminId);
  const cycle = await s.cycles.create(admin, {
    name: 'Autumn push',
    kind: 'custom',
    startDate: '2026-10-12',
    endDate: '2026-12-20',
    state: 'active',
  });
  const checkIns: {
    at: number;
    actor: ReturnType<typeof actorFor>;
    goalType: 'key_result' | 'smart_goal';
    goalId: string;
  }[] = [];
  for (const [n, index] of [0, 1, 3, 5].entries()) {
    const unitId = org.unitIds[index]!;
    const [leadId, memberId] = org.peopleByUnit.get(unitId)!;
    const member = actorFor(ws, memberId!);
    const objective = await s.objectives.create(admin, {
      cycleId: cycle.id,
      title: `Autumn push ${n}`,
      unitId,
      kind: n % 2 === 0 ? 'committed' : 'aspirational',
      visibility: n === 3 ? 'unit' : 'workspace',
    });
    const weekly = await s.keyResults.create(admin, {
      objectiveId: objective.id,
      title: `Ship ${n} weekly`,
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: memberId!,
      cadence: 'weekly',
    });
    const biweekly = await s.keyResults.create(admin, {
      objectiveId: objective.id,
      title: `Review ${n} biweekly`,
      measure: { type: 'increase', start: 0, target: 20 },
      ownerId: leadId!,
      cadence: 'biweekly',
    });
    const goal = await s.smartGoals.create(member, {
      cycleId: cycle.id,
      title: `Write up ${n}`,
      measure: { type: 'increase', start: 0, target: 10 },
      startDate: '2026-10-14',
      dueDate: '2026-12-10',
      visibility: n % 2 === 0 ? 'private' : 'unit',
      cadence: 'weekly',
    });
    const goals = [
      { actor: member, goalType: 'key_result' as const, goalId: weekly.id },
      { actor: actorFor(ws, leadId!), goalType: 'key_result' as const, goalId: biweekly.id },
      { actor: member, goalType: 'smart_goal' as const, goalId: goal.id },
    ];
    // Four weeks (Oct 12 to Nov 9): each goal checked in on some, a different day of the week each.
    for (const [g, target] of goals.entries())
      for (let week = 0; week < 4; week++)
        if ((week + g + n) % 3 !== 0)
          checkIns.push({ ...target, at: Date.UTC(2026, 9, 13 + 7 * week + ((g + n) % 4), 11) });
  }
  checkIns.sort((a, b) => a.at - b.at);
  const counts = new Map<string, number>();
  for (const { at, actor, goalType, goalId } of checkIns) {
    clock.set(at);
    const n = (counts.get(goalId) ?? 0) + 1;
    counts.set(goalId, n);
    await s.checkIns.checkIn(actor, { goalType, goalId, value: n * (goalType === 'smart_goal' ? 1 : 6) });
  }
}

describeEachDialect('digests and due lists agree with the ordinary reads', (dialect) => {
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

  it('a generated organisation: each digest compliance line is its unit pages’ heatmap sum, each due status the single read’s', {
    timeout: 120_000,
  }, async () => {
    const db = test.db.kysely;
    const org = await generateOrganisation(test.db, { size: ORG_SIZES.tiny, at: GENERATED_AT });
    const ws = org.workspaceId;
    // Email on (as bench/reminders.ts switches it), the clock at the next check-in occasion.
    const workspace = await db
      .selectFrom('workspaces')
      .select('settings')
      .where('id', '=', ws)
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(workspace.settings) as Record<string, unknown>;
    await db
      .updateTable('workspaces')
      .set({ settings: JSON.stringify({ ...stored, notificationChannels: ['email'] }) })
      .where('id', '=', ws)
      .execute();
    const settings = readSettings(JSON.stringify(stored), ws);
    await addAutumnPush(test, org);
    const now = latestOccasion(
      GENERATED_AT + WEEK,
      settings.checkinDay,
      settings.checkinHour,
      settings.timeZone,
    ).at;
    expect(now).toBeGreaterThan(GENERATED_AT);
    const deps = serviceDeps(test.db, new FixedClock(now), sequentialIds('n'));
    const runner = new JobRunner(
      deps,
      new Notifier(deps, { channels: email.channels, publicUrl: PUBLIC }).jobs(),
      {
        newId: sequentialIds('j'),
      },
    );
    await runner.drain();

    const people = await db
      .selectFrom('people')
      .select(['id', 'email'])
      .where('workspaceId', '=', ws)
      .orderBy('id')
      .execute();
    const emailOf = new Map(people.map((p) => [p.id, p.email]));
    const digests = email.smtp.mails.filter((m) => m.subject.startsWith('Weekly digest'));
    expect(digests.length).toBeGreaterThan(0);
    const digestTo = new Map(digests.map((m) => [m.to, m]));
    expect(digestTo.size).toBe(digests.length);

    // (a) Each lead's compliance lines against the heatmaps of the unit pages, as the lead sees them.
    const reads = createServices(serviceDeps(test.db, new FixedClock(now), sequentialIds('r')));
    const leads = await db
      .selectFrom('unitMembers')
      .select(['personId', 'unitId'])
      .where('workspaceId', '=', ws)
      .where('isLead', '=', 1)
      .execute();
    const units = await db.selectFrom('units').select(['id', 'name']).where('workspaceId', '=', ws).execute();
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    expect(new Set(nameOf.values()).size).toBe(units.length);
    const cycles = await db
      .selectFrom('cycles')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('state', '=', 'active')
      .execute();
    expect(cycles.length).toBeGreaterThan(0);
    const expected: Record<string, Record<string, string>> = {};
    const actual: Record<string, Record<string, string>> = {};
    let linesWithDue = 0;
    /** What each active cycle counted as due last week, over the leads' units. */
    const dueOfCycle = new Map(cycles.map((c) => [c.id, 0]));
    for (const [leadId, led] of groupBy(leads, (l) => l.personId)) {
      const email = emailOf.get(leadId)!;
      const actor = actorFor(ws, leadId);
      const session = await openSession(deps, db, actor);
      const lines: Record<string, string> = {};
      for (const { unitId } of led) {
        let done = 0;
        let due = 0;
        for (const cycle of cycles) {
          const weeks = cycleWeeks(session, cycle);
          const last = weeks.findLastIndex((w) => w.end <= now);
          if (last < 0) continue;
          const page = await reads.reads.unitPage(actor, cycle.id, unitId);
          expect(page.compliance.weeks.length).toBe(weeks.length);
          for (const row of page.compliance.units) {
            done += row.cells[last]?.done ?? 0;
            due += row.cells[last]?.due ?? 0;
            dueOfCycle.set(cycle.id, dueOfCycle.get(cycle.id)! + (row.cells[last]?.due ?? 0));
          }
        }
        // A unit with nothing due last week has no line.
        if (due > 0) lines[nameOf.get(unitId)!] = `${done}/${due}`;
      }
      expected[email] = lines;
      const mail = digestTo.get(email);
      actual[email] = mail ? complianceLines(mail.text) : {};
      linesWithDue += Object.keys(actual[email]).length;
    }
    expect(actual).toEqual(expected);
    // Not vacuous: some lead was told about a unit with check-ins due last week, and both active
    // cycles (the generated one and the autumn push) counted in the sums.
    expect(linesWithDue).toBeGreaterThan(0);
    expect(cycles.length).toBe(2);
    for (const [cycleId, due] of dueOfCycle) expect(due, cycleId).toBeGreaterThan(0);

    // (b) Due-list statuses against the single-goal reads, now and a week earlier: the lists of
    // everyone at once, and of each person alone (a KR's objective then holds that owner's KRs only).
    const admin = actorFor(ws, org.adminId);
    const instants = [now, now - WEEK];
    const personIds = people.map((p) => p.id);
    const together = await reads.checkInsDue.dueOfMany(admin, personIds, instants);
    const alone = instants.map(() => new Map<string, DueGoal[]>());
    for (const id of personIds)
      (await reads.checkInsDue.dueOfMany(admin, [id], instants)).forEach((list, k) => {
        alone[k]!.set(id, list.get(id)!);
      });
    expect(alone).toEqual(together);
    const mismatches: { at: string; type: string; id: string; dueList: unknown; singleRead: unknown }[] = [];
    /** Each listed goal's status at each instant it is listed at. */
    const statusAt = new Map<string, Map<number, Status | null>>();
    let compared = 0;
    let withStatus = 0;
    for (const [k, at] of instants.entries()) {
      const single = createServices(serviceDeps(test.db, new FixedClock(at), sequentialIds(`s${k}`)));
      for (const item of [...together[k]!.values()].flat()) {
        const view =
          item.type === 'key_result'
            ? await single.reads.getKeyResult(admin, item.id)
            : await single.reads.getSmartGoal(admin, item.id);
        compared++;
        if (item.status !== null) withStatus++;
        statusAt.set(item.id, (statusAt.get(item.id) ?? new Map()).set(k, item.status));
        if (view.evaluation.status !== item.status)
          mismatches.push({
            at: new Date(at).toISOString(),
            type: item.type,
            id: item.id,
            dueList: item.status,
            singleRead: view.evaluation.status,
          });
      }
    }
    expect(mismatches).toEqual([]);
    // Not vacuous: many items at both instants, most with a status, and some that changed in the week.
    expect(compared).toBeGreaterThan(50);
    expect([...together[1]!.values()].flat().length).toBeGreaterThan(20);
    expect(withStatus).toBeGreaterThan(compared / 2);
    const changed = [...statusAt.values()].filter((byInstant) => {
      const [a, b] = [byInstant.get(0), byInstant.get(1)];
      return a != null && b != null && a !== b;
    });
    expect(changed.length).toBeGreaterThan(0);
  });
});
