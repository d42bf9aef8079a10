import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import { BATCH_LIMIT } from './check-in.service';
import type { FixedClock } from './context';
import type { Services } from './index';

/** Big batches: every check-in stored, each goal recomputed once and right, the limit enforced. */
describeEachDialect('check-in batches at the limit', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let clock: FixedClock;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 1), 'b'));
    org = await smallOrg(s);
  });
  afterAll(() => test.dispose());

  const checkIns = async (goalId: string) =>
    test.db.kysely
      .selectFrom('checkIns')
      .select(['value', 'seq'])
      .where('goalId', '=', goalId)
      .orderBy('seq')
      .execute();

  it('stores every check-in of a full batch on one KR, in order, with the rollups of the last', async () => {
    clock.set(Date.UTC(2026, 10, 1));
    const items = Array.from({ length: BATCH_LIMIT }, (_, i) => ({
      goalType: 'key_result' as const,
      goalId: org.krId,
      value: (i * 7) % 100,
      at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    }));
    items[BATCH_LIMIT - 1] = { ...items[BATCH_LIMIT - 1]!, value: 64, at: '2026-10-31T12:00:00Z' };
    const results = await s.checkIns.checkInBatch(org.member, { items });
    expect(results).toHaveLength(BATCH_LIMIT);
    const stored = await checkIns(org.krId);
    expect(stored.map((r) => r.value)).toEqual(items.map((i) => i.value));
    expect(stored.map((r) => r.seq)).toEqual(items.map((_, i) => i + 1));
    const kr = await s.reads.getKeyResult(org.admin, org.krId);
    // The latest check-in by time is the last item (Oct 31): 64 of 0 to 100.
    expect(kr.latestValue).toBe(64);
    expect(kr.score).toBeCloseTo(0.64, 12);
    for (const result of results)
      expect(result.goal).toMatchObject({ id: org.krId, latestValue: 64, score: kr.score });
    const objective = await s.reads.getObjective(org.admin, org.objectiveId);
    expect(objective.keyResults.find((k) => k.id === org.krId)?.score).toBeCloseTo(0.64, 12);
  });

  it('keeps every check-in of many full batches on one KR, and the rollup of the latest', async () => {
    const before = (await checkIns(org.krId)).length;
    const rounds = 20;
    for (let r = 0; r < rounds; r++) {
      await s.checkIns.checkInBatch(org.member, {
        items: Array.from({ length: BATCH_LIMIT }, (_, i) => ({
          goalType: 'key_result' as const,
          goalId: org.krId,
          value: (r * BATCH_LIMIT + i) % 90,
        })),
      });
    }
    const stored = await checkIns(org.krId);
    expect(stored).toHaveLength(before + rounds * BATCH_LIMIT);
    expect(stored.map((c) => c.seq)).toEqual(stored.map((_, i) => i + 1));
    const kr = await s.reads.getKeyResult(org.admin, org.krId);
    expect(kr.latestValue).toBe((rounds * BATCH_LIMIT - 1) % 90);
  });

  it('recomputes each goal of a mixed batch, and refuses one item over the limit, writing nothing', async () => {
    const goal = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Publish the onboarding guide by December',
      measure: { type: 'boolean' },
      startDate: '2026-10-01',
      dueDate: '2026-12-15',
    });
    clock.set(Date.UTC(2026, 10, 2));
    const before = (await checkIns(org.krId)).length;
    const mixed = await s.checkIns.checkInBatch(org.member, {
      items: [
        { goalType: 'key_result', goalId: org.krId, value: 10, at: '2026-11-01T20:00:00Z' },
        { goalType: 'smart_goal', goalId: goal.id, done: false },
        { goalType: 'key_result', goalId: org.krId, value: 30, at: '2026-11-01T21:00:00Z' },
        { goalType: 'smart_goal', goalId: goal.id, done: true },
      ],
    });
    expect(mixed.map((r) => r.goal.score)).toEqual([0.3, 1, 0.3, 1]);
    expect((await s.reads.getSmartGoal(org.admin, goal.id)).score).toBe(1);
    const tooMany = Array.from({ length: BATCH_LIMIT + 1 }, () => ({
      goalType: 'key_result' as const,
      goalId: org.krId,
      value: 1,
    }));
    const error = await s.checkIns.checkInBatch(org.member, { items: tooMany }).catch((e: unknown) => e);
    expect(AppError.is(error, 'validation')).toBe(true);
    expect((error as AppError).details.issues?.[0]?.path).toBe('items');
    expect(await checkIns(org.krId)).toHaveLength(before + 2);
  });

  it('reads the objective of a KR once per check-in on SQLite (its rollup reuses the row), and the rollup is right', async () => {
    if (dialect !== 'sqlite' || test.db.native.dialect !== 'sqlite') return;
    const statement = Object.getPrototypeOf(test.db.native.database.prepare('select 1')) as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const originals = { all: statement.all!, get: statement.get! };
    let objectiveReads = 0;
    for (const method of ['all', 'get'] as const)
      statement[method] = function (this: { source: string }, ...args: unknown[]) {
        if (/^select \* from "objectives"/.test(this.source)) objectiveReads++;
        return originals[method].apply(this, args);
      };
    try {
      clock.set(Date.UTC(2026, 10, 2));
      const [result] = await s.checkIns.checkInBatch(org.member, {
        items: [{ goalType: 'key_result', goalId: org.krId, value: 42 }],
      });
      expect(objectiveReads).toBe(1);
      const objective = await s.reads.getObjective(org.admin, org.objectiveId);
      expect(result!.goal.latestValue).toBe(42);
      expect(objective.score).toBe(objective.evaluation.score);
    } finally {
      Object.assign(statement, originals);
    }
  });

  it('checks a caller in with their scope of now, also when an older one was remembered', async () => {
    clock.set(Date.UTC(2026, 10, 2, 7, 13));
    const first = await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 10,
    });
    expect(first.checkIn.value).toBe(10);
    // The member becomes a viewer: the directory stamp moves, and the next check-in is refused.
    await s.people.update(org.admin, org.member.personId, { role: 'viewer' });
    await expect(
      s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 11 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await s.people.update(org.admin, org.member.personId, { role: 'member' });
    const again = await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 12,
    });
    expect(again.checkIn.value).toBe(12);
    // Concurrent callers, written as one group, each answered with their own check-in and event.
    const together = await Promise.all(
      [20, 21, 22].map((value) =>
        s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value }),
      ),
    );
    expect(together.map((r) => r.checkIn.value)).toEqual([20, 21, 22]);
    const events = await test.db.kysely
      .selectFrom('events')
      .select(['after'])
      .where('entityId', '=', org.krId)
      .where('action', '=', 'checked_in')
      .where('at', '=', Date.UTC(2026, 10, 2, 7, 13))
      .execute();
    // Both answered check-ins and the three of the group, each recorded once.
    expect(events.map((e) => JSON.parse(e.after ?? 'null')?.value).sort()).toEqual([10, 12, 20, 21, 22]);
  });
});
