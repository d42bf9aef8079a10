import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { codeOf, testServices } from '../test/scenario';
import { coachFindingsSchema } from './coach.service';
import type { Services } from './index';
import { parseInput } from './validate';

describeEachDialect('the coach on stored goals', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 9, 5), `coach${++run}`));
    org = await smallOrg(s);
  });

  const said = (result: { findings: { rule: string; target: string }[] }) =>
    result.findings.map((f) => `${f.rule} ${f.target}`);

  it('lints the goals of a cycle or of one unit, only those the viewer may see', async () => {
    const teamObjective = await s.objectives.create(org.lead, {
      cycleId: org.cycleId,
      title: 'Make onboarding effortless for every new team',
      unitId: org.teamId,
      kind: 'aspirational',
    });
    await s.alignments.align(org.admin, {
      childType: 'objective',
      childId: teamObjective.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
    const ship = await s.keyResults.create(org.lead, {
      objectiveId: teamObjective.id,
      title: 'Ship v2 onboarding',
      ownerId: org.member.personId,
    });
    const secret = await s.smartGoals.create(org.colleague, {
      cycleId: org.cycleId,
      title: 'Be the best in the world',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      visibility: 'private',
    });

    const forMember = await s.coach.findings(org.member, { cycle: org.cycleId });
    expect(said(forMember)).toContain(`kr-should-be-smart ${ship.id}`);
    // A private goal of someone else is not linted for the member: no finding can describe it.
    expect(forMember.findings.some((f) => f.target === secret.id)).toBe(false);
    // Stored links always resolve: no unresolved-link, and the aligned objective is no orphan.
    expect(forMember.findings.some((f) => f.rule === 'unresolved-link' || f.rule === 'orphan')).toBe(false);
    const forColleague = await s.coach.findings(org.colleague, { cycle: org.cycleId });
    expect(said(forColleague)).toContain(`smart-not-specific ${secret.id}`);

    const team = await s.coach.findings(org.admin, { cycle: org.cycleId, unit: org.teamId });
    // The team's goals only (the colleague's SMART goal is the team's, and admins see private goals).
    expect(new Set(team.findings.map((f) => f.target))).toEqual(
      new Set([teamObjective.id, ship.id, secret.id]),
    );
    expect(team.summary.goals).toBe(3);

    expect(await codeOf(s.coach.findings(org.admin, { cycle: 'nope' }))).toBe('not_found');
    expect(await codeOf(s.coach.findings(org.admin, { cycle: org.cycleId, unit: 'nope' }))).toBe('not_found');
    // Untyped input (JSON from outside) is validated by its boundary, once: the route's query
    // schema over HTTP, `parseInput` elsewhere (the service takes typed values).
    const extra: unknown = { cycle: org.cycleId, extra: 1 };
    expect(await codeOf(Promise.resolve().then(() => parseInput(coachFindingsSchema, extra)))).toBe(
      'validation',
    );
  });

  it("passes an owner's recent grades to sandbagging, for viewers who may see their calibration", async () => {
    // Three closed cycles in which the member's aspirational KRs were all graded about 0.9.
    for (const [i, name] of ['2025-Q4', '2026-Q1', '2026-Q2'].entries()) {
      const past = await s.cycles.create(org.admin, { name });
      const o = await s.objectives.create(org.admin, {
        cycleId: past.id,
        title: 'Make onboarding effortless for every new team',
        unitId: org.teamId,
        kind: 'aspirational',
      });
      const kr = await s.keyResults.create(org.admin, {
        objectiveId: o.id,
        title: 'Raise 7-day activation from 35% to 50%',
        measure: { type: 'increase', start: 35, target: 50, unit: '%' },
        ownerId: org.member.personId,
      });
      await test.db.kysely
        .updateTable('keyResults')
        .set({ frozenGrade: 0.9 + i * 0.02 })
        .where('id', '=', kr.id)
        .execute();
      await test.db.kysely.updateTable('cycles').set({ state: 'closed' }).where('id', '=', past.id).execute();
    }
    // The member owns the company objective's KR in the current cycle (kind not chosen: aspirational).
    const target = { id: org.krId };
    const sandbagged = (r: { findings: { rule: string; target: string; message: string }[] }) =>
      r.findings.filter((f) => f.rule === 'sandbagging' && f.target === target.id);

    const [admin] = sandbagged(await s.coach.findings(org.admin, { cycle: org.cycleId }));
    expect(admin?.message).toMatch(/last 3 aspirational grades average 0\.92/);
    expect(sandbagged(await s.coach.findings(org.member, { cycle: org.cycleId }))).toHaveLength(1);
    expect(sandbagged(await s.coach.findings(org.lead, { cycle: org.cycleId }))).toHaveLength(1);
    // The colleague sees the goal, but not the member's track record.
    expect(sandbagged(await s.coach.findings(org.colleague, { cycle: org.cycleId }))).toEqual([]);
  });
});
