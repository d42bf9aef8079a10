import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfText } from '../server/test/pdf-text';
import { runDemo } from './demo';
import { runReport } from './report';

const AT = Date.UTC(2026, 10, 20);

describe('tandem report', () => {
  let folder: string;
  let database: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-report-'));
    database = path.join(folder, 'tandem.db');
    await runDemo({ size: 'small', database, at: AT });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the closed cycle as Markdown, and writes HTML and PDF by the extension', async () => {
    let md = '';
    expect(await runReport({ cycle: '2026-Q3', database }, (t) => (md += t))).toBe(0);
    expect(md).toMatch(/^# Northwind: 2026-Q3 report\n/);
    expect(md).toContain('## Distribution of grades');
    expect(md).toMatch(/Ambition index: \d\.\d\d/);
    expect(md).toContain('What we learned:');
    const html = path.join(folder, 'q3.html');
    expect(await runReport({ cycle: '2026-Q3', database, output: html }, () => {})).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
    const pdf = path.join(folder, 'q3.pdf');
    expect(await runReport({ cycle: '2026-Q3', database, output: pdf }, () => {})).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== undefined) {
      expect(text).toContain('Northwind: 2026-Q3 report');
      expect(text).toContain('Lessons and decisions');
    }
  });

  it('says what is wrong, with exit code 2', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runReport({ cycle: '2026-Q4', database }, () => {})).toBe(2);
      expect(await runReport({ cycle: '2031-Q1', database }, () => {})).toBe(2);
      expect(await runReport({ cycle: '2026-Q3', database, format: 'docx' }, () => {})).toBe(2);
      const text = spy.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(text).toMatch(/cycle 2026-Q4 is not closed/);
      expect(text).toMatch(/cycle 2031-Q1 not found/);
      expect(text).toMatch(/--format: "docx" is not one of md, html, pdf/);
    } finally {
      spy.mockRestore();
    }
  });
});
