import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fillGoalFacts } from '../db/goal-facts';
import { generateOrganisation, ORG_SIZES } from '../demo/large';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { actorFor, testServices } from '../test/scenario';
import type { Actor, FixedClock } from './context';
import type { Services } from './index';
import { openSession } from './session';
import { loadSlice } from './slice';

const DAY = 86_400_000;

/**
 * Issue 17 item 1: the goal lists evaluate each measured goal from the facts stored with it
 * (`goals.facts`) instead of its whole history. Every number must be the one the history gives,
 * to the last digit, for every kind of measure, corrections, backdated check-ins and edits; every
 * writer must leave the facts current (else the list silently reads the history again).
 */
describeEachDialect('stored facts of check-ins', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let clock: FixedClock;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 1), 'f'));
    org = await smallOrg(s);
  }, 60_000);
  afterAll(() => test.dispose());

  /**
   * Both evaluations of every objective and SMART goal of a cycle, as of the clock, and how many
   * measured goals were evaluated from their stored facts.
   */
  async function compare(workspaceId: string, cycleId: string, actor: Actor) {
    const session = await openSession(s.lists.deps, test.db.kysely, actor);
    const objectives = await session.repos.objectives.listByCycle(workspaceId, cycleId);
    const goals = await session.repos.smartGoals.listByCycle(workspaceId, cycleId);
    const fromFacts = await loadSlice(session, objectives, goals, { storedFacts: true });
    const fromHistory = await loadSlice(session, objectives, goals);
    const nodes = [...fromFacts.org.objectives.flatMap((o) => o.keyResults), ...fromFacts.org.smartGoals];
    return {
      fromFacts: Object.fromEntries(fromFacts.evaluations),
      fromHistory: Object.fromEntries(fromHistory.evaluations),
      withFacts: nodes.filter((n) => n.facts !== undefined).length,
      progressMeasured: nodes.filter(
        (n) => n.measure && !['at_least', 'at_most', 'between'].includes(n.measure.type),
      ).length,
      keys: fromHistory.evaluations.size,
    };
  }

  async function expectSame(options: { allFromFacts: boolean }) {
    const result = await compare(org.workspaceId, org.cycleId, org.admin);
    expect(result.keys).toBeGreaterThan(5);
    expect(result.fromFacts).toEqual(result.fromHistory);
    if (options.allFromFacts) expect(result.withFacts).toBe(result.progressMeasured);
    return result;
  }

  it('gives the numbers of the whole history for every kind of goal, after every kind of write', async () => {
    const start = Date.UTC(2026, 9, 1);
    const kr = (title: string, measure: unknown) =>
      s.keyResults.create(org.admin, { objectiveId: org.objectiveId, title, measure: measure as never });
    const decrease = await kr('Reduce churn', { type: 'decrease', start: 10, target: 2 });
    const milestones = await kr('Ship', { type: 'milestones', milestones: ['Plan', 'Build', 'Ship'] });
    const yes = await kr('Launch', { type: 'boolean' });
    const floor = await kr('Keep uptime', { type: 'at_least', threshold: 99 });
    const band = await kr('Keep latency', { type: 'between', low: 100, high: 300 });
    await s.keyResults.create(org.admin, { objectiveId: org.objectiveId, title: 'Draft KR' });
    const smart = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Write the guide',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'increase', start: 0, target: 8 },
    });
    await s.alignments.align(org.member, {
      childType: 'smart_goal',
      childId: smart.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
      weight: 1,
    });
    await expectSame({ allFromFacts: true });

    const checkIn = (goalId: string, extra: Record<string, unknown>, goalType = 'key_result') =>
      s.checkIns.checkIn(org.admin, { goalType: goalType as 'key_result', goalId, ...extra });
    // Weekly check-ins, three flat ones with a low confidence (reported_vs_data), values off the line.
    for (let week = 1; week <= 6; week++) {
      clock.set(start + week * 7 * DAY + 3_600_000 * week);
      await checkIn(org.krId, { value: week < 4 ? week * 7.3 : 21.9, confidence: week < 4 ? 8 : 2 });
      await checkIn(decrease.id, { value: 10 - week * 1.1 });
      await checkIn(milestones.id, { done: ['Plan', 'Build', 'Ship'].slice(0, Math.min(week, 3) - 1) });
      await checkIn(floor.id, { value: week % 3 === 0 ? 98 : 99.5 });
      await checkIn(band.id, { value: 150 + week * 30 });
      await checkIn(smart.id, { value: week * 1.3 }, 'smart_goal');
      await expectSame({ allFromFacts: true });
    }
    await checkIn(yes.id, { value: 1 });
    // A backdated check-in lands between earlier ones; a correction replaces what it corrects.
    await checkIn(org.krId, { value: 3.3, at: '2026-10-05' });
    const wrong = await checkIn(decrease.id, { value: 40 });
    await expectSame({ allFromFacts: true });
    await checkIn(decrease.id, { value: 4.4, corrects: wrong.checkIn.id });
    await expectSame({ allFromFacts: true });
    // A batch (the group commit on PostgreSQL) writes them too.
    await s.checkIns.checkInBatch(org.admin, {
      items: [
        { goalType: 'key_result', goalId: org.krId, value: 30.1 },
        { goalType: 'key_result', goalId: org.krId, value: 31.7, confidence: 6 },
        { goalType: 'smart_goal', goalId: smart.id, value: 7.5 },
      ],
    });
    await expectSame({ allFromFacts: true });
    // An edit of the measure: the rollup of the edit writes them again for the new measure.
    await s.keyResults.update(org.admin, decrease.id, {
      version: decrease.version,
      measure: { type: 'decrease', start: 12, target: 1 },
    });
    await expectSame({ allFromFacts: true });
    // Later moments: expected, staleness and status move with the clock, from the same facts.
    for (const days of [9, 30, 80]) {
      clock.set(start + (42 + days) * DAY);
      await expectSame({ allFromFacts: true });
    }
  }, 120_000);

  it('reads the history where the facts do not stand for it: a check-in after the moment, facts a writer left behind', async () => {
    // A moment before the latest check-ins: the facts cover check-ins the read must ignore.
    clock.set(Date.UTC(2026, 9, 20));
    const early = await compare(org.workspaceId, org.cycleId, org.admin);
    expect(early.fromFacts).toEqual(early.fromHistory);
    expect(early.withFacts).toBe(0);
    // A check-in written without the rollups (another writer, or a row restored by hand).
    clock.set(Date.UTC(2026, 11, 1));
    const krRow = await test.db.kysely
      .selectFrom('keyResults')
      .selectAll()
      .where('id', '=', org.krId)
      .executeTakeFirstOrThrow();
    await test.db.kysely
      .insertInto('checkIns')
      .values({
        id: 'f-hand',
        workspaceId: org.workspaceId,
        goalType: 'key_result',
        goalId: org.krId,
        authorId: org.admin.personId,
        at: Date.UTC(2026, 10, 25),
        seq: krRow.checkinCount + 1,
        value: 99,
        done: null,
        confidence: null,
        note: null,
        correctsId: null,
        source: 'web',
        createdAt: Date.UTC(2026, 10, 25),
      } as never)
      .execute();
    await test.db.kysely
      .updateTable('keyResults')
      .set({ checkinCount: krRow.checkinCount + 1 })
      .where('id', '=', org.krId)
      .execute();
    const late = await compare(org.workspaceId, org.cycleId, org.admin);
    expect(late.fromFacts).toEqual(late.fromHistory);
    expect(late.fromFacts[org.krId]!.latestValue).toBe(99);
    expect(late.withFacts).toBe(late.progressMeasured - 1);
    // A measure changed without the rollups: its facts were computed for the old one.
    await test.db.kysely
      .updateTable('keyResults')
      .set({ measure: JSON.stringify({ type: 'increase', start: 0, target: 50 }) })
      .where('id', '=', org.krId)
      .execute();
    await test.db.kysely
      .updateTable('keyResults')
      .set({ checkinCount: krRow.checkinCount })
      .where('id', '=', org.krId)
      .execute();
    await test.db.kysely.deleteFrom('checkIns').where('id', '=', 'f-hand').execute();
    const edited = await compare(org.workspaceId, org.cycleId, org.admin);
    expect(edited.fromFacts).toEqual(edited.fromHistory);
    expect(edited.withFacts).toBe(edited.progressMeasured - 1);
  });

  it('a generated organisation: every goal of the cycle from its facts, the same numbers', async () => {
    const generated = await generateOrganisation(test.db, { size: ORG_SIZES.tiny, at: clock.now() });
    const admin = actorFor(generated.workspaceId, generated.adminId);
    const result = await compare(generated.workspaceId, generated.activeCycleId, admin);
    expect(result.keys).toBeGreaterThan(50);
    expect(result.fromFacts).toEqual(result.fromHistory);
    expect(result.withFacts).toBe(result.progressMeasured);
    // Then check-ins through the service refresh them.
    const someKr = (
      await test.db.kysely
        .selectFrom('keyResults')
        .select('id')
        .where('workspaceId', '=', generated.workspaceId)
        .where('progressSource', '=', 'metric')
        .where('measure', 'like', '%increase%')
        .executeTakeFirstOrThrow()
    ).id;
    await s.checkIns.checkIn(admin, { goalType: 'key_result', goalId: someKr, value: 1 });
    const after = await compare(generated.workspaceId, generated.activeCycleId, admin);
    expect(after.fromFacts).toEqual(after.fromHistory);
    expect(after.withFacts).toBe(after.progressMeasured);
  }, 120_000);

  it('the migration fills the facts of goals written before it from their check-ins', async () => {
    const generated = await test.db.kysely
      .selectFrom('workspaces')
      .select('id')
      .where('id', '!=', org.workspaceId)
      .executeTakeFirstOrThrow();
    const cycles = [
      { ws: org.workspaceId, cycle: org.cycleId, actor: org.admin },
      ...(
        await test.db.kysely
          .selectFrom('cycles')
          .select('id')
          .where('workspaceId', '=', generated.id)
          .execute()
      ).map((c) => ({ ws: generated.id, cycle: c.id, actor: actorFor(generated.id, `${generated.id}-p0`) })),
    ];
    for (const table of ['keyResults', 'smartGoals'] as const)
      await test.db.kysely.updateTable(table).set({ facts: null }).execute();
    for (const { ws, cycle, actor } of cycles) expect((await compare(ws, cycle, actor)).withFacts).toBe(0);
    expect(await fillGoalFacts(test.db.kysely as unknown as Kysely<unknown>)).toBeGreaterThan(100);
    for (const { ws, cycle, actor } of cycles) {
      const result = await compare(ws, cycle, actor);
      expect(result.fromFacts).toEqual(result.fromHistory);
      expect(result.withFacts).toBe(result.progressMeasured);
    }
  }, 120_000);
});
