import { createReadStream, createWriteStream } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * The backup file (docs/backup.md): gzipped JSON lines, the same for SQLite and PostgreSQL, so a
 * backup of one restores into the other.
 *
 * ```
 * {"format":"tandem-backup","version":1,"createdAt":"...","source":"sqlite","migrations":[...],"tables":[{"name","columns","rows"}]}
 * {"table":"workspaces"}
 * ["ws_1","Acme","{...}",1,...]          one line per row, values in the header's column order
 * ...
 * {"end":true,"rows":12345}
 * ```
 */

/** This file format's name and version (a reader refuses other versions). */
export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_VERSION = 1;

/** A cell: what both databases store (text, numbers, null). */
export type Cell = string | number | null;

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** The dialect the backup was taken from. */
  source: 'sqlite' | 'postgres';
  /** The migrations the database had applied: its schema version. */
  migrations: string[];
  /** Every table, parents before children, with its columns and how many rows follow. */
  tables: { name: string; columns: string[]; rows: number }[];
}

/** A backup file that cannot be read, with the reason (an exit-2 problem). */
export class BackupFileError extends Error {}

/** One table's rows as they stream out of a database. */
export interface TableRows {
  name: string;
  rows: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
}

function checkCell(value: unknown, table: string): Cell {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`table ${table} holds a value a backup cannot carry: ${String(value)}`);
}

/**
 * How a backup is compressed: `fast` (gzip level 1, the default: most of the size gone for a
 * fraction of level 6's time), `best` (gzip level 9: the smallest file, several times slower),
 * `none` (plain JSON lines: the quickest to write, about ten times the size).
 */
export const BACKUP_COMPRESSIONS = ['none', 'fast', 'best'] as const;
export type BackupCompression = (typeof BACKUP_COMPRESSIONS)[number];

/** A row's cells, checked: what a backup can carry (bigints become numbers). */
function checkedRow(row: Cell[], table: string): Cell[] {
  for (let i = 0; i < row.length; i++) {
    const value = row[i];
    if (value === null || typeof value === 'string') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    return row.map((v) => checkCell(v, table));
  }
  return row;
}

/**
 * Writes a backup to `file` atomically: to `file.partial`, renamed when complete, so a failed
 * backup never leaves a file that looks whole. Answers the number of rows written.
 */
export async function writeBackupFile(
  file: string,
  header: BackupHeader,
  tables: Iterable<TableRows>,
  compression: BackupCompression = 'fast',
): Promise<number> {
  const partial = `${file}.partial`;
  let total = 0;
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(header)}\n`;
    for (const table of tables) {
      yield `${JSON.stringify({ table: table.name })}\n`;
      let count = 0;
      for await (const chunk of table.rows) {
        // One array of lines joined once (string concatenation of 2,000 rows made ropes that
        // the stream then flattened), each row written as read when its cells need no change.
        const text: string[] = new Array(chunk.length + 1);
        for (let i = 0; i < chunk.length; i++) text[i] = JSON.stringify(checkedRow(chunk[i]!, table.name));
        text[chunk.length] = '';
        count += chunk.length;
        yield text.join('\n');
      }
      const expected = header.tables.find((t) => t.name === table.name)?.rows;
      if (count !== expected)
        throw new Error(`table ${table.name}: read ${count} rows, the snapshot counted ${expected}`);
      total += count;
    }
    yield `${JSON.stringify({ end: true, rows: total })}\n`;
  }
  try {
    const source = Readable.from(lines());
    if (compression === 'none') await pipeline(source, createWriteStream(partial));
    else
      await pipeline(
        source,
        createGzip({ level: compression === 'best' ? 9 : 1, chunkSize: 256 * 1024 }),
        createWriteStream(partial),
      );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return total;
}

/** Whether a file begins as gzip does (0x1f 0x8b); false for a shorter or unreadable one. */
async function startsWithGzip(file: string): Promise<boolean> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** What a reader meets, in file order after the header. */
export type BackupEntry =
  | { kind: 'table'; name: string }
  | { kind: 'row'; row: Cell[] }
  | { kind: 'end'; rows: number };

/** Reads a backup: its header, then its tables and rows as they stream. */
export async function openBackupFile(
  file: string,
): Promise<{ header: BackupHeader; entries: AsyncGenerator<BackupEntry>; close(): void }> {
  // Gzipped (`fast`, `best`) or plain (`none`): told apart by gzip's first two bytes.
  const isGzip = await startsWithGzip(file);
  const input = createReadStream(file);
  const gunzip = isGzip ? createGunzip() : new PassThrough();
  const failure: { error?: Error } = {};
  const fail = (error: Error) => {
    failure.error ??= error;
    lines.close();
  };
  input.on('error', (error) => fail(new BackupFileError(`cannot read ${file}: ${error.message}`)));
  gunzip.on('error', (error) =>
    fail(
      new BackupFileError(`${file} is not a Tandem backup (not a gzip file, or cut short): ${error.message}`),
    ),
  );
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  // readline passes its input's errors on: they are the gunzip's, already recorded above.
  lines.on('error', () => {});
  const iterator = lines[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async (): Promise<string | undefined> => {
    let result: IteratorResult<string>;
    try {
      result = await iterator.next();
    } catch (error) {
      throw failure.error ?? error;
    }
    if (failure.error) throw failure.error;
    if (result.done) return undefined;
    lineNumber++;
    return result.value;
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new BackupFileError(`${file}, line ${lineNumber}: not JSON`);
    }
  };
  const first = await next();
  let header: Partial<BackupHeader> | undefined;
  try {
    header = first === undefined ? undefined : (parse(first) as Partial<BackupHeader>);
  } catch (error) {
    if (!(error instanceof BackupFileError)) throw error;
    throw new BackupFileError(`${file} is not a Tandem backup (neither gzip nor JSON lines)`);
  }
  if (!header || header.format !== BACKUP_FORMAT)
    throw new BackupFileError(
      `${file} is not a Tandem backup (its first line names no "format": "${BACKUP_FORMAT}")`,
    );
  if (header.version !== BACKUP_VERSION)
    throw new BackupFileError(
      `${file} is a version ${header.version} backup; this Tandem reads version ${BACKUP_VERSION}: use a matching Tandem`,
    );
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables))
    throw new BackupFileError(`${file}, line 1: the header lacks "migrations" or "tables"`);
  async function* entries(): AsyncGenerator<BackupEntry> {
    let ended = false;
    for (let text = await next(); text !== undefined; text = await next()) {
      if (ended) throw new BackupFileError(`${file}, line ${lineNumber}: data after the end marker`);
      const value = parse(text);
      if (Array.isArray(value)) yield { kind: 'row', row: value as Cell[] };
      else if (value && typeof value === 'object' && 'table' in value)
        yield { kind: 'table', name: String((value as { table: unknown }).table) };
      else if (value && typeof value === 'object' && 'end' in value) {
        ended = true;
        yield { kind: 'end', rows: Number((value as unknown as { rows: unknown }).rows) };
      } else throw new BackupFileError(`${file}, line ${lineNumber}: neither a row, a table nor the end`);
    }
    if (!ended) throw new BackupFileError(`${file} is cut short: it has no end marker (line ${lineNumber})`);
  }
  return { header: header as BackupHeader, entries: entries(), close: () => lines.close() };
}
