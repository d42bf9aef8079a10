import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/** Issue 17 item 2: dashboards answer a page of goals at a time, and every goal is reachable. */
describeEachDialect('dashboards page their goals', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let companyObjectives: string[];
  let teamObjectives: string[];
  let teamGoals: string[];
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    const s = api.deps.services;
    for (let i = 0; i < 11; i++)
      await s.objectives.create(org.admin, {
        cycleId: org.cycleId,
        title: `Company objective number ${i}`,
        unitId: org.companyId,
      });
    for (let i = 0; i < 7; i++)
      await s.objectives.create(org.admin, {
        cycleId: org.cycleId,
        title: `Team objective number ${i}`,
        unitId: org.teamId,
      });
    for (let i = 0; i < 6; i++)
      await s.smartGoals.create(org.lead, {
        cycleId: org.cycleId,
        title: `Team SMART goal number ${i}`,
        unitId: org.teamId,
        startDate: '2026-10-01',
        dueDate: `2026-12-${String(10 + (i % 3)).padStart(2, '0')}`,
      });
    const full = (await api.call('GET', `/api/v1/dashboard?cycle=${org.cycleId}&limit=100`, { as: admin }))
      .body as { company: { id: string }[] };
    companyObjectives = full.company.map((o) => o.id);
    const page = (
      await api.call('GET', `/api/v1/dashboard/units/${org.teamId}?cycle=${org.cycleId}&limit=100`, {
        as: admin,
      })
    ).body as { objectives: { id: string }[]; smartGoals: { id: string }[] };
    teamObjectives = page.objectives.map((o) => o.id);
    teamGoals = page.smartGoals.map((g) => g.id);
  });
  afterAll(() => api.dispose());

  /** Every page of a dashboard path, following `nextCursor`. */
  async function pages(path: string, limit: number): Promise<Record<string, unknown>[]> {
    const answers: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer = await api.call('GET', `${path}&limit=${limit}${query}`, { as: admin });
      expect(answer.status).toBe(200);
      answers.push(answer.body as Record<string, unknown>);
      cursor = (answer.body as { nextCursor: string | null }).nextCursor;
      expect(answers.length).toBeLessThan(50);
    } while (cursor !== null);
    return answers;
  }

  it('the whole list fits one large page, in the order of before', () => {
    expect(companyObjectives).toHaveLength(12); // the small organisation's objective and 11 more
    expect(teamObjectives).toHaveLength(7);
    expect(teamGoals).toHaveLength(6);
  });

  it('the company dashboard: pages of at most `limit` objectives, each once, in order, the counts on every page', async () => {
    for (const limit of [1, 5, 12]) {
      const answers = await pages(`/api/v1/dashboard?cycle=${org.cycleId}`, limit);
      expect(answers).toHaveLength(Math.ceil(12 / limit));
      for (const a of answers) expect((a.company as unknown[]).length).toBeLessThanOrEqual(limit);
      expect(answers.flatMap((a) => (a.company as { id: string }[]).map((o) => o.id))).toEqual(
        companyObjectives,
      );
      for (const a of answers) expect(a.statusCounts).toEqual(answers[0]!.statusCounts);
      expect(answers.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('a unit page: its objectives, then its SMART goals, page by page', async () => {
    for (const limit of [1, 3, 7, 8, 13]) {
      const answers = await pages(`/api/v1/dashboard/units/${org.teamId}?cycle=${org.cycleId}`, limit);
      expect(answers).toHaveLength(Math.ceil(13 / limit));
      for (const a of answers)
        expect((a.objectives as unknown[]).length + (a.smartGoals as unknown[]).length).toBeLessThanOrEqual(
          limit,
        );
      expect(answers.flatMap((a) => (a.objectives as { id: string }[]).map((o) => o.id))).toEqual(
        teamObjectives,
      );
      expect(answers.flatMap((a) => (a.smartGoals as { id: string }[]).map((g) => g.id))).toEqual(teamGoals);
    }
  });

  it('the default page is bounded', async () => {
    const answer = await api.call('GET', `/api/v1/dashboard?cycle=${org.cycleId}`, { as: admin });
    expect(answer.body.company).toHaveLength(12);
    expect(answer.body.nextCursor).toBeNull();
    const small = await api.call('GET', `/api/v1/dashboard?cycle=${org.cycleId}&limit=10`, { as: admin });
    expect(small.body.company).toHaveLength(10);
    expect(typeof small.body.nextCursor).toBe('string');
  });

  describe('bad paging is a 400 naming the parameter', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=two', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('x:1:2').toString('base64url')}`, 'cursor'],
    ])('%s', async (query, name) => {
      for (const path of ['/api/v1/dashboard', `/api/v1/dashboard/units/${org.teamId}`]) {
        const answer = await api.call('GET', `${path}?cycle=${org.cycleId}&${query}`, { as: admin });
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body.error)).toContain(name);
      }
    });
  });
});
