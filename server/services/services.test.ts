import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { FixedClock } from './context';
import type { Services } from './index';

/** Runs `work` and returns the AppError it throws (failing if it does not throw one). */
async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describeEachDialect('services', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let clock: FixedClock;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 1), `t${++run}`));
    org = await smallOrg(s);
  });

  const count = async (table: 'objectives' | 'keyResults' | 'checkIns' | 'events' | 'smartGoals') =>
    Number(
      (
        await test.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspaceId', '=', org.workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('rejects a measure with the target on the wrong side, naming the field, and writes nothing', async () => {
    const before = await count('keyResults');
    const eventsBefore = await count('events');
    const error = await failure(
      s.keyResults.create(org.admin, {
        objectiveId: org.objectiveId,
        title: 'Bad',
        measure: { type: 'increase', start: 10, target: 5 },
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.details.issues?.[0]?.path).toBe('measure.target');
    expect(await count('keyResults')).toBe(before);
    expect(await count('events')).toBe(eventsBefore);
  });

  it('rejects a check-in without a value and a SMART goal due before it starts', async () => {
    const noValue = await failure(
      s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId }),
    );
    expect(noValue.details.issues?.[0]?.path).toBe('value');
    const dates = await failure(
      s.smartGoals.create(org.member, {
        cycleId: org.cycleId,
        title: 'Ship it',
        startDate: '2026-11-01',
        dueDate: '2026-10-01',
      }),
    );
    expect(dates.details.issues?.[0]?.path).toBe('dueDate');
    expect(await count('checkIns')).toBe(0);
    expect(await count('smartGoals')).toBe(0);
  });

  it('keeps rollups current in the check-in transaction', async () => {
    clock.set(Date.UTC(2026, 10, 1));
    const result = await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 40,
      confidence: 7,
    });
    expect(result.goal).toMatchObject({
      progress: 0.4,
      score: 0.4,
      latestValue: 40,
      latestCheckinAt: Date.UTC(2026, 10, 1),
    });
    const objective = await s.reads.getObjective(org.admin, org.objectiveId);
    const kr = objective.keyResults.find((k) => k.id === org.krId)!;
    expect(kr.score).toBe(kr.evaluation.score);
    // The aligned KR has no children: p = 0; the objective is the mean of 0.4 and 0.
    expect(objective.score).toBeCloseTo(0.2, 12);
    expect(objective.evaluation.score).toBeCloseTo(0.2, 12);
  });

  it('an aligned KR counts a child objective shown elsewhere by its stored rollup, matching a live read', async () => {
    const team = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Ship faster as a team',
      unitId: org.teamId,
    });
    const kr = await s.keyResults.create(org.lead, {
      objectiveId: team.id,
      title: 'Increase deploys from 0 to 10',
      measure: { type: 'increase', start: 0, target: 10 },
    });
    await s.alignments.align(org.lead, {
      childType: 'objective',
      childId: team.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
      weight: 2,
    });
    await s.checkIns.checkIn(org.lead, { goalType: 'key_result', goalId: kr.id, value: 6 });
    const teamView = await s.reads.getObjective(org.admin, team.id);
    expect(teamView.evaluation.score).toBeCloseTo(0.6, 12);
    const aligned = await s.reads.getKeyResult(org.admin, org.alignedKrId);
    expect(aligned.evaluation.score).toBeCloseTo(0.6, 12);
    expect(aligned.score).toBeCloseTo(0.6, 12);
    expect(aligned.children).toMatchObject([{ id: team.id, weight: 2, score: 0.6 }]);
    expect((await s.reads.getObjective(org.admin, org.objectiveId)).evaluation.score).toBeCloseTo(0.3, 12);
  });

  it('stale versions are a conflict and change nothing', async () => {
    const first = await s.objectives.update(org.admin, org.objectiveId, {
      version: 1,
      title: 'Delight customers every single week',
    });
    expect(first.version).toBe(2);
    const error = await failure(
      s.objectives.update(org.admin, org.objectiveId, { version: 1, title: 'Overwrite' }),
    );
    expect(error.code).toBe('conflict');
    expect((await s.reads.getObjective(org.admin, org.objectiveId)).title).toBe(
      'Delight customers every single week',
    );
    const kr = await failure(s.keyResults.update(org.admin, org.krId, { version: 7, weight: 3 }));
    expect(kr.code).toBe('conflict');
  });

  it('an idempotency key returns the first result and creates nothing more', async () => {
    const input = { goalType: 'key_result', goalId: org.krId, value: 10, idempotencyKey: 'k-1' } as const;
    const first = await s.checkIns.checkIn(org.member, input);
    const again = await s.checkIns.checkIn(org.member, { ...input, value: 99 });
    expect(again).toEqual(first);
    expect(await count('checkIns')).toBe(1);
    const other = await failure(s.checkIns.checkIn(org.lead, input));
    expect(other.code).toBe('conflict');
  });

  it('a batch is all or nothing', async () => {
    const goal = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Write the onboarding guide',
      measure: { type: 'milestones', milestones: ['Outline', 'Draft', 'Publish'] },
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      supports: [{ type: 'key_result', id: org.alignedKrId }],
    });
    const bad = await failure(
      s.checkIns.checkInBatch(org.member, {
        items: [
          { goalType: 'key_result', goalId: org.krId, value: 20 },
          { goalType: 'smart_goal', goalId: goal.id, done: ['Outline', 'Nope'] },
        ],
      }),
    );
    expect(bad.details.issues?.[0]?.path).toBe('items.1.done.1');
    expect(await count('checkIns')).toBe(0);
    const results = await s.checkIns.checkInBatch(org.member, {
      items: [
        { goalType: 'key_result', goalId: org.krId, value: 20 },
        { goalType: 'smart_goal', goalId: goal.id, done: ['Outline'] },
      ],
    });
    expect(results.map((r) => r.goal.score)).toEqual([0.2, 1 / 3]);
    const aligned = await s.reads.getKeyResult(org.admin, org.alignedKrId);
    expect(aligned.score).toBeCloseTo(1 / 3, 12);
    expect(aligned.evaluation.score).toBeCloseTo(1 / 3, 12);
  });

  it('a correction replaces what it corrects, which stays on record', async () => {
    const wrong = await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 90,
    });
    clock.set(Date.UTC(2026, 9, 2));
    const fixed = await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 30,
      corrects: wrong.checkIn.id,
    });
    expect(fixed.checkIn.at).toBe(wrong.checkIn.at);
    expect(fixed.goal.latestValue).toBe(30);
    expect(await count('checkIns')).toBe(2);
  });

  it('refuses an alignment cycle', async () => {
    const team = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Make the team faster at shipping',
      unitId: org.teamId,
    });
    const teamKr = await s.keyResults.create(org.lead, {
      objectiveId: team.id,
      title: 'Company goals land',
      progressSource: 'aligned',
    });
    await s.alignments.align(org.lead, {
      childType: 'objective',
      childId: team.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
    const error = await failure(
      s.alignments.align(org.admin, {
        childType: 'objective',
        childId: org.objectiveId,
        parentType: 'key_result',
        parentId: teamKr.id,
      }),
    );
    expect(error.code).toBe('validation');
    expect(error.details.issues?.[0]?.path).toBe('parentId');
    const self = await failure(
      s.alignments.align(org.admin, {
        childType: 'objective',
        childId: org.objectiveId,
        parentType: 'key_result',
        parentId: org.krId,
      }),
    );
    expect(self.code).toBe('validation');
  });

  it('freezes grades from the scores at close when a cycle closes before its end', async () => {
    clock.set(Date.UTC(2026, 11, 1));
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 60 });
    const result = await s.closeOuts.close(org.admin, org.cycleId, {
      decisions: [{ objectiveId: org.objectiveId, decision: 'drop', learned: 'Closed early' }],
    });
    expect(result.grades.find((g) => g.goalId === org.krId)).toMatchObject({ score: 0.6, grade: 0.6 });
    expect(result.grades.every((g) => g.score === null || g.grade !== null)).toBe(true);
  });

  it('closes a cycle with notes and decisions, continues an objective, and reopens with a record', async () => {
    clock.set(Date.UTC(2026, 11, 1));
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 60 });
    clock.set(Date.UTC(2027, 0, 2));
    const missing = await failure(s.closeOuts.close(org.admin, org.cycleId, {}));
    expect(missing.code).toBe('validation');
    expect(missing.details.issues?.map((i) => i.path)).toEqual([`decisions.${org.objectiveId}`]);
    const forbidden = await failure(s.closeOuts.close(org.lead, org.cycleId, {}));
    expect(forbidden.code).toBe('forbidden');
    const result = await s.closeOuts.close(org.admin, org.cycleId, {
      decisions: [
        { objectiveId: org.objectiveId, decision: 'continue', learned: 'Start the campaign earlier' },
      ],
    });
    expect(result.prompts.map((p) => p.goalId).sort()).toEqual([org.alignedKrId, org.krId].sort());
    expect(result.grades.find((g) => g.goalId === org.krId)).toMatchObject({ score: 0.6, grade: 0.6 });
    const successor = await s.reads.getObjective(org.admin, result.successors[0]!.successorId);
    expect(successor.predecessorId).toBe(org.objectiveId);
    expect(successor.cycleId).toBe(org.nextCycleId);
    expect(successor.keyResults[0]!.measure).toEqual({ type: 'increase', start: 60, target: 100 });
    const closed = await s.reads.getObjective(org.admin, org.objectiveId);
    expect(closed).toMatchObject({ state: 'closed', frozenScore: 0.3, frozenGrade: 0.3 });
    await s.keyResults.update(org.admin, org.krId, {
      version: 1,
      title: 'Increase weekly active teams to 100',
    });
    const edited = await s.reads.getObjective(org.admin, org.objectiveId);
    expect(edited.keyResults.find((k) => k.id === org.krId)!.evaluation.flags).toContain(
      'edited_after_close',
    );
    await s.checkIns.checkIn(org.member, {
      goalType: 'key_result',
      goalId: org.krId,
      value: 65,
      at: '2026-12-30',
    });
    const history = await s.history.history(org.admin, { goalType: 'key_result', goalId: org.krId });
    expect(history.at(-1)).toMatchObject({ action: 'checked_in', isEditedAfterClose: true });
    expect((await s.reads.getObjective(org.admin, org.objectiveId)).frozenScore).toBe(0.3);
    await s.closeOuts.reopen(org.admin, org.cycleId, { reason: 'A late data correction' });
    expect((await s.reads.getObjective(org.admin, org.objectiveId)).state).toBe('active');
    const again = await failure(s.closeOuts.reopen(org.admin, org.cycleId, { reason: 'twice' }));
    expect(again.code).toBe('conflict');
  });

  it('keeps the history of a goal, hidden from who may not see it; recomputes rollups on demand', async () => {
    await s.keyResults.update(org.admin, org.krId, { version: 1, weight: 2 });
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 30 });
    const history = await s.history.history(org.viewer, { goalType: 'key_result', goalId: org.krId });
    expect(history.map((e) => [e.action, e.actorId])).toEqual([
      ['created', org.admin.personId],
      ['updated', org.admin.personId],
      ['checked_in', org.member.personId],
    ]);
    expect(history[1]).toMatchObject({ before: { weight: 1 }, after: { weight: 2 }, source: 'web' });
    await test.db.kysely
      .updateTable('keyResults')
      .set({ score: null, progress: null })
      .where('id', '=', org.krId)
      .execute();
    expect(await s.history.recomputeCycle(org.admin, org.cycleId)).toEqual({ goals: 3 });
    expect((await s.reads.getKeyResult(org.admin, org.krId)).score).toBe(0.3);
  });

  it('a year holds the quarters inside it, made before or after it', async () => {
    const q3 = await s.cycles.create(org.admin, { name: '2026-Q3' });
    const year = await s.cycles.create(org.admin, { name: '2026' });
    const q2 = await s.cycles.create(org.admin, { name: '2026-Q2' });
    const cycles = await s.cycles.list(org.admin);
    const parentOf = (id: string) => cycles.find((c) => c.id === id)?.parentId;
    expect([parentOf(q3.id), parentOf(q2.id), parentOf(org.cycleId)]).toEqual([year.id, year.id, year.id]);
    expect(parentOf(org.nextCycleId)).toBeNull();
    const bad = await failure(s.cycles.create(org.admin, { name: 'FY2026-Q1' }));
    expect(bad.details.issues?.[0]?.path).toBe('name');
  });

  it('settings are validated and versioned', async () => {
    const bad = await failure(
      s.workspaces.updateSettings(org.admin, { version: 1, settings: { timeZone: 'Mars/Base' } }),
    );
    expect(bad.details.issues?.[0]?.path).toBe('settings.timeZone');
    const updated = await s.workspaces.updateSettings(org.admin, {
      version: 1,
      settings: { timeZone: 'Europe/Berlin' },
    });
    expect(updated.settings.timeZone).toBe('Europe/Berlin');
    expect((await failure(s.workspaces.updateSettings(org.admin, { version: 1, settings: {} }))).code).toBe(
      'conflict',
    );
    expect((await failure(s.workspaces.updateSettings(org.lead, { version: 2, settings: {} }))).code).toBe(
      'forbidden',
    );
  });
});
