import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

const fixture = (name: string) =>
  readFileSync(new URL(`../test/spreadsheets/${name}`, import.meta.url), 'utf8');

interface KrView {
  title: string;
  measure: { type: string; start?: number; target?: number; threshold?: number; unit?: string } | null;
  weight: number;
  evaluation: { progress: number | null };
}

describeEachDialect('imports of spreadsheets', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  const post = (files: unknown[], extra: Record<string, unknown> = {}) =>
    api.call('POST', '/api/v1/imports', { as: admin, body: { files, ...extra } });
  const krs = async (): Promise<Map<string, KrView>> => {
    const list = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}`, { as: admin });
    return new Map(
      list.body.items.flatMap((o: { keyResults: KrView[] }) =>
        o.keyResults.map((k) => [k.title, k] as const),
      ),
    );
  };

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    api.clock.set(Date.UTC(2026, 10, 2, 12));
  });
  afterAll(() => api.dispose());

  it('a semicolon CSV with a BOM, decimal commas, percent signs, and KRs below their objective', async () => {
    const res = await post([{ name: 'okrs.csv', text: fixture('okrs-semicolon.csv') }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.cycle).toBe('2026-Q4');
    expect(res.body.summary).toMatchObject({ create: 6, update: 0 });
    const all = await krs();
    expect(all.get('Increase week-one activation from 35 % to 60 %')).toMatchObject({
      measure: { type: 'increase', start: 35, target: 60, unit: '%' },
    });
    expect(all.get('Increase week-one activation from 35 % to 60 %')!.evaluation.progress).toBeCloseTo(
      6.5 / 25,
      12,
    );
    expect(all.get('Reduce time to first value from 12 to 3 days')!.measure).toEqual({
      type: 'decrease',
      start: 12,
      target: 3,
      unit: 'days',
    });
    expect(all.get('Cut support tickets per new account')!.measure).toMatchObject({
      start: 1200,
      target: 800,
    });
    expect(all.get('Keep change failure rate at most 5 %')!.measure).toBeNull();
    const again = await post([{ name: 'okrs.csv', text: fixture('okrs-semicolon.csv') }]);
    expect(again.body.summary).toMatchObject({ create: 0, update: 0, checkIns: 0 });
  });

  it('headers in any case and spacing, currency and thousands, SMART goals with due dates and links', async () => {
    const res = await post([{ name: 'messy.csv', text: fixture('okrs-messy.csv') }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const all = await krs();
    const arr = all.get('Grow mid-market ARR from $1.2M to $2M')!;
    expect(arr.measure).toEqual({ type: 'increase', start: 1_200_000, target: 2_000_000, unit: '$' });
    expect(arr.weight).toBe(2);
    expect(arr.evaluation.progress).toBeCloseTo(150_000 / 800_000, 12);
    const goals = await api.call('GET', `/api/v1/smart-goals?cycle=${org.cycleId}`, { as: admin });
    const pricing = goals.body.items.find(
      (g: { title: string }) => g.title === 'Publish the mid-market pricing page',
    );
    expect(pricing).toMatchObject({ dueDate: '2026-11-30', measure: { type: 'boolean' } });
    const interviews = goals.body.items.find(
      (g: { title: string }) => g.title === 'Run ten customer interviews',
    );
    expect(interviews).toMatchObject({ dueDate: '2026-11-20' });
  });

  it('says exactly which row and column are wrong, and writes nothing', async () => {
    const before = (await krs()).size;
    const res = await post([{ name: 'bad.csv', text: fixture('bad.csv') }]);
    expect(res.status).toBe(400);
    const problems = (
      res.body.error.details.problems as { line: number; column: number; message: string }[]
    ).map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(problems).toEqual([
      '2:5 "lots" is not a number',
      '3:6 "fifty" is not a number',
      '4:2 no title: give the key result or SMART goal a title',
    ]);
    expect((await krs()).size).toBe(before);
  });

  it('an XLSX workbook with several sheets and date cells', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['Objective', 'KR', 'Owner', 'Start', 'Target', 'Current'],
        ['Delight support customers', 'Raise CSAT from 80 to 92', 'member@org.test', 80, 92, 86],
      ]),
      'Support',
    );
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet(
        [
          ['Type', 'Title', 'Owner', 'Due'],
          ['SMART', 'Write the escalation runbook', 'member@org.test', new Date(Date.UTC(2026, 10, 27))],
        ],
        { cellDates: true },
      ),
      'Tasks',
    );
    const base64 = XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
    const res = await post([{ name: 'plan.xlsx', base64 }]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await krs()).get('Raise CSAT from 80 to 92')!.evaluation.progress).toBeCloseTo(0.5, 12);
    const goals = await api.call('GET', `/api/v1/smart-goals?cycle=${org.cycleId}`, { as: admin });
    expect(
      goals.body.items.find((g: { title: string }) => g.title === 'Write the escalation runbook'),
    ).toMatchObject({
      dueDate: '2026-11-27',
    });
    const broken = await post([
      { name: 'broken.xlsx', base64: Buffer.from('not a workbook').toString('base64') },
    ]);
    expect(broken.status).toBe(400);
  });
});
