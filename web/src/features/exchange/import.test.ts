import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import {
  fileKind,
  groupByAction,
  type ImportItem,
  placeOf,
  problemsOf,
  readImportFiles,
  toBase64,
} from './import';

const file = (name: string, content: string | Uint8Array) => ({
  name,
  text: async () => (typeof content === 'string' ? content : new TextDecoder().decode(content)),
  arrayBuffer: async () =>
    (typeof content === 'string' ? new TextEncoder().encode(content) : content).slice().buffer as ArrayBuffer,
});

describe('reading files for an import', () => {
  it('sends goals files and CSV as text, workbooks as base64, and names what it cannot import', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const read = await readImportFiles([
      file('okrs.CSV', 'Objective,Key Result\nGrow,Win\n'),
      file('goals.yml', 'version: 1\n'),
      file('book.xlsx', bytes),
      file('notes.pdf', '%PDF'),
    ]);
    expect(read.files).toEqual([
      { name: 'okrs.CSV', text: 'Objective,Key Result\nGrow,Win\n' },
      { name: 'goals.yml', text: 'version: 1\n' },
      { name: 'book.xlsx', base64: 'UEsDBP8A' },
    ]);
    expect(read.skipped).toEqual(['notes.pdf']);
    expect(fileKind('a.yaml')).toBe('text');
    expect(fileKind('a.txt')).toBeNull();
  });

  it('encodes a workbook larger than one chunk exactly', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('the answer of an import', () => {
  it('reads the problems of a refused import and nothing from other errors', () => {
    const problem = {
      file: 'bad.csv',
      line: 2,
      column: 5,
      path: 'Target',
      message: '"lots" is not a number',
    };
    const refused = new ApiError(400, {
      error: { code: 'validation', message: '1 problem(s)', details: { issues: [], problems: [problem] } },
    });
    expect(problemsOf(refused)).toEqual([problem]);
    expect(problemsOf(new ApiError(400, { error: { code: 'validation', message: 'bad body' } }))).toBeNull();
    expect(problemsOf(new ApiError(403, { error: { code: 'forbidden', message: 'no' } }))).toBeNull();
    expect(problemsOf(new TypeError('offline'))).toBeNull();
    expect(placeOf(problem)).toEqual({ line: '2', column: '5' });
    expect(placeOf({ ...problem, line: 0, column: 0 })).toEqual({ line: '–', column: '–' });
  });

  it('groups the preview by action, in that order, leaving out empty groups and keeping file order', () => {
    const item = (key: string, action: ImportItem['action']): ImportItem => ({
      type: 'key_result',
      key,
      title: key,
      action,
      changes: action === 'update' ? ['target 20 → 30'] : [],
    });
    const groups = groupByAction([
      item('a', 'unchanged'),
      item('b', 'create'),
      item('c', 'create'),
      item('d', 'unchanged'),
    ]);
    expect(groups.map((g) => [g.action, g.items.map((i) => i.key)])).toEqual([
      ['create', ['b', 'c']],
      ['unchanged', ['a', 'd']],
    ]);
    expect(groupByAction([item('e', 'update')])[0]).toMatchObject({
      label: 'Would be updated',
      done: 'Updated',
    });
  });
});
