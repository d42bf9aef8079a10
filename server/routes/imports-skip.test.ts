import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

const CSV = readFileSync(new URL('../test/spreadsheets/skip.csv', import.meta.url), 'utf8');

/** A goals file whose objective names a unit the workspace lacks: it, its KRs and a SMART goal aligned to one of them are skipped. */
const YAML = `version: 1
cycle: 2026-Q4
objectives:
  - key: y-good
    title: Keep the lights on
    key_results:
      - key: y-uptime
        title: Keep uptime at least 99.9
        measure: { type: at_least, threshold: 99.9, unit: '%' }
  - key: y-lost
    title: Grow in a unit nobody made
    unit: nowhere
    key_results:
      - key: y-lost-kr
        title: Increase lost things from 0 to 5
        measure: { type: increase, start: 0, target: 5 }
smart_goals:
  - key: y-follow
    title: Follow the lost KR
    supports: y-lost-kr
  - key: y-ok
    title: Write the uptime runbook
    supports: y-uptime
`;

interface Row {
  file: string;
  line: number;
  column: number;
  message: string;
  key?: string;
}

describeEachDialect('imports that skip bad rows', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  const post = (body: Record<string, unknown>) => api.call('POST', '/api/v1/imports', { as: admin, body });
  const titles = async () => {
    const objectives = await api.call('GET', `/api/v1/objectives?cycle=${org.cycleId}`, { as: admin });
    const goals = await api.call('GET', `/api/v1/smart-goals?cycle=${org.cycleId}`, { as: admin });
    return [
      ...objectives.body.items.flatMap((o: { title: string; keyResults: { title: string }[] }) => [
        o.title,
        ...o.keyResults.map((k) => k.title),
      ]),
      ...goals.body.items.map((g: { title: string }) => g.title),
    ].sort();
  };
  const rows = (skipped: Row[]) => skipped.map((s) => `${s.line}:${s.column} ${s.message}`);

  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    api.clock.set(Date.UTC(2026, 10, 2, 12));
  });
  afterAll(() => api.dispose());

  it('without skipInvalid, the same sheet is refused and nothing is written', async () => {
    const before = await titles();
    const res = await post({ files: [{ name: 'skip.csv', text: CSV }] });
    expect(res.status).toBe(400);
    expect(await titles()).toEqual(before);
  });

  it('a dry run with skipInvalid says exactly what the import then does: the valid goals, the rows left out', async () => {
    const before = await titles();
    const dry = await post({ files: [{ name: 'skip.csv', text: CSV }], skipInvalid: true, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(await titles()).toEqual(before);
    expect(rows(dry.body.skipped)).toEqual([
      // A bad KR row skips that KR only.
      '3:9 "forty" is not a number',
      // A bad objective row skips the objective, its KR on the same row, and the KRs below it.
      '5:7 "sometimes" is neither committed nor aspirational',
      '6:2 its objective "Reach the moon" is skipped (row 5), so this row is too',
      // An unknown owner skips the KR that names them.
      '4:5 no person nobody@org.test in this workspace (import with createMissing, --create-missing, to add them)',
      // A SMART goal aligned to a skipped KR is skipped too.
      '8:11 it aligns to "ent-nps", which is skipped, so it is skipped too',
    ]);
    expect(dry.body.skipped.map((s: Row) => s.file)).toEqual(Array(5).fill('skip.csv'));
    expect(dry.body.summary).toMatchObject({ create: 5, update: 0, unchanged: 0, skipped: 5 });
    const real = await post({ files: [{ name: 'skip.csv', text: CSV }], skipInvalid: true });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect(real.body.isApplied).toBe(true);
    expect(real.body.problems).toEqual([]);
    expect(real.body.skipped).toEqual(dry.body.skipped);
    expect(real.body.summary).toEqual(dry.body.summary);
    expect(real.body.items).toEqual(dry.body.items);
    expect(await titles()).toEqual(
      [
        ...before,
        'Win enterprise customers',
        'Sign 10 enterprise logos',
        'Grow the community',
        'Grow forum members from 100 to 500',
        'Host a meetup',
      ].sort(),
    );
  });

  it('is idempotent: the same file again changes nothing and skips the same rows', async () => {
    const first = await post({ files: [{ name: 'skip.csv', text: CSV }], skipInvalid: true, dryRun: true });
    const again = await post({ files: [{ name: 'skip.csv', text: CSV }], skipInvalid: true });
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({ create: 0, update: 0, unchanged: 5, checkIns: 0, skipped: 5 });
    expect(again.body.skipped).toEqual(first.body.skipped);
  });

  it('once fixed, the skipped rows import, keyed as they would have been', async () => {
    const fixed = CSV.replace('forty', '40').replace('nobody@org.test', 'lead@org.test');
    const res = await post({ files: [{ name: 'skip.csv', text: fixed }], skipInvalid: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(
      res.body.items
        .filter((i: { action: string }) => i.action === 'create')
        .map((i: { key: string }) => i.key),
    ).toEqual(['ent-nps', 'ent-churn', 'nps-survey']);
    expect(rows(res.body.skipped)).toEqual([
      '5:7 "sometimes" is neither committed nor aspirational',
      '6:2 its objective "Reach the moon" is skipped (row 5), so this row is too',
    ]);
  });

  it('goals files: an objective the workspace cannot hold is skipped with its KRs and what aligns to them', async () => {
    const res = await post({ files: [{ name: 'goals.yaml', text: YAML }], skipInvalid: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.skipped.map((s: Row) => `${s.file}:${s.line} ${s.key} ${s.message}`)).toEqual([
      'goals.yaml:12 y-lost no unit "nowhere" in this workspace (import with createMissing, --create-missing, to add it)',
      'goals.yaml:14 y-lost-kr its objective "Grow in a unit nobody made" is skipped, so this key result is too',
      'goals.yaml:20 y-follow it aligns to "y-lost-kr", which is skipped, so it is skipped too',
    ]);
    expect(res.body.summary).toMatchObject({ create: 3, skipped: 3 });
    expect(await titles()).toEqual(
      expect.arrayContaining(['Keep the lights on', 'Write the uptime runbook']),
    );
    expect(await titles()).not.toContain('Follow the lost KR');
  });

  it('a problem of no row still stops the whole import', async () => {
    const res = await post({
      files: [{ name: 'skip.csv', text: CSV }],
      cycle: 'no-such-cycle',
      skipInvalid: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems[0].message).toMatch(/no-such-cycle/);
  });
});
