import { afterAll, beforeAll, expect, it } from 'vitest';
import { evaluateOrganisation } from '../../core/evaluate';
import { CSV_COLUMNS } from '../../core/exchange/tables';
import { buildOrganisation } from '../../core/goals-file/model';
import { formatProblem, parseGoalsFile } from '../../core/goals-file/parse';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

describeEachDialect('exports of a cycle', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  const as: Record<string, { bearer: string }> = {};
  const PRIVATE_TITLE = 'Pass the cloud security certification exam';
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    for (const who of ['admin', 'member', 'colleague'] as const) as[who] = await api.tokenFor(org[who]);
    const s = api.deps.services;
    const team = await s.objectives.create(org.admin, {
      cycleId: org.cycleId,
      title: 'Make our team the easiest to work with',
      unitId: org.teamId,
      kind: 'committed',
    });
    await s.alignments.align(org.admin, {
      childType: 'objective',
      childId: team.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
      weight: 2,
    });
    const kr = await s.keyResults.create(org.admin, {
      objectiveId: team.id,
      title: 'Reduce review wait from 48 to 12 hours',
      measure: { type: 'decrease', start: 48, target: 12, unit: 'h' },
      ownerId: org.member.personId,
    });
    await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: PRIVATE_TITLE,
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'milestones', milestones: ['Study', 'Exam'] },
      visibility: 'private',
      supports: [{ type: 'key_result', id: org.krId }],
    });
    api.clock.set(Date.UTC(2026, 10, 2));
    for (const [goalId, value] of [
      [org.krId, 30],
      [kr.id, 40],
    ] as const)
      await s.checkIns.checkIn(org.member, {
        goalType: 'key_result',
        goalId,
        value,
        confidence: 6,
        note: 'weekly, with "quotes", and commas',
      });
    api.clock.set(Date.UTC(2026, 10, 20));
  });
  afterAll(() => api.dispose());

  it('exports a goals file that scores to the numbers the API shows', async () => {
    const res = await api.call('GET', `/api/v1/cycles/${org.cycleId}/export?format=yaml`, { as: as.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/yaml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="org-2026-q4\.yaml"$/);
    const text = res.body as string;
    const parsed = parseGoalsFile(text, 'export.yaml');
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const built = buildOrganisation([parsed.parsed], { now: api.clock.now() });
    if (!built.ok) throw new Error(built.problems.map(formatProblem).join('\n'));
    const evaluations = evaluateOrganisation(built.org, api.clock.now());
    const byTitle = new Map<string, number | null>();
    for (const o of built.org.objectives) {
      byTitle.set(o.title, evaluations.find((e) => e.key === o.key)!.score);
      for (const kr of o.keyResults) byTitle.set(kr.title, evaluations.find((e) => e.key === kr.key)!.score);
    }
    const objective = await api.call('GET', `/api/v1/objectives/${org.objectiveId}`, { as: as.admin });
    expect(objective.status).toBe(200);
    expect(byTitle.get(objective.body.title)).toBeCloseTo(objective.body.evaluation.score, 12);
    for (const kr of objective.body.keyResults)
      expect(byTitle.get(kr.title)).toBeCloseTo(kr.evaluation.score, 12);
    // Alignment, weights, people and history come along.
    const team = built.org.objectives.find((o) => o.title === 'Make our team the easiest to work with')!;
    expect(team.kind).toBe('committed');
    expect(team.unit).toBe('team');
    expect(team.parents).toEqual([{ key: 'team-goals-land', weight: 2 }]);
    const wait = team.keyResults[0]!;
    expect(wait.owner).toBe('member@org.test');
    expect(wait.checkins).toMatchObject([
      { value: 40, confidence: 6, note: 'weekly, with "quotes", and commas' },
    ]);
    expect(built.org.units.map((u) => u.key).sort()).toEqual(['company', 'team']);
  });

  it('leaves out what the reader may not see, and says how much', async () => {
    const mine = await api.call('GET', `/api/v1/cycles/2026-Q4/export`, { as: as.member });
    expect(mine.status).toBe(200);
    const theirs = await api.call('GET', `/api/v1/cycles/2026-Q4/export`, { as: as.colleague });
    expect(theirs.status).toBe(200);
    expect(mine.body as string).toContain(PRIVATE_TITLE);
    expect(theirs.body as string).not.toContain(PRIVATE_TITLE);
    expect(theirs.body as string).toMatch(/1 goal\(s\) you may not see are left out/);
    for (const format of ['csv', 'md'])
      expect(
        (await api.call('GET', `/api/v1/cycles/2026-Q4/export?format=${format}`, { as: as.colleague }))
          .body as string,
      ).not.toContain(PRIVATE_TITLE);
  });

  it('exports a spreadsheet with one row per KR and SMART goal, quoted where needed', async () => {
    const res = await api.call('GET', `/api/v1/cycles/${org.cycleId}/export?format=csv`, { as: as.admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const krs = lines.filter((l) => l.startsWith('key_result,'));
    expect(krs).toHaveLength(3);
    const wait = krs.find((l) => l.includes('Reduce review wait'))!;
    expect(wait).toContain(',decrease,48,12,,,,,h,1,40,');
    expect(wait).toContain(',Team,member@org.test,committed,');
  });

  it('exports a Markdown document with statuses in words', async () => {
    const res = await api.call('GET', `/api/v1/cycles/${org.cycleId}/export?format=md`, { as: as.admin });
    expect(res.status).toBe(200);
    const text = res.body as string;
    expect(text).toMatch(/^# Org: 2026-Q4\n/);
    expect(text).toContain('## Delight our customers every week');
    expect(text).toContain('| Reduce review wait from 48 to 12 hours | member@org.test | 22% | 0.22 |');
    expect(text).toMatch(/Status: (on track|at risk|off track|stale)/);
  });

  it("narrows to a unit's subtree, and refuses what it cannot find", async () => {
    const team = await api.call('GET', `/api/v1/cycles/${org.cycleId}/export?unit=Team`, { as: as.admin });
    expect(team.status).toBe(200);
    expect(team.body as string).toContain('Make our team the easiest to work with');
    expect(team.body as string).not.toContain('Delight our customers every week');
    expect(team.body as string).toMatch(/2 link\(s\) to goals outside this export are left out/);
    const missing = await api.call('GET', '/api/v1/cycles/2031-Q1/export', { as: as.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const format = await api.call('GET', `/api/v1/cycles/${org.cycleId}/export?format=pdf`, { as: as.admin });
    expect(format.status).toBe(400);
    expect(format.body.error.code).toBe('validation');
  });

  it('exports every cycle: what the reader may see, optionally a unit in each', async () => {
    const all = await api.call('GET', '/api/v1/export?format=yaml', { as: as.admin });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-disposition')).toMatch(/filename=".*-all-cycles\.yaml"$/);
    const text = all.body as string;
    expect(text).toMatch(/^# Tandem export of .*, every cycle \(\d+\)/);
    expect(text).toMatch(/\n---\n# Cycle 2026-Q4\.\nversion: 1\n/);
    expect(text).toContain(PRIVATE_TITLE);
    const colleague = await api.call('GET', '/api/v1/export?format=csv', { as: as.colleague });
    expect(colleague.status).toBe(200);
    expect(colleague.body as string).toMatch(/^Cycle,Type,Key,/);
    expect(colleague.body as string).not.toContain(PRIVATE_TITLE);
    const team = await api.call('GET', '/api/v1/export?unit=Team&format=md', { as: as.admin });
    expect(team.status).toBe(200);
    expect(team.body as string).toContain('Make our team the easiest to work with');
    expect(team.body as string).not.toContain('Delight our customers every week');
    const missing = await api.call('GET', '/api/v1/export?unit=Nowhere', { as: as.admin });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/unit Nowhere not found/);
    const format = await api.call('GET', '/api/v1/export?format=pdf', { as: as.admin });
    expect(format.status).toBe(400);
  });
});
