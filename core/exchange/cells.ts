/**
 * Values as people type them in spreadsheets: numbers with thousands separators, decimal commas,
 * percent signs, currency symbols and k/M/B suffixes; dates as Excel serial numbers, ISO text,
 * day-first or month-first text, or month names. Pure: the same in the server, the CLI and the
 * browser.
 */

/** A cell as a reader gives it: text, a number, a boolean, a date, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

/** How to read ambiguous text: `1.234` and `03/04/2026` depend on where the sheet was made. */
export interface CellHints {
  /** The sheet writes decimal commas (`12,5`), as a semicolon-separated CSV usually does. */
  isDecimalComma?: boolean;
}

/** A number read from a cell, with the unit it was written with (`%`, `$`...), if any. */
export interface CellNumber {
  value: number;
  unit?: string;
}

const CURRENCY = /[$€£¥₹₩]|\b(?:USD|EUR|GBP|CHF|JPY)\b/;
const SCALE: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, mm: 1e6, b: 1e9, B: 1e9, bn: 1e9 };

/** True when the cell holds nothing but spaces. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text of a cell, trimmed (numbers as JavaScript writes them). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/\u00a0/g, ' ')
    .trim();
}

/**
 * A number from a cell, or undefined when it holds none (or holds more than one number).
 *
 * @example
 * readNumber('1,234.5'); // { value: 1234.5 }
 * readNumber('12,5 %', { isDecimalComma: true }); // { value: 12.5, unit: '%' }
 * readNumber('$1.2M'); // { value: 1200000, unit: '$' }
 */
export function readNumber(cell: Cell, hints: CellHints = {}): CellNumber | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : undefined;
  if (typeof cell !== 'string') return undefined;
  let text = cell.replace(/\u00a0|\u202f/g, ' ').trim();
  if (text === '') return undefined;
  let unit: string | undefined;
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(/^[\u2212\u2013]/, '-');
  const currency = CURRENCY.exec(text)?.[0];
  if (currency) {
    unit = currency;
    text = text.replace(currency, '').trim();
  }
  if (text.endsWith('%')) {
    unit = '%';
    text = text.slice(0, -1).trim();
  }
  if (text.startsWith('-')) {
    sign = -sign;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  let scale = 1;
  const suffix = /^(.*?\d)\s*(k|K|mm|m|M|bn|b|B)$/.exec(text);
  if (suffix) {
    scale = SCALE[suffix[2]!]!;
    text = suffix[1]!;
  }
  const number = readDigits(text, hints);
  if (number === undefined) return undefined;
  const value = sign * number * scale;
  return unit ? { value, unit } : { value };
}

function readDigits(text: string, hints: CellHints): number | undefined {
  let t = text.replace(/[\s']/g, '');
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(t)) return undefined;
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // The later of the two is the decimal separator.
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    t = t.split(thousands).join('');
    if (decimal === ',') t = t.replace(',', '.');
  } else if (commas > 0) {
    const isThousands = /^\d{1,3}(,\d{3})+$/.test(t) && !(hints.isDecimalComma && commas === 1);
    if (isThousands) t = t.replace(/,/g, '');
    else if (commas === 1) t = t.replace(',', '.');
    else return undefined;
  } else if (dots > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(t)) return undefined;
    t = t.replace(/\./g, '');
  } else if (dots === 1 && hints.isDecimalComma && /^\d{1,3}\.\d{3}$/.test(t)) {
    t = t.replace('.', '');
  }
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) from a cell, or undefined. Excel serial numbers count days from
 * 1899-12-30; a slash date is day first when the first part is over 12 or the sheet writes decimal
 * commas, month first otherwise (`10/01/2026` is 1 October in a US sheet).
 *
 * @example
 * readDate(46296); // '2026-10-01'
 * readDate('1 Oct 2026'); // '2026-10-01'
 */
export function readDate(cell: Cell, hints: CellHints = {}): string | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return dateText(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(Math.floor(cell)) || cell < 20_000 || cell > 100_000) return undefined;
    const at = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
    return dateText(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
  }
  const text = cellText(cell).toLowerCase();
  if (text === '') return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/.exec(text);
  if (m) return dateText(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const isDayFirst = a > 12 || (b <= 12 && (hints.isDecimalComma || text.includes('.')));
    return isDayFirst ? dateText(year, b, a) : dateText(year, a, b);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3)) + 1;
    return month > 0 ? dateText(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3)) + 1;
    return month > 0 ? dateText(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

/** A header as the matcher compares it: lower case letters and digits only. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%#]/g, '');
}
