import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDemo } from './demo';
import { runExport } from './export';
import { runImport } from './import';

const AT = Date.UTC(2026, 10, 20);

describe('tandem import', () => {
  let folder: string;
  let database: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-import-'));
    database = path.join(folder, 'tandem.db');
    await runDemo({ size: 'small', database, at: AT });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const run = async (paths: string[], options: Parameters<typeof runImport>[1]) => {
    let out = '';
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const code = await runImport(paths, options, (t) => (out += t));
      return { code, out, err: spy.mock.calls.map((c) => c.join(' ')).join('\n') };
    } finally {
      spy.mockRestore();
    }
  };

  it('re-imports its own export unchanged, then applies an edit in place', async () => {
    const file = path.join(folder, 'q4.yaml');
    expect(await runExport({ cycle: '2026-Q4', database, output: file }, () => {})).toBe(0);
    const dry = await run([file], { database, dryRun: true });
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(
      /^would import into 2026-Q4: 0 to create, 0 to update, \d+ unchanged, 0 check-in\(s\) to add$/m,
    );
    const text = readFileSync(file, 'utf8');
    const title = /title: (Reduce [^\n]+)/.exec(text)![1]!;
    writeFileSync(file, text.replace(title, `${title} (revised)`));
    const applied = await run([file], { database });
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(`update key result`);
    expect(applied.out).toContain(`${title} (revised) (title)`);
    expect(applied.out).toMatch(
      /^imported into 2026-Q4: 0 created, 1 updated, \d+ unchanged, 0 check-in\(s\) added$/m,
    );
    const json = await run([file], { database, json: true });
    expect(JSON.parse(json.out).summary).toMatchObject({ create: 0, update: 0 });
  });

  it('reads folders, and says what is wrong: 1 for what the workspace lacks, 2 for a malformed file', async () => {
    const dir = path.join(folder, 'goals');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'team.yaml'),
      'version: 1\ncycle: 2026-Q4\nobjectives:\n  - key: calm\n    title: Make support calm for every customer\n    lead: nobody@northwind.test\n',
    );
    const missing = await run([dir], { database });
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(
      /team\.yaml:6:\d+: objectives\[0\]\.lead: no person nobody@northwind\.test in this workspace/,
    );
    expect(missing.out).toMatch(/^not imported: 1 problem\(s\); nothing was written$/m);
    const created = await run([dir], { database, createMissing: true, dryRun: true });
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^create person nobody@northwind\.test/m);
    writeFileSync(path.join(dir, 'broken.yaml'), 'version: 1\ncycle: 2026-Q4\nobjectives: [\n');
    const broken = await run([dir], { database });
    expect(broken.code).toBe(2);
    expect(broken.out).toMatch(/broken\.yaml:\d+:\d+: .*YAML/);
    const none = await run([path.join(folder, 'nothing.yaml')], { database });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/nothing\.yaml.*no such file/);
  });

  it('--skip-invalid imports the valid rows, lists the skipped ones with file:row:column, and exits 0', async () => {
    const file = path.join(folder, 'sheet.csv');
    writeFileSync(
      file,
      [
        'Objective,Key Result,Owner,Start,Target,Current',
        'Answer every ticket in a day,Cut first reply time from 30 to 8 hours,maria@northwind.test,30,8,20',
        ',Raise CSAT from 80 to 95,maria@northwind.test,80,ninety-five,85',
        ',Close stale tickets from 400 to 50,ghost@northwind.test,400,50,',
        '',
      ].join('\n'),
    );
    const refused = await run([file], { database, cycle: '2026-Q4' });
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/^not imported: 1 problem\(s\); nothing was written$/m);
    const dry = await run([file], { database, cycle: '2026-Q4', skipInvalid: true, dryRun: true });
    expect(dry.code).toBe(0);
    expect(dry.out.split('\n').filter((l) => l.startsWith('skipped'))).toEqual([
      `skipped ${file}:3:5: Target: "ninety-five" is not a number`,
      `skipped ${file}:4:3: objectives[0].key_results[1].owner: no person ghost@northwind.test in this workspace (import with createMissing, --create-missing, to add them)`,
    ]);
    expect(dry.out).toMatch(
      /^would import into 2026-Q4: 2 to create, .*; 2 row\(s\) with problems to skip$/m,
    );
    const applied = await run([file], { database, cycle: '2026-Q4', skipInvalid: true });
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/^imported into 2026-Q4: 2 created, .*; 2 row\(s\) with problems skipped$/m);
    const again = await run([file], { database, cycle: '2026-Q4', skipInvalid: true, json: true });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).summary).toMatchObject({ create: 0, update: 0, unchanged: 2, skipped: 2 });
  });
});
