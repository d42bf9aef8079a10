import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { FixedClock, Services } from './index';
import { rebaseTitle } from './successor';

describe('rebaseTitle', () => {
  it.each([
    ['Reduce churn from 30 to 10%', 30, 18, 10, 'Reduce churn from 18 to 10%'],
    ['Increase NPS from 45 to 65', 45, 52.5, 65, 'Increase NPS from 52.5 to 65'],
    ['Grow revenue from $1,000 to $5,000', 1000, 2500, 5000, 'Grow revenue from $2,500 to $5,000'],
    ['Cut tickets to 10 a week (30 today)', 30, 18, 10, 'Cut tickets to 10 a week (18 today)'],
    ['Raise 10 scores from 10 to 50', 10, 20, 50, 'Raise 10 scores from 20 to 50'],
    ['Increase weekly active teams to 100', 0, 60, 100, 'Increase weekly active teams to 100'],
    ['Reach 0.3 from 0.1', 0.1, 0.30000000000000004, 0.5, 'Reach 0.3 from 0.3'],
    ['Nothing to rewrite', 30, 30, 10, 'Nothing to rewrite'],
  ])('%s (start %d -> %d)', (title, oldStart, newStart, target, expected) => {
    expect(rebaseTitle(title, oldStart, newStart, target)).toBe(expected);
  });
});

describeEachDialect('close-out with continue', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let clock: FixedClock;
  let org: SmallOrg;
  let successorId: string;
  let decreaseId: string;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 5)));
    org = await smallOrg(s);
    const decrease = await s.keyResults.create(org.admin, {
      objectiveId: org.objectiveId,
      title: 'Reduce support tickets from 30 to 10 a week',
      measure: { type: 'decrease', start: 30, target: 10 },
      ownerId: org.member.personId,
    });
    decreaseId = decrease.id;
    clock.set(Date.UTC(2026, 11, 1));
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 60 });
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: decrease.id, value: 18 });
    clock.set(Date.UTC(2027, 0, 2));
    const result = await s.closeOuts.close(org.admin, org.cycleId, {
      notes: [{ goalId: decrease.id, rootCauseTag: 'execution' }],
      decisions: [{ objectiveId: org.objectiveId, decision: 'continue', learned: 'Start earlier' }],
    });
    successorId = result.successors[0]!.successorId;
  });
  afterAll(() => test.dispose());

  it('stores the successor’s rollup at once', async () => {
    const row = await test.db.kysely
      .selectFrom('objectives')
      .select(['score', 'progress'])
      .where('id', '=', successorId)
      .executeTakeFirstOrThrow();
    expect(row.score).toBe(0);
    expect(row.progress).toBe(0);
    const krs = await test.db.kysely
      .selectFrom('keyResults')
      .select(['score', 'progressSource'])
      .where('objectiveId', '=', successorId)
      .execute();
    expect(krs.every((k) => k.score === 0)).toBe(true);
  });

  it('counts it on the next cycle’s dashboard and in its unit’s mean', async () => {
    const dashboard = await s.reads.dashboard(org.admin, org.nextCycleId);
    expect(dashboard.statusCounts.none).toBe(0);
    expect(dashboard.units).toEqual([
      expect.objectContaining({ unitId: org.companyId, objectives: 1, meanScore: 0 }),
    ]);
  });

  it('gives its KRs titles that state the new baselines', async () => {
    const successor = await s.reads.getObjective(org.admin, successorId);
    const byTitle = Object.fromEntries(successor.keyResults.map((k) => [k.title, k.measure]));
    expect(byTitle).toEqual({
      'Increase weekly active teams from 60 to 100': { type: 'increase', start: 60, target: 100 },
      'Reduce support tickets from 18 to 10 a week': { type: 'decrease', start: 18, target: 10 },
      'Team goals land': null,
    });
    const old = await s.reads.getObjective(org.admin, org.objectiveId);
    expect(old.keyResults.find((k) => k.id === decreaseId)?.title).toBe(
      'Reduce support tickets from 30 to 10 a week',
    );
  });
});
