import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../server/services/export.service';
import {
  type AccessOptions,
  callServer,
  defaultDatabase,
  errorMessage,
  UsageError,
  withLocal,
} from './access';
import { EXIT } from './exit-codes';

/** Options of `tandem export`. */
export interface ExportOptions extends AccessOptions {
  cycle?: string | undefined;
  /** Every cycle, oldest first (a stream of goals files, a sheet per cycle, a Cycle column). */
  all?: boolean | undefined;
  format?: string | undefined;
  unit?: string | undefined;
  output?: string | undefined;
}

export { defaultDatabase };

const EXTENSIONS: Record<string, ExportFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
  '.md': 'md',
};

function formatOf(options: ExportOptions): ExportFormat {
  if (options.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
      throw new UsageError(`--format: "${options.format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
    return options.format as ExportFormat;
  }
  const byExtension = options.output ? EXTENSIONS[path.extname(options.output).toLowerCase()] : undefined;
  return byExtension ?? 'yaml';
}

/** Writes pieces of a document to a file, waiting for the disk when it falls behind. */
async function writePieces(file: string, pieces: Iterable<string | Uint8Array>): Promise<void> {
  const stream = createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  try {
    for (const piece of pieces) if (!stream.write(piece)) await once(stream, 'drain');
  } finally {
    stream.end();
  }
  await finished;
}

/** Exports through a running server's API with a token. */
async function exportRemote(options: ExportOptions, format: ExportFormat): Promise<string | Uint8Array> {
  const query = new URLSearchParams({ format, ...(options.unit ? { unit: options.unit } : {}) });
  const { status, text, bytes } = await callServer(
    options,
    'GET',
    options.all
      ? `/api/v1/export?${query}`
      : `/api/v1/cycles/${encodeURIComponent(options.cycle!)}/export?${query}`,
  );
  if (status !== 200) throw new UsageError(`the server answered ${status}: ${errorMessage(text)}`);
  return format === 'xlsx' ? bytes : text;
}

/**
 * Exports from a local database (SQLite file or PostgreSQL URL), writing the document to `write`
 * as it is made.
 */
function exportLocal(
  options: ExportOptions,
  format: ExportFormat,
  write: (pieces: Iterable<string | Uint8Array>) => Promise<void>,
): Promise<void> {
  return withLocal(options, async (services, actor) => {
    const unit = options.unit ? { unitId: options.unit } : {};
    const file = options.all
      ? await services.exports.workspace(actor, { format, ...unit })
      : await services.exports.cycle(actor, { cycle: options.cycle!, format, ...unit });
    await write(file.chunks());
  });
}

/**
 * Runs `tandem export`: writes the document to `--output` or standard output, and returns the
 * exit code (2 for bad usage, an unknown cycle or unit, or an unreachable server).
 */
export async function runExport(
  options: ExportOptions,
  out: (body: string | Uint8Array) => void,
): Promise<number> {
  try {
    if (options.all && options.cycle)
      throw new UsageError('give --cycle NAME (one cycle) or --all (every cycle), not both');
    if (!options.all && !options.cycle)
      throw new UsageError('name what to export: --cycle NAME (one cycle) or --all (every cycle)');
    const format = formatOf(options);
    if (format === 'xlsx' && !options.output && process.stdout.isTTY)
      throw new UsageError(
        '--format xlsx writes a workbook: give --output FILE.xlsx (or redirect standard output)',
      );
    const output = options.output;
    const write = async (pieces: Iterable<string | Uint8Array>) => {
      if (output) await writePieces(output, pieces);
      else for (const piece of pieces) out(piece);
    };
    if (options.server) await write([await exportRemote(options, format)]);
    else await exportLocal(options, format, write);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(`tandem export: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem export --cycle NAME|--all [--unit UNIT] [--format yaml|csv|xlsx|md] [--output FILE] ...`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "export a cycle's goals, or every cycle's: a goals file (yaml), a spreadsheet (csv, xlsx) or a Markdown document (md)",
    )
    .option('--cycle <name>', 'cycle name (2026-Q4) or id')
    .option(
      '--all',
      'every cycle, oldest first: a stream of goals files (yaml), a Cycle column (csv), a sheet per cycle (xlsx)',
    )
    .option(
      '--format <format>',
      `${EXPORT_FORMATS.join(', ')} (default: from --output's extension, else yaml)`,
    )
    .option('--unit <unit>', 'unit name or id: only its goals and those of the units below it')
    .option('--output <file>', 'write to a file instead of standard output')
    .option(
      '--database <location>',
      'SQLite file or postgres://... URL (default: where tandem serve keeps it)',
    )
    .option('--workspace <name>', 'the workspace, when the database holds several')
    .option('--as <email>', 'export what this person may see (default: the first admin)')
    .option(
      '--server [url]',
      "export through a running server's API instead of a database (alone: TANDEM_SERVER or tandem login's)",
    )
    .option('--token <token>', "API token for --server (else TANDEM_TOKEN, else tandem login's)")
    .action(async (options: ExportOptions) => {
      process.exitCode = await runExport(options, (body) => process.stdout.write(body));
    });
}
