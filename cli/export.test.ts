import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluateOrganisation } from '../core/evaluate';
import { readSpreadsheet } from '../core/exchange/spreadsheet';
import { buildOrganisation } from '../core/goals-file/model';
import { formatProblem, parseGoalsFile, parseGoalsStream } from '../core/goals-file/parse';
import { loadConfig } from '../server/config/config';
import { type RunningServer, startServer } from '../server/http/server';
import { localActor, openLocalServices } from '../server/services/local';
import { readWorkbook } from '../server/services/spreadsheet-files';
import { runDemo } from './demo';
import { defaultDatabase, runExport } from './export';

const AT = Date.UTC(2026, 10, 20);

describe('tandem export', () => {
  let folder: string;
  let database: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-export-'));
    database = path.join(folder, 'tandem.db');
    await runDemo({ size: 'small', database, at: AT });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const errors = () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    return {
      text: () => spy.mock.calls.map((c) => c.join(' ')).join('\n'),
      restore: () => spy.mockRestore(),
    };
  };

  it('writes a goals file of the demo organisation that reads back and scores', async () => {
    const output = path.join(folder, 'q4.yaml');
    expect(await runExport({ cycle: '2026-Q4', database, output }, () => {})).toBe(0);
    const parsed = parseGoalsFile(readFileSync(output, 'utf8'), output);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    const built = buildOrganisation([parsed.parsed], { now: AT });
    if (!built.ok) throw new Error(built.problems.map(formatProblem).join('\n'));
    expect(built.org.objectives.length).toBeGreaterThanOrEqual(5);
    expect(built.org.smartGoals.length).toBeGreaterThanOrEqual(5);
    const checkins = built.org.objectives
      .flatMap((o) => o.keyResults)
      .reduce((n, kr) => n + kr.checkins.length, 0);
    expect(checkins).toBeGreaterThan(20);
    expect(evaluateOrganisation(built.org, AT).every((e) => e.key.length > 0)).toBe(true);
  });

  it('prints CSV and Markdown to standard output, the format taken from the extension or --format', async () => {
    let csv = '';
    expect(await runExport({ cycle: '2026-Q4', database, format: 'csv' }, (t) => (csv += t))).toBe(0);
    expect(csv.split('\r\n')[0]).toMatch(/^Type,Key,Objective key,Objective,Title,Team,Owner/);
    const md = path.join(folder, 'q4.md');
    expect(await runExport({ cycle: '2026-Q4', database, output: md }, () => {})).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Northwind: 2026-Q4\n/);
  });

  it('writes a workbook that tandem import reads back (the format from the .xlsx extension)', async () => {
    const output = path.join(folder, 'q4.xlsx');
    expect(await runExport({ cycle: '2026-Q4', database, output }, () => {})).toBe(0);
    const { sheets } = readWorkbook(readFileSync(output));
    expect(sheets.map((s) => s.name)).toEqual(['2026-Q4']);
    expect(sheets[0]!.rows[0]!.slice(0, 5)).toEqual(['Type', 'Key', 'Objective key', 'Objective', 'Title']);
    const read = readSpreadsheet(output, sheets, { cycle: '2026-Q4' });
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join('\n'));
    expect(read.parsed.content.objectives!.length).toBeGreaterThanOrEqual(5);
  });

  it('exports every cycle with --all: a stream of goals files that tandem import reads back', async () => {
    const output = path.join(folder, 'all.yaml');
    expect(await runExport({ all: true, database, output }, () => {})).toBe(0);
    const text = readFileSync(output, 'utf8');
    const result = parseGoalsStream(text, output);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.parsed.length).toBeGreaterThanOrEqual(2);
    expect(result.parsed.map((p) => p.content.cycle)).toContain('2026-Q4');
    let csv = '';
    expect(
      await runExport({ all: true, database, format: 'csv', unit: 'Engineering' }, (t) => (csv += t)),
    ).toBe(0);
    expect(csv.split('\r\n')[0]).toMatch(/^Cycle,Type,Key,/);
    const log = errors();
    try {
      expect(await runExport({ all: true, cycle: '2026-Q4', database }, () => {})).toBe(2);
      expect(await runExport({ database }, () => {})).toBe(2);
      expect(log.text()).toMatch(/--cycle NAME \(one cycle\) or --all \(every cycle\), not both/);
      expect(log.text()).toMatch(/name what to export: --cycle NAME/);
    } finally {
      log.restore();
    }
  });

  it('says what is wrong, with exit code 2', async () => {
    const log = errors();
    try {
      expect(await runExport({ cycle: '2031-Q1', database }, () => {})).toBe(2);
      expect(await runExport({ cycle: '2026-Q4', database, format: 'pdf' }, () => {})).toBe(2);
      expect(await runExport({ cycle: '2026-Q4', database, as: 'nobody@example.com' }, () => {})).toBe(2);
      expect(await runExport({ cycle: '2026-Q4', server: 'http://127.0.0.1:9' }, () => {})).toBe(2);
      expect(await runExport({ cycle: '2026-Q4', server: 'not a url', token: 't' }, () => {})).toBe(2);
      expect(log.text()).toMatch(/cycle 2031-Q1 not found/);
      expect(log.text()).toMatch(/--format: "pdf" is not one of yaml, csv, xlsx, md/);
      expect(log.text()).toMatch(/no person nobody@example.com/);
      expect(log.text()).toMatch(/needs a token/);
      expect(log.text()).toMatch(/--server: "not a url" is not a URL/);
    } finally {
      log.restore();
    }
  });

  it('uses the database tandem serve uses by default', () => {
    expect(defaultDatabase({})).toBe(path.join('data', 'tandem.db'));
    expect(defaultDatabase({ TANDEM_DATA_DIR: '/srv/t' })).toBe('/srv/t/tandem.db');
    expect(defaultDatabase({ DATABASE_URL: 'postgres://x@h/db' })).toBe('postgres://x@h/db');
  });

  describe('through a running server', () => {
    let server: RunningServer;
    let token: string;
    beforeAll(async () => {
      server = await startServer(loadConfig({ DATABASE_URL: database, PORT: '0', LOG_LEVEL: 'silent' }));
      const local = await openLocalServices(database);
      try {
        const { TokenService } = await import('../server/auth/token.service');
        const { serviceDeps } = await import('../server/services/context');
        const actor = await localActor(local.db, {});
        const tokens = new TokenService(serviceDeps(local.db));
        token = (await tokens.create(actor, { name: 'export test' })).token;
      } finally {
        await local.close();
      }
    });
    afterAll(() => server.close());

    it('exports the same document as from the database', async () => {
      let remote = '';
      let local = '';
      expect(
        await runExport({ cycle: '2026-Q4', server: server.url, token, format: 'md' }, (t) => (remote += t)),
      ).toBe(0);
      expect(await runExport({ cycle: '2026-Q4', database, format: 'md' }, (t) => (local += t))).toBe(0);
      expect(remote.length).toBeGreaterThan(500);
      // Numbers are as of each call's moment; the goals and their order are the same.
      const titles = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));
      expect(titles(remote)).toEqual(titles(local));
    });
  });
});
