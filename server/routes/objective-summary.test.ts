import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { generateOrganisation, ORG_SIZES } from '../demo/large';
import { describeEachDialect } from '../test/databases';

interface Listed {
  id: string;
  keyResults: Record<string, unknown>[];
  [field: string]: unknown;
}

/**
 * Issue 17 item 1: `GET /objectives?view=summary` answers the same objectives with the same
 * fields and numbers as the full list, each KR without its aligned children, page by page.
 */
describeEachDialect('the summary list of objectives', (dialect) => {
  let api: TestApi;
  let org: Awaited<ReturnType<typeof generateOrganisation>>;
  const bearers: Record<'admin' | 'member', string> = { admin: '', member: '' };
  beforeAll(async () => {
    api = await testApi(dialect);
    // Generated as of the test clock, so the check-ins are in the past of every read.
    org = await generateOrganisation(api.deps.db, { size: ORG_SIZES.tiny, at: api.clock.now() });
    const tokenFor = async (personId: string) =>
      (
        await api.deps.tokens.create(
          { workspaceId: org.workspaceId, personId, actorType: 'person', source: 'api' },
          { name: 'summary test' },
        )
      ).token;
    bearers.admin = await tokenFor(org.adminId);
    const team = org.unitIds.at(-1)!;
    bearers.member = await tokenFor(org.peopleByUnit.get(team)!.at(-1)!);
  }, 120_000);
  afterAll(() => api.dispose());

  async function all(who: 'admin' | 'member', query: string, limit: number): Promise<Listed[]> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const answer = await api.call(
        'GET',
        `/api/v1/objectives?cycle=${org.activeCycleId}&limit=${limit}${query}${after}`,
        {
          as: { bearer: bearers[who] },
        },
      );
      expect(answer.status).toBe(200);
      items.push(...(answer.body.items as Listed[]));
      cursor = answer.body.nextCursor;
    } while (cursor !== null);
    return items;
  }

  it.each(['admin', 'member'] as const)(
    'as the %s: the same objectives, fields and numbers to the last digit, KRs without children',
    async (who) => {
      const full = await all(who, '', 500);
      const summary = await all(who, '&view=summary', 500);
      expect(full.length).toBeGreaterThan(0);
      expect(summary.map((o) => o.id)).toEqual(full.map((o) => o.id));
      let aligned = 0;
      let withChildren = 0;
      for (const [i, o] of full.entries()) {
        const lean = summary[i]!;
        const { keyResults, ...fields } = o;
        const { keyResults: leanKeyResults, ...leanFields } = lean;
        expect(leanFields).toEqual(fields);
        expect(leanKeyResults.map((k) => k.id)).toEqual(keyResults.map((k) => k.id));
        for (const [j, kr] of keyResults.entries()) {
          const { children, hiddenChildren: _h, hiddenSummary: _s, ...rest } = kr;
          expect(leanKeyResults[j]).toEqual(rest);
          expect(leanKeyResults[j]).not.toHaveProperty('children');
          if (kr.progressSource === 'aligned') aligned++;
          if ((children as unknown[]).length > 0) withChildren++;
        }
      }
      // The organisation exercises what the summary skips and what it must still read.
      expect(aligned).toBeGreaterThan(0);
      expect(withChildren).toBeGreaterThan(aligned);
      expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(full).length);
    },
  );

  it('every page, small or large, gives every objective once', async () => {
    const whole = (await all('admin', '&view=summary', 500)).map((o) => o.id);
    for (const limit of [1, 3, 7])
      expect((await all('admin', '&view=summary', limit)).map((o) => o.id)).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
    expect(whole.length).toBe(ORG_SIZES.tiny.objectives);
  });

  it('an unknown view is a 400 naming it', async () => {
    const answer = await api.call('GET', `/api/v1/objectives?cycle=${org.activeCycleId}&view=lean`, {
      as: { bearer: bearers.admin },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body.error)).toContain('view');
  });
});
