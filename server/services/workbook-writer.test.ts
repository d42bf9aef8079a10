import { crc32, inflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { CsvCell } from '../../core/exchange/csv';
import { columnName, sheetNames, xlsxWorkbook } from './workbook-writer';

/** The zip's files by name, each inflated and checked against the CRC-32 and size its entry records. */
function unzipChecked(bytes: Uint8Array): Map<string, string> {
  const buffer = Buffer.from(bytes);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const crc = buffer.readUInt32LE(at + 16);
    const packedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    expect(buffer.readUInt32LE(local)).toBe(0x04034b50);
    expect(buffer.readUInt32LE(local + 14)).toBe(crc);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = inflateRawSync(buffer.subarray(start, start + packedSize));
    expect({ name, size: data.length, crc: crc32(data) }).toEqual({ name, size, crc });
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength;
  }
  return files;
}

function readBack(bytes: Uint8Array) {
  const book = XLSX.read(bytes, { type: 'array', dense: true });
  return {
    book,
    rows: (name: string) =>
      XLSX.utils.sheet_to_json<CsvCell[]>(book.Sheets[name]!, {
        header: 1,
        raw: true,
        defval: null,
        blankrows: true,
      }),
  };
}

describe('the XLSX writer of exports', () => {
  it('writes text, numbers and booleans that read back as they were, empty cells left empty', () => {
    const rows: CsvCell[][] = [
      ['Objective', 'Key result', 'Value', 'Done'],
      ['Grow & keep <customers> "now"', '  two spaces first', 1.5, true],
      [null, 'ünïcode 😀, a tab\tand a\nnew line', -0.000002, false],
      ['', undefined, 1e21, 'x'],
      ['control \u0001\u001f characters \ufffe dropped', 'end space ', Number.NaN, 0],
    ];
    const bytes = xlsxWorkbook([{ name: '2026-Q4', rows }]);
    const { book, rows: read } = readBack(bytes);
    expect(book.SheetNames).toEqual(['2026-Q4']);
    expect(read('2026-Q4')).toEqual([
      ['Objective', 'Key result', 'Value', 'Done'],
      ['Grow & keep <customers> "now"', '  two spaces first', 1.5, true],
      [null, 'ünïcode 😀, a tab\tand a\nnew line', -0.000002, false],
      [null, null, 1e21, 'x'],
      ['control  characters  dropped', 'end space ', 'NaN', 0],
    ]);
    const files = unzipChecked(bytes);
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<autoFilter ref="A1:D5"/>');
    expect(sheet).toContain('<dimension ref="A1:D5"/>');
    // An empty cell is not written at all; the next cell keeps its own reference.
    expect(sheet).toContain('<row r="4"><c r="C4"><v>1e+21</v></c><c r="D4" t="inlineStr">');
    expect(files.get('xl/workbook.xml')).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'2026-Q4'!$A$1:$D$5</definedName>`,
    );
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('joins a large sheet deflated in many pieces into one stream with the right CRC and size', () => {
    const rows: CsvCell[][] = [['Key', 'Title', 'Progress']];
    for (let i = 0; i < 40_000; i++) rows.push([`goal-${i}`, `Title ${i} ${'é'.repeat(i % 7)}`, i / 40_000]);
    const bytes = xlsxWorkbook([{ name: 'Big', rows }]);
    const sheet = unzipChecked(bytes).get('xl/worksheets/sheet1.xml')!;
    expect(sheet.length).toBeGreaterThan(2 * 256 * 1024);
    expect(sheet.endsWith('<autoFilter ref="A1:C40001"/></worksheet>')).toBe(true);
    const read = readBack(bytes).rows('Big');
    expect(read).toHaveLength(40_001);
    expect(read[39_999]).toEqual(['goal-39998', `Title 39998 ${'é'.repeat(39_998 % 7)}`, 39_998 / 40_000]);
  });

  it('names sheets as spreadsheets allow: 31 characters, no \\ / ? * [ ] :, unique whatever the case', () => {
    expect(sheetNames(['2026-Q4', 'Q4: a/b', 'q4- A-B', '', 'x'.repeat(40), 'x'.repeat(40)])).toEqual([
      '2026-Q4',
      'Q4- a-b',
      'q4- A-B-2',
      'Goals',
      'x'.repeat(31),
      `${'x'.repeat(28)}-2`,
    ]);
    const bytes = xlsxWorkbook([
      { name: "Bob's [plan]", rows: [['A'], [1]] },
      { name: 'Empty', rows: [] },
    ]);
    const { book, rows } = readBack(bytes);
    expect(book.SheetNames).toEqual(["Bob's -plan-", 'Empty']);
    expect(rows("Bob's -plan-")).toEqual([['A'], [1]]);
    expect(rows('Empty')).toEqual([]);
    expect(unzipChecked(bytes).get('xl/workbook.xml')).toContain(`'Bob''s -plan-'!$A$1:$A$2`);
  });

  it('names columns A to Z, then AA, AZ, BA and on', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
