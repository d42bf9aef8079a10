// The XLSX writer of exports (decision 0017): a workbook of plain sheets (text, numbers and
// booleans in rows, column widths, an autofilter on the header row), its XML written straight
// into a zip deflated by Node's zlib. SheetJS still reads every workbook an import is given; it
// wrote them too, but spent 1.2 to 1.9 s on the large cycle's sheet (its generic cell XML and its
// JavaScript deflate) where this takes a third of that (issue 14: export under 3 s).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { CsvCell } from '../../core/exchange/csv';

/** A sheet of a workbook: its name (made valid and unique by `xlsxWorkbook`) and its rows. */
export interface WorkbookSheet {
  name: string;
  rows: readonly (readonly CsvCell[])[];
}

/**
 * A workbook of the sheets in order (the first row of each is its header: filtered, and read for
 * the column widths), as the bytes of an .xlsx file that Excel, LibreOffice, Numbers and SheetJS
 * open. Empty cells (`''`, null, undefined) are left out; non-finite numbers are written as text.
 */
export function xlsxWorkbook(sheets: readonly WorkbookSheet[]): Uint8Array {
  const names = sheetNames(sheets.map((s) => s.name));
  const files: [string, Iterable<string>][] = [
    ['[Content_Types].xml', [contentTypes(sheets.length)]],
    ['_rels/.rels', [ROOT_RELS]],
    ['xl/workbook.xml', [workbookXml(names, sheets)]],
    ['xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]],
    ['xl/styles.xml', [STYLES]],
  ];
  for (const [i, sheet] of sheets.entries())
    files.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet.rows)]);
  return zip(files);
}

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the book whatever the case. */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    const base =
      name
        .replace(/[\\/?*[\]:]/g, '-')
        .replace(/^'+|'+$/g, '')
        .slice(0, 31) || 'Goals';
    let unique = base;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${base.slice(0, 28)}-${n}`;
    taken.add(unique.toLowerCase());
    return unique;
  });
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheets}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

function workbookXml(names: readonly string[], sheets: readonly WorkbookSheet[]): string {
  const entries = names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  // The autofilter's range, named as Excel names it (without it Excel repairs the file).
  const filters = sheets
    .map((sheet, i) => {
      const range = filterRange(sheet.rows);
      if (range === undefined) return '';
      const quoted = `'${names[i]!.replace(/'/g, "''")}'`;
      const [from, to] = range.split(':') as [string, string];
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoted}!${absolute(from)}:${absolute(to)}`)}</definedName>`;
    })
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${entries}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`;
}

const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** The header row's filter range (`A1:Q120`), or none for a sheet without columns. */
function filterRange(rows: readonly (readonly CsvCell[])[]): string | undefined {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return undefined;
  return `A1:${columnName(width - 1)}${rows.length}`;
}

/** A column's letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * A sheet's XML in pieces of about 256 KB: each piece is deflated as it is made, so the sheet's
 * text (40 MB for the large cycle) never lives whole; short-lived pieces cost the garbage
 * collector little, where one long array of rows was copied into the old generation.
 */
function* sheetXml(rows: readonly (readonly CsvCell[])[]): Generator<string> {
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const columns = Array.from({ length: width }, (_, i) => columnName(i));
  // Widths from the first 200 rows, as wide as their longest text (6 to 60 characters).
  const cols = columns
    .map((_, c) => {
      let wide = 6;
      for (let r = 0; r < Math.min(rows.length, 200); r++)
        wide = Math.max(wide, String(rows[r]![c] ?? '').length);
      return `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, wide) + 0.7109375}" customWidth="1"/>`;
    })
    .join('');
  let xml = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${
    rows.length > 0 && width > 0
      ? `<dimension ref="A1:${columns[width - 1]}${rows.length}"/>`
      : '<dimension ref="A1"/>'
  }${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const n = r + 1;
    xml += `<row r="${n}">`;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === '' || cell === null || cell === undefined) continue;
      const ref = `${columns[c]}${n}`;
      if (typeof cell === 'number' && Number.isFinite(cell)) xml += `<c r="${ref}"><v>${cell}</v></c>`;
      else if (typeof cell === 'boolean') xml += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
      else {
        const text = String(cell);
        const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
      }
    }
    xml += '</row>';
    if (xml.length >= PIECE) {
      yield xml;
      xml = '';
    }
  }
  const range = filterRange(rows);
  yield `${xml}</sheetData>${range === undefined ? '' : `<autoFilter ref="${range}"/>`}</worksheet>`;
}

const PIECE = 256 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
const XML_SPECIAL_ALL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe for XML: the five specials escaped, characters XML 1.0 forbids left out. */
function escapeXml(text: string): string {
  if (!XML_SPECIAL.test(text)) return text;
  return text.replace(XML_SPECIAL_ALL, (ch) => ENTITIES[ch] ?? '');
}

/**
 * A file's text deflated piece by piece into one raw deflate stream: each piece is compressed on
 * its own and ended with a sync flush (byte-aligned, no final block), the stream closed by an
 * empty final block, as pigz joins its pieces. Level 1 for large files (a sheet of the large cycle
 * is 40 MB of XML: four times faster than level 6 for a file a fifth larger), 6 for the small.
 */
function deflated(text: Iterable<string>): { packed: Buffer; size: number; crc: number } {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  let large = false;
  for (const piece of text) {
    const bytes = Buffer.from(piece, 'utf8');
    large ||= bytes.length >= PIECE / 2;
    size += bytes.length;
    crc = crc32(bytes, crc);
    out.push(deflateRawSync(bytes, { level: large ? 1 : 6, finishFlush: constants.Z_SYNC_FLUSH }));
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { packed: Buffer.concat(out), size, crc };
}

/** A zip archive of the files, deflated, with the CRC-32 and sizes in the local headers. */
function zip(files: readonly [string, Iterable<string>][]): Uint8Array {
  const pieces: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, the zip epoch: a fixed stamp so the same workbook has the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const [name, text] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const { packed, size, crc } = deflated(text);
    // The fields both headers share, from "version needed" to the name's length.
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(0x0800, at + 2); // flags: names in UTF-8
      header.writeUInt16LE(8, at + 4); // method: deflate
      header.writeUInt16LE(dosTime, at + 6);
      header.writeUInt16LE(dosDate, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30); // extra field length 0
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    common(entry, 6);
    entry.writeUInt32LE(offset, 42); // the local header's offset (extra, comment, disk, attributes 0)
    pieces.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
    if (offset > 0xffffffff || size > 0xffffffff)
      throw new Error('the workbook is larger than 4 GB, too large for a zip without zip64');
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...pieces, ...central, end]));
}
