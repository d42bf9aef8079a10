import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { FixedClock } from './context';
import type { Services } from './index';

async function failure(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The findings a publish refusal lists, as (rule, goal, field). */
const blocking = (error: AppError) =>
  (error.details.findings as { rule: string; goalId: string; field: string }[]).map((f) => [
    f.rule,
    f.goalId,
    f.field,
  ]);

describeEachDialect('the publish gate and planned drafts', (dialect) => {
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
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 1), `g${++run}`));
    org = await smallOrg(s);
  });

  const settle = async (settings: Record<string, unknown>) =>
    s.workspaces.updateSettings(org.admin, {
      version: (await s.workspaces.get(org.admin)).version,
      settings,
    });
  const blockOn = (rules: Record<string, 'error'>) =>
    settle({ coachBlocksPublishing: true, coachSeverities: rules });

  it('saves a draft objective with coach errors, refuses to publish it listing them, then publishes it fixed', async () => {
    await blockOn({ 'objective-kind-missing': 'error' });
    const draft = await s.objectives.create(org.lead, {
      cycleId: org.nextCycleId,
      title: 'Make onboarding effortless for new teams',
      unitId: org.teamId,
      state: 'draft',
    });
    const refused = await failure(s.objectives.update(org.lead, draft.id, { version: 1, state: 'active' }));
    expect(refused.code).toBe('conflict');
    expect(refused.details.reason).toBe('coach_blocks_publishing');
    expect(blocking(refused)).toEqual([['objective-kind-missing', draft.id, 'kind']]);
    expect((await s.reads.getObjective(org.lead, draft.id)).state).toBe('draft');
    const created = await failure(
      s.objectives.create(org.lead, {
        cycleId: org.nextCycleId,
        title: 'Make support a reason to stay',
        unitId: org.teamId,
        state: 'active',
      }),
    );
    expect(created.code).toBe('conflict');
    const listed = await s.lists.objectives(org.admin, { cycleId: org.nextCycleId });
    expect(listed.items.map((o) => o.title)).toEqual(['Make onboarding effortless for new teams']);
    const kinded = await s.objectives.update(org.lead, draft.id, { version: 1, kind: 'committed' });
    const published = await s.objectives.update(org.lead, draft.id, {
      version: kinded.version,
      state: 'active',
    });
    expect(published.state).toBe('active');
  });

  it('judges the KRs of an objective being published', async () => {
    await blockOn({ 'kr-impossible-value': 'error' });
    const draft = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Make onboarding effortless for new teams',
      kind: 'aspirational',
      unitId: org.teamId,
      state: 'draft',
    });
    const kr = await s.keyResults.create(org.lead, {
      objectiveId: draft.id,
      title: 'Raise activation from 40% to 140%',
      measure: { type: 'increase', start: 40, target: 140, unit: '%' },
    });
    const refused = await failure(s.objectives.update(org.lead, draft.id, { version: 1, state: 'active' }));
    expect(blocking(refused)).toEqual([['kr-impossible-value', kr.id, 'measure']]);
  });

  it('lets everything through when the workspace does not block publishing', async () => {
    await settle({ coachBlocksPublishing: false, coachSeverities: { 'objective-kind-missing': 'error' } });
    const draft = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Make onboarding effortless for new teams',
      unitId: org.teamId,
      state: 'draft',
    });
    expect((await s.objectives.update(org.lead, draft.id, { version: 1, state: 'active' })).state).toBe(
      'active',
    );
  });

  it('keeps a SMART goal planned in a planning cycle a draft; publishing one with errors is refused', async () => {
    await blockOn({ 'smart-not-relevant': 'error' });
    const planned = await s.smartGoals.create(org.member, {
      cycleId: org.nextCycleId,
      title: 'Write 30 support macros',
      startDate: '2027-01-01',
      dueDate: '2027-03-31',
    });
    expect(planned.state).toBe('draft');
    const refused = await failure(s.smartGoals.update(org.member, planned.id, { version: 1, state: 'open' }));
    expect(blocking(refused)).toEqual([['smart-not-relevant', planned.id, 'parent']]);
    const direct = await failure(
      s.smartGoals.create(org.member, {
        cycleId: org.cycleId,
        title: 'Publish the macro style guide',
        startDate: '2026-10-01',
        dueDate: '2026-12-31',
      }),
    );
    expect(direct.code).toBe('conflict');
    const draft = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Publish the macro style guide',
      startDate: '2026-10-01',
      dueDate: '2026-12-31',
      state: 'draft',
    });
    expect(draft.state).toBe('draft');
    const due = await s.checkInsDue.due(org.member, {});
    expect(due.items.map((g) => g.id)).not.toContain(draft.id);
    const open = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Publish the macro style guide v2',
      startDate: '2026-10-01',
      dueDate: '2026-12-31',
      supports: [{ type: 'key_result', id: org.krId }],
    });
    expect(open.state).toBe('open');
  });

  it('activates a cycle only when its plan passes the gate, publishing its drafts', async () => {
    const objective = await s.objectives.create(org.lead, {
      cycleId: org.nextCycleId,
      title: 'Make onboarding effortless for new teams',
      unitId: org.teamId,
      state: 'draft',
    });
    const goal = await s.smartGoals.create(org.member, {
      cycleId: org.nextCycleId,
      title: 'Write 30 support macros',
      startDate: '2027-01-01',
      dueDate: '2027-03-31',
      supports: [{ type: 'objective', id: objective.id }],
    });
    await blockOn({ 'objective-kind-missing': 'error' });
    clock.set(Date.UTC(2026, 11, 20));
    const refused = await failure(s.cycles.activate(org.admin, org.nextCycleId));
    expect(refused.code).toBe('conflict');
    expect(blocking(refused)).toEqual([['objective-kind-missing', objective.id, 'kind']]);
    expect((await s.cycles.get(org.admin, org.nextCycleId)).state).toBe('planning');
    expect((await s.reads.getObjective(org.admin, objective.id)).state).toBe('draft');
    await s.objectives.update(org.lead, objective.id, { version: 1, kind: 'aspirational' });
    const active = await s.cycles.activate(org.admin, org.nextCycleId);
    expect(active.state).toBe('active');
    expect((await s.reads.getObjective(org.admin, objective.id)).state).toBe('active');
    expect((await s.reads.getSmartGoal(org.admin, goal.id)).state).toBe('open');
  });

  it('asks close-out for a root cause by grade: a committed KR at 0.95 (grade 1.0) needs none', async () => {
    const committed = await s.objectives.create(org.admin, {
      cycleId: org.cycleId,
      title: 'Keep every promise to our customers',
      kind: 'committed',
      unitId: org.companyId,
    });
    const high = await s.keyResults.create(org.admin, {
      objectiveId: committed.id,
      title: 'Answer tickets within a day from 0 to 100%',
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: org.member.personId,
    });
    const low = await s.keyResults.create(org.admin, {
      objectiveId: committed.id,
      title: 'Ship fixes within a week from 0 to 100%',
      measure: { type: 'increase', start: 0, target: 100 },
      ownerId: org.member.personId,
    });
    clock.set(Date.UTC(2026, 11, 1));
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: high.id, value: 95 });
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: low.id, value: 94 });
    clock.set(Date.UTC(2027, 0, 2));
    const refused = await failure(
      s.closeOuts.close(org.admin, org.cycleId, {
        decisions: [
          { objectiveId: org.objectiveId, decision: 'drop', learned: 'Too broad' },
          { objectiveId: committed.id, decision: 'drop', learned: 'Done' },
        ],
      }),
    );
    expect(refused.details.issues?.map((i) => i.path)).toEqual([`notes.${low.id}.rootCauseNote`]);
  });
});
