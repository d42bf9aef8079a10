import { parse } from 'csv-parse/sync';
import type { Cell, CellHints } from '../../core/exchange/cells';
import type { Sheet } from '../../core/exchange/spreadsheet';
import { sheetJs } from './lazy-libraries';

/** The kinds of file an import reads. */
export type ImportFileKind = 'yaml' | 'csv' | 'xlsx';

/** The kind of a file by its name: `.csv`/`.tsv`/`.txt` CSV, `.xlsx`/`.xlsm`/`.xls`/`.ods` a workbook, else YAML. */
export function fileKind(name: string): ImportFileKind {
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(name)) return 'xlsx';
  return 'yaml';
}

/** A spreadsheet split into sheets of cells, and how its text is to be read. */
export interface ReadSheets {
  sheets: Sheet[];
  hints: CellHints;
}

/**
 * Splits a CSV into cells: a UTF-8 byte order mark is dropped; the separator is the one of `,`,
 * `;` and tab that the first line uses most (a semicolon CSV, as European spreadsheets save them,
 * also reads numbers with decimal commas).
 */
export function readCsv(text: string): ReadSheets {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  const delimiter = counts.sort((a, b) => b.n - a.n)[0]!.n > 0 ? counts[0]!.d : ',';
  const rows = parse(body, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  return { sheets: [{ name: 'Sheet1', rows }], hints: { isDecimalComma: delimiter === ';' } };
}

/** Splits a workbook (XLSX, XLS, ODS) into its sheets of cells; dates come as dates. */
export function readWorkbook(bytes: Uint8Array): ReadSheets {
  // A workbook is a zip (XLSX, ODS) or a compound file (XLS): anything else is refused rather than
  // read as text.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCompound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (!isZip && !isCompound) throw new Error('the file is not an XLSX, XLS or ODS workbook');
  const XLSX = sheetJs();
  const book = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  const sheets = book.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils.sheet_to_json<Cell[]>(book.Sheets[name]!, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    }),
  }));
  return { sheets, hints: {} };
}
