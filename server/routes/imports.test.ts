import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { actorFor } from '../test/scenario';

const FILE = `version: 1
cycle: 2026-Q4
units:
  - key: company
    name: Org
  - key: platform
    name: Platform
    parent: company
    leads: [lead@org.test]
objectives:
  - key: fast-reviews
    title: Make code review fast and friendly
    unit: platform
    lead: lead@org.test
    kind: committed
    aligns_to: { key: team-goals-land, weight: 2 }
    key_results:
      - key: review-wait
        title: Reduce review wait from 48 to 12 hours
        measure: { type: decrease, start: 48, target: 12, unit: h }
        owner: member@org.test
        checkins:
          - { at: 2026-10-12, value: 40, confidence: 6, note: first week }
          - { at: 2026-10-26, value: 30 }
      - key: review-docs
        title: Publish the review guide
        measure: { type: milestones, milestones: [Draft, Review, Publish] }
        checkins: [{ at: 2026-10-20, done: [draft] }]
smart_goals:
  - key: bot
    title: Ship a review reminder bot to every repository
    owner: member@org.test
    supports: review-wait
    measure: { type: boolean }
    due: 2026-11-30
`;

describeEachDialect('imports of goals files', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  const as: Record<string, { bearer: string }> = {};
  const count = async (table: 'objectives' | 'keyResults' | 'smartGoals' | 'checkIns' | 'events') =>
    Number(
      (
        await api.deps.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspaceId', '=', org.workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (body: unknown, who = 'admin') => api.call('POST', '/api/v1/imports', { as: as[who], body });

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    for (const who of ['admin', 'member', 'viewer'] as const) as[who] = await api.tokenFor(org[who]);
    api.clock.set(Date.UTC(2026, 10, 2));
  });
  afterAll(() => api.dispose());

  it('reports every problem with its place and writes nothing', async () => {
    const before = await count('objectives');
    const broken = await post({
      files: [
        { name: 'bad.yaml', text: 'version: 1\ncycle: 2026-Q4\nobjectives:\n  - key: a\n    titel: x\n' },
      ],
    });
    expect(broken.status).toBe(400);
    const where = broken.body.error.details.problems.map(
      (p: { file: string; line: number; path: string; message: string }) =>
        `${p.file}:${p.line} ${p.path}: ${p.message}`,
    );
    expect(where.join('\n')).toMatch(/^bad\.yaml:4 objectives\[0\]\.title: /m);
    expect(where.join('\n')).toMatch(/^bad\.yaml:\d+ objectives\[0\].*titel/m);
    const unknown = await post({
      files: [
        {
          name: 'goals.yaml',
          text: FILE.replace(
            'owner: member@org.test\n        checkins',
            'owner: nobody@org.test\n        checkins',
          ),
        },
      ],
    });
    expect(unknown.status).toBe(400);
    const problems = unknown.body.error.details.problems as { message: string; line: number; path: string }[];
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no person nobody@org\.test in this workspace/),
        expect.stringMatching(/^no unit "Platform" in this workspace/),
      ]),
    );
    expect(problems.find((p) => p.message.startsWith('no person'))!.line).toBeGreaterThan(10);
    expect(await count('objectives')).toBe(before);
  });

  it('plans, then imports, in one go: goals, alignment, history and events with source import', async () => {
    const files = [{ name: 'goals.yaml', text: FILE }];
    const plan = await post({ files, dryRun: true, createMissing: true });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ isDryRun: true, isApplied: false, cycle: '2026-Q4' });
    expect(plan.body.summary).toEqual({ create: 5, update: 0, unchanged: 0, checkIns: 3, skipped: 0 });
    expect(await count('objectives')).toBe(1);
    const done = await post({ files, createMissing: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ isApplied: true, summary: { create: 5, checkIns: 3 } });
    const objectives = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}`, { as: as.admin });
    const fast = objectives.body.items.find(
      (o: { title: string }) => o.title === 'Make code review fast and friendly',
    );
    expect(fast).toMatchObject({ kind: 'committed' });
    const wait = fast.keyResults.find((k: { title: string }) => k.title.startsWith('Reduce review wait'));
    expect(wait.evaluation.progress).toBeCloseTo(18 / 36, 12);
    const docs = fast.keyResults.find((k: { title: string }) => k.title === 'Publish the review guide');
    expect(docs.evaluation.progress).toBeCloseTo(1 / 3, 12);
    const history = await api.call('GET', `/api/v1/check-ins?goalType=key_result&goalId=${wait.id}`, {
      as: as.admin,
    });
    expect(history.body.items.map((c: { source: string }) => c.source)).toEqual(['import', 'import']);
    const aligned = await api.call('GET', `/api/v1/key-results/${org.alignedKrId}`, { as: as.admin });
    expect(aligned.status).toBe(200);
    const events = await api.deps.db.kysely
      .selectFrom('events')
      .select(['source', 'action', 'entityType'])
      .where('workspaceId', '=', org.workspaceId)
      .where('source', '=', 'import')
      .execute();
    expect(events.map((e) => `${e.entityType}.${e.action}`)).toEqual(
      expect.arrayContaining([
        'unit.created',
        'objective.created',
        'key_result.created',
        'key_result.checked_in',
        'objective.aligned',
      ]),
    );
  });

  it('changes nothing when the same file comes again', async () => {
    const files = [{ name: 'goals.yaml', text: FILE }];
    const [checkIns, events] = [await count('checkIns'), await count('events')];
    const again = await post({ files });
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({ create: 0, update: 0, unchanged: 4, checkIns: 0, skipped: 0 });
    expect(await count('checkIns')).toBe(checkIns);
    expect(await count('events')).toBe(events);
  });

  it('updates in place what the file changed, and adds new check-ins', async () => {
    const changed = FILE.replace(
      'Reduce review wait from 48 to 12 hours',
      'Reduce review wait from 48 to 8 hours',
    )
      .replace('target: 12, unit: h', 'target: 8, unit: h')
      .replace(
        '          - { at: 2026-10-26, value: 30 }',
        '          - { at: 2026-10-26, value: 30 }\n          - { at: 2026-11-01, value: 20 }',
      );
    const result = await post({ files: [{ name: 'goals.yaml', text: changed }] });
    expect(result.status).toBe(200);
    expect(result.body.summary).toEqual({ create: 0, update: 1, unchanged: 3, checkIns: 1, skipped: 0 });
    const item = result.body.items.find((i: { key: string }) => i.key === 'review-wait');
    expect(item.changes).toEqual(['title', 'measure', '1 check-in(s)']);
    const objectives = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}`, { as: as.admin });
    const wait = objectives.body.items
      .flatMap((o: { keyResults: { title: string }[] }) => o.keyResults)
      .find((k: { title: string }) => k.title === 'Reduce review wait from 48 to 8 hours');
    expect(wait.version).toBe(2);
    expect(wait.evaluation.progress).toBeCloseTo(28 / 40, 12);
  });

  it('round trip: the export of what was imported imports as unchanged, here and into an empty workspace', async () => {
    const exported = await api.call('GET', '/api/v1/cycles/2026-Q4/export', { as: as.admin });
    expect(exported.status).toBe(200);
    const here = await post({ files: [{ name: 'export.yaml', text: exported.body }] });
    expect(here.status).toBe(200);
    expect(here.body.summary.create).toBe(0);
    expect(here.body.summary.update).toBe(0);

    const s = api.deps.services;
    const other = await s.workspaces.create({
      name: 'Org',
      admin: { email: 'admin@org.test', name: 'Admin' },
    });
    const admin = actorFor(other.workspace.id, other.adminId);
    await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const token = await api.tokenFor(admin);
    const into = await api.call('POST', '/api/v1/imports', {
      as: token,
      body: { files: [{ name: 'export.yaml', text: exported.body }], createMissing: true },
    });
    expect(into.status).toBe(200);
    expect(into.body.isApplied).toBe(true);
    const back = await api.call('GET', '/api/v1/cycles/2026-Q4/export', { as: token });
    const body = (text: string) =>
      text
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n');
    expect(body(back.body)).toEqual(body(exported.body));

    // History: every check-in of every goal, field by field, in both workspaces.
    const history = async (workspaceId: string) => {
      const rows = await api.deps.db.kysely
        .selectFrom('checkIns')
        .innerJoin('goalKeys', 'goalKeys.goalId', 'checkIns.goalId')
        .select([
          'goalKeys.key',
          'checkIns.at',
          'checkIns.value',
          'checkIns.done',
          'checkIns.confidence',
          'checkIns.note',
        ])
        .where('checkIns.workspaceId', '=', workspaceId)
        .execute();
      return rows.sort((a, b) => a.key.localeCompare(b.key) || a.at - b.at);
    };
    const original = await history(org.workspaceId);
    expect(original.length).toBeGreaterThanOrEqual(3);
    expect(original).toContainEqual({
      key: 'review-wait',
      at: Date.UTC(2026, 9, 12),
      value: 40,
      done: null,
      confidence: 6,
      note: 'first week',
    });
    expect(await history(other.workspace.id)).toEqual(original);
  });

  it('round trip through a workbook: goals, values and alignment come back field by field', async () => {
    const exported = await api.app.request('/api/v1/cycles/2026-Q4/export?format=xlsx', {
      headers: { Authorization: `Bearer ${as.admin!.bearer}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(exported.headers.get('content-disposition')).toMatch(/filename="org-2026-q4\.xlsx"$/);
    const bytes = Buffer.from(await exported.arrayBuffer());
    const book = XLSX.read(bytes, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['2026-Q4']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['2026-Q4']!);
    expect(rows.find((r) => r.Key === 'review-wait')).toMatchObject({
      Type: 'key_result',
      Objective: 'Make code review fast and friendly',
      Measure: 'decrease',
      Start: 48,
      Target: 8, // as the test of updates left it
      Unit: 'h',
    });

    const s = api.deps.services;
    const other = await s.workspaces.create({
      name: 'Org',
      admin: { email: 'admin@org.test', name: 'Admin' },
    });
    const admin = actorFor(other.workspace.id, other.adminId);
    await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
    const token = await api.tokenFor(admin);
    const into = await api.call('POST', '/api/v1/imports', {
      as: token,
      body: { files: [{ name: 'export.xlsx', base64: bytes.toString('base64') }], createMissing: true },
    });
    expect(into.status, JSON.stringify(into.body)).toBe(200);
    const csv = async (who: { bearer: string }) => {
      const res = await api.call('GET', '/api/v1/cycles/2026-Q4/export?format=csv', { as: who });
      return (res.body as string).trimEnd().split('\r\n');
    };
    const [before, after] = [await csv(as.admin!), await csv(token)];
    // Every column but the moment of the last check-in (the workbook's current values are as of the import).
    const header = before[0]!.split(',');
    const last = header.indexOf('Last check-in');
    const cut = (lines: string[]) =>
      lines.map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== last)
          .join(','),
      );
    expect(cut(after)).toEqual(cut(before));
  });

  it('imports only what the importer may write', async () => {
    const text = FILE.replace(/key: (fast-reviews|review-wait|review-docs|bot)\b/g, 'key: m-$1').replace(
      'supports: review-wait',
      'supports: m-review-wait',
    );
    const result = await post({ files: [{ name: 'goals.yaml', text }] }, 'viewer');
    expect(result.status).toBe(400);
    expect(result.body.error.details.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^you may not create objective/)]),
    );
  });
});
