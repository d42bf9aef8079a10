/**
 * CSV as RFC 4180 writes it: fields with a comma, quote, or line break are quoted, quotes doubled,
 * lines end with CRLF. A leading `=`, `+`, `-`, `@` (formula in a spreadsheet) is kept as text by a
 * leading apostrophe, so an exported note can never run as a formula when the file is opened.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows (the first is the header) as CSV text.
 *
 * @example
 * toCsv([['a', 'b'], [1, 'x,y']]); // 'a,b\r\n1,"x,y"\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
