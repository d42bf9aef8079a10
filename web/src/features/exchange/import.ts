/**
 * The import screen's pure parts, tested without a browser: reading chosen files into the body
 * of `POST /api/v1/imports` (goals files and CSV as text, workbooks as base64), the problems a
 * refused import answers (a 400 whose error envelope carries `details.problems`), and the preview
 * grouped by what would happen to each thing.
 */

import type { Schema } from '../../api/client';
import { ApiError } from '../../api/errors';

export type ImportResult = Schema<'ImportResult'>;
export type ImportProblem = ImportResult['problems'][number];
export type ImportItem = ImportResult['items'][number];
export type SkippedRow = ImportResult['skipped'][number];
export type ImportFile = { name: string; text: string } | { name: string; base64: string };

/** The files the screen accepts, for the file input's `accept`. */
export const ACCEPT = '.yaml,.yml,.csv,.xlsx';

/** How a file is sent: text for goals files and CSV, base64 for workbooks; null when not importable. */
export function fileKind(name: string): 'text' | 'base64' | null {
  const lower = name.toLowerCase();
  if (/\.(ya?ml|csv)$/.test(lower)) return 'text';
  if (/\.(xlsx|xls|ods)$/.test(lower)) return 'base64';
  return null;
}

/** Bytes as base64, in chunks (a large workbook would overflow `String.fromCharCode(...all)`). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** What a browser `File` offers that reading needs (so tests can pass a plain object). */
export interface ReadableFile {
  name: string;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The chosen files as the import's `files`, and the names of those it cannot import. */
export async function readImportFiles(
  files: readonly ReadableFile[],
): Promise<{ files: ImportFile[]; skipped: string[] }> {
  const out: ImportFile[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const kind = fileKind(file.name);
    if (kind === 'text') out.push({ name: file.name, text: await file.text() });
    else if (kind === 'base64')
      out.push({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
    else skipped.push(file.name);
  }
  return { files: out, skipped };
}

/** The problems of a refused import (its 400's `details.problems`), or null for any other error. */
export function problemsOf(error: unknown): ImportProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation') return null;
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return null;
  return problems.filter(
    (p): p is ImportProblem =>
      typeof p === 'object' && p !== null && typeof (p as ImportProblem).message === 'string',
  );
}

/** Words for the type of a thing imported. */
export const TYPE_LABEL: Record<ImportItem['type'], string> = {
  cycle: 'Cycle',
  person: 'Person',
  unit: 'Unit',
  objective: 'Objective',
  key_result: 'Key result',
  smart_goal: 'SMART goal',
};

const ACTIONS = [
  { action: 'create', label: 'Would be created', done: 'Created' },
  { action: 'update', label: 'Would be updated', done: 'Updated' },
  { action: 'unchanged', label: 'Left alone', done: 'Left alone' },
] as const;

/** The preview grouped by action (created, updated, left alone), empty groups left out, file order kept. */
export function groupByAction(
  items: readonly ImportItem[],
): { action: ImportItem['action']; label: string; done: string; items: ImportItem[] }[] {
  return ACTIONS.map((a) => ({ ...a, items: items.filter((i) => i.action === a.action) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The line (a spreadsheet's row) and column of a problem, a dash where it has none (0). */
export function placeOf(problem: ImportProblem): { line: string; column: string } {
  return {
    line: problem.line > 0 ? String(problem.line) : '–',
    column: problem.column > 0 ? String(problem.column) : '–',
  };
}

/** The goals an import holds (objectives, key results, SMART goals; not the cycle, people or units it creates). */
export function goalCount(result: ImportResult): number {
  return result.items.filter(
    (i) => i.type === 'objective' || i.type === 'key_result' || i.type === 'smart_goal',
  ).length;
}

/** The words of the button that imports the valid goals and skips the bad rows. */
export function skipLabel(result: ImportResult): string {
  const goals = goalCount(result);
  const rows = result.summary.skipped;
  return `Import the ${goals} valid goal${goals === 1 ? '' : 's'}, skip ${rows} row${rows === 1 ? '' : 's'}`;
}
