import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFrom, type TestApi, testApi } from '../../../../server/app/test-client';
import { makeClient, setCsrfToken } from '../../api/client';
import { type CoachContext, coachObjective, coachSmartGoal } from './coach-run';
import {
  emptyMeasure,
  measureOf,
  newKeyResult,
  type ObjectiveDraft,
  parentOfLink,
  type SmartGoalDraft,
} from './draft';
import { publishBlock } from './editor-context';
import { saveObjective, saveSmartGoal } from './save';

/**
 * The editors' logic against the real Hono app in-process (no port, no mock): what a draft saves,
 * what publishing changes, and the coach on the drafts as the form builds them.
 */

let t: TestApi;
let client: ReturnType<typeof makeClient>;
let me: string;
let cycleId: string;
let unitId: string;
let ctx: CoachContext;

beforeAll(async () => {
  t = await testApi('sqlite');
  const signup = await t.call('POST', '/api/v1/auth/signup', {
    body: { email: 'ana@acme.test', password: 'correct horse battery', name: 'Ana', workspaceName: 'Acme' },
  });
  const session = sessionFrom(signup);
  me = signup.body.person.id;
  const as = { as: session };
  const cycle = await t.call('POST', '/api/v1/cycles', { ...as, body: { name: '2026-Q4', state: 'active' } });
  cycleId = cycle.body.id;
  unitId = (await t.call('POST', '/api/v1/units', { ...as, body: { name: 'Acme' } })).body.id;
  await t.call('PUT', `/api/v1/units/${unitId}/members/${me}`, { ...as, body: { isLead: true } });
  setCsrfToken(session.csrf);
  client = makeClient({
    baseUrl: 'http://tandem.test',
    // openapi-fetch hands over a Request; the session cookie is added as a browser would.
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const headers = new Headers(request.headers);
      headers.set('Cookie', `tandem_session=${session.cookie}`);
      return t.app.fetch(new Request(request, { headers }));
    }) as typeof fetch,
  });
  ctx = {
    timeZone: 'UTC',
    cycle: { name: '2026-Q4', startDate: '2026-10-01', endDate: '2026-12-31' },
    units: [{ id: unitId, parentId: null }],
    severities: {},
    now: Date.UTC(2026, 9, 15),
  };
});
afterAll(() => t.dispose());

const objectiveDraft = (patch: Partial<ObjectiveDraft> = {}): ObjectiveDraft => ({
  cycleId,
  title: 'Make onboarding effortless for 500 new teams',
  description: '',
  kind: '',
  unitId,
  leadId: me,
  visibility: 'workspace',
  parent: null,
  keyResults: [
    {
      ...newKeyResult(me),
      title: 'Reduce activation rate',
      measure: { ...emptyMeasure(), type: 'increase', start: '35', target: '50', unit: '%' },
    },
    {
      ...newKeyResult(me),
      title: 'Cut time to first value',
      measure: { ...emptyMeasure(), type: 'decrease', start: '9' },
    },
  ],
  ...patch,
});

describe('measureOf reads a measure draft with core/measure', () => {
  it.each([
    [
      { type: 'increase', start: '1,000', target: '2000' },
      { type: 'increase', start: 1000, target: 2000 },
    ],
    [
      { type: 'at_most', threshold: '4', unit: 'h' },
      { type: 'at_most', threshold: 4, unit: 'h' },
    ],
    [
      { type: 'between', low: '2', high: '5' },
      { type: 'between', low: 2, high: 5 },
    ],
    [
      { type: 'milestones', milestones: 'Design\nBuild | 2\n\n' },
      { type: 'milestones', milestones: ['Design', { name: 'Build', weight: 2 }] },
    ],
    [{ type: 'boolean' }, { type: 'boolean' }],
  ] as const)('%j', (fields, expected) => {
    expect(measureOf({ ...emptyMeasure(), ...fields }).measure).toEqual(expected);
  });

  it('names what is missing, and what is wrong by field', () => {
    expect(measureOf(emptyMeasure())).toEqual({ measure: null, missing: ['measure'], problems: {} });
    expect(measureOf({ ...emptyMeasure(), type: 'decrease', start: '9' }).missing).toEqual([
      'measure.target',
    ]);
    expect(
      measureOf({ ...emptyMeasure(), type: 'decrease', start: '5', target: '8' }).problems.target,
    ).toMatch(/below start/);
    expect(measureOf({ ...emptyMeasure(), type: 'increase', start: 'abc', target: '8' }).problems.start).toBe(
      'not a number',
    );
  });
});

describe('the coach on a draft as the form builds it', () => {
  it('places findings on their fields, with a wording to use where the rule gives one', () => {
    const draft = objectiveDraft();
    const findings = coachObjective(draft, ctx);
    const byRule = new Map(findings.map((f) => [f.rule, f]));
    expect(byRule.get('objective-has-metric')).toMatchObject({
      target: 'objective',
      field: 'title',
      wording: 'Make onboarding effortless for new teams',
    });
    expect(byRule.get('objective-kind-missing')).toMatchObject({ field: 'kind' });
    expect(byRule.get('kr-direction-conflict')).toMatchObject({
      target: draft.keyResults[0]!.key,
      severity: 'error',
      wording: 'Raise activation rate from 35% to 50%',
    });
    expect(
      findings.find((f) => f.target === draft.keyResults[1]!.key && f.field === 'measure'),
    ).toBeDefined();
  });

  it("follows the workspace's severities (a rule switched off never shows)", () => {
    const findings = coachObjective(objectiveDraft(), {
      ...ctx,
      severities: { 'objective-has-metric': 'off' },
    });
    expect(findings.map((f) => f.rule)).not.toContain('objective-has-metric');
  });

  it('blocks publishing on errors only where the workspace says so', () => {
    const findings = coachObjective(objectiveDraft(), ctx);
    expect(publishBlock(findings, false)).toBeUndefined();
    expect(publishBlock(findings, true)).toMatch(/error/);
  });

  it('flags a SMART goal that supports nothing on its parent field', () => {
    const draft: SmartGoalDraft = {
      cycleId,
      title: 'Write the onboarding runbook',
      definitionOfDone: 'Reviewed by support',
      ownerId: me,
      unitId: '',
      measure: { ...emptyMeasure(), type: 'boolean' },
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      achievability: '',
      visibility: 'workspace',
      cadence: '',
      parent: null,
    };
    expect(coachSmartGoal(draft, ctx).find((f) => f.rule === 'smart-not-relevant')?.field).toBe('parent');
  });
});

describe('saving through the API', () => {
  it('saves a draft without a kind and with an unfinished measure, then publishes it', async () => {
    const draft = objectiveDraft();
    const saved = await saveObjective(client, draft, { publish: false, me });
    const read = async () => {
      const { data } = await client.GET('/api/v1/objectives/{id}', { params: { path: { id: saved.id } } });
      return data!;
    };
    const first = await read();
    expect(first).toMatchObject({ state: 'draft', kind: null });
    expect(first.keyResults.map((kr) => kr.measure)).toEqual([
      { type: 'increase', start: 35, target: 50, unit: '%' },
      null,
    ]);

    const edited: ObjectiveDraft = {
      ...draft,
      id: saved.id,
      version: first.version,
      kind: 'committed',
      title: 'Make onboarding effortless for new teams',
      keyResults: [
        {
          ...draft.keyResults[0]!,
          id: first.keyResults[0]!.id,
          version: first.keyResults[0]!.version,
          title: 'Raise activation rate from 35% to 50%',
        },
      ],
    };
    await saveObjective(client, edited, { publish: true, me, removed: [first.keyResults[1]!.id] });
    const second = await read();
    expect(second).toMatchObject({
      state: 'active',
      kind: 'committed',
      title: 'Make onboarding effortless for new teams',
    });
    expect(second.keyResults.map((kr) => kr.title)).toEqual(['Raise activation rate from 35% to 50%']);
    expect(second.version).toBeGreaterThan(first.version);
  });

  it('a stale version is refused (409), nothing half-written', async () => {
    const saved = await saveObjective(client, objectiveDraft({ kind: 'aspirational' }), {
      publish: true,
      me,
    });
    const draft = objectiveDraft({ id: saved.id, version: 99, keyResults: [] });
    await expect(saveObjective(client, draft, { publish: true, me })).rejects.toMatchObject({ status: 409 });
  });

  it('creates a SMART goal supporting a KR, and moves the link when the parent changes', async () => {
    const objective = await saveObjective(client, objectiveDraft({ kind: 'committed' }), {
      publish: true,
      me,
    });
    const { data: o } = await client.GET('/api/v1/objectives/{id}', {
      params: { path: { id: objective.id } },
    });
    const [a, b] = o!.keyResults;
    const draft: SmartGoalDraft = {
      cycleId,
      title: 'Cut the signup form from 9 fields to 4',
      definitionOfDone: 'Live for every new workspace',
      ownerId: me,
      unitId: '',
      measure: { ...emptyMeasure(), type: 'decrease', start: '9', target: '4', unit: 'fields' },
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      achievability: '',
      visibility: 'workspace',
      cadence: 'biweekly',
      parent: { type: 'key_result', id: a!.id, title: a!.title },
    };
    const saved = await saveSmartGoal(client, draft);
    const read = async () =>
      (await client.GET('/api/v1/smart-goals/{id}', { params: { path: { id: saved.id } } })).data!;
    const first = await read();
    expect(first).toMatchObject({
      cadence: 'biweekly',
      measure: { type: 'decrease', start: 9, target: 4, unit: 'fields' },
    });
    expect(first.supports.map((s) => s.parentId)).toEqual([a!.id]);
    await saveSmartGoal(
      client,
      {
        ...draft,
        id: saved.id,
        version: first.version,
        parent: { type: 'key_result', id: b!.id, title: b!.title },
      },
      { previousParent: draft.parent },
    );
    expect((await read()).supports.map((s) => s.parentId)).toEqual([b!.id]);
  });
});

describe('publishing where the coach blocks it (the API gate)', () => {
  const setBlocking = async (on: boolean) => {
    const { data: ws } = await client.GET('/api/v1/workspace');
    await client.PATCH('/api/v1/workspace/settings', {
      body: { version: ws!.version, settings: { coachBlocksPublishing: on } },
    });
  };
  afterAll(() => setBlocking(false));

  it('keeps the draft with its KRs and answers the blocking findings; a draft always saves', async () => {
    await setBlocking(true);
    // "Reduce activation rate" while the target is above the start: kr-direction-conflict, an error.
    const refused = await saveObjective(client, objectiveDraft({ kind: 'aspirational' }), {
      publish: true,
      me,
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409 });
    const details = (refused as { details: { findings: { rule: string; field: string }[] } }).details;
    expect(details.findings).toEqual([
      expect.objectContaining({ rule: 'kr-direction-conflict', field: 'title' }),
    ]);
    const { data: list } = await client.GET('/api/v1/objectives', {
      params: { query: { cycle: cycleId, state: 'draft', limit: 500 } },
    });
    const kept = list!.items.find(
      (o) => o.title === 'Make onboarding effortless for 500 new teams' && o.kind,
    );
    expect(kept).toMatchObject({ state: 'draft' });
    expect(kept!.keyResults).toHaveLength(2);
    const draft = await saveObjective(client, objectiveDraft(), { publish: false, me });
    expect(draft.id).toBeTruthy();
  });
});

describe('parentOfLink titles the parent a stored link names', () => {
  const alignable = [
    { id: 'o1', title: 'Win the mid-market', keyResults: [{ id: 'k1', title: 'Grow ARR from $3M to $5M' }] },
  ];
  it.each([
    [
      { parentType: 'objective', parentId: 'o1' },
      { type: 'objective', id: 'o1', title: 'Win the mid-market' },
    ],
    [
      { parentType: 'key_result', parentId: 'k1' },
      { type: 'key_result', id: 'k1', title: 'Grow ARR from $3M to $5M' },
    ],
    // A parent the viewer cannot align to (or see) keeps its id, untitled.
    [
      { parentType: 'key_result', parentId: 'k9' },
      { type: 'key_result', id: 'k9', title: '' },
    ],
  ] as const)('%o', (link, expected) => {
    expect(parentOfLink(alignable, link)).toEqual(expected);
  });
});
