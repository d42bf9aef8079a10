import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../server/services/export.service';
import { localActor, openLocalServices } from '../server/services/local';
import { EXIT } from './exit-codes';

/** Options of `tandem export`. */
export interface ExportOptions {
  cycle: string;
  format?: string | undefined;
  unit?: string | undefined;
  output?: string | undefined;
  database?: string | undefined;
  workspace?: string | undefined;
  as?: string | undefined;
  server?: string | undefined;
  token?: string | undefined;
}

/** The database `tandem serve` uses by default: `DATABASE_URL`, else `<TANDEM_DATA_DIR>/tandem.db`. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? path.join(env.TANDEM_DATA_DIR ?? 'data', 'tandem.db');
}

const EXTENSIONS: Record<string, ExportFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
  '.md': 'md',
};

/** A usage problem: the message is printed and the exit code is 2. */
class UsageError extends Error {}

function formatOf(options: ExportOptions): ExportFormat {
  if (options.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
      throw new UsageError(`--format: "${options.format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
    return options.format as ExportFormat;
  }
  const byExtension = options.output ? EXTENSIONS[path.extname(options.output).toLowerCase()] : undefined;
  return byExtension ?? 'yaml';
}

/** Exports through a running server's API with a token. */
async function exportRemote(options: ExportOptions, format: ExportFormat): Promise<string> {
  const token = options.token ?? process.env.TANDEM_TOKEN;
  if (!token) throw new UsageError('--server needs a token: --token tdm_pat_... or TANDEM_TOKEN');
  let base: URL;
  try {
    base = new URL(options.server!);
  } catch {
    throw new UsageError(`--server: "${options.server}" is not a URL such as http://127.0.0.1:3000`);
  }
  const url = new URL(`/api/v1/cycles/${encodeURIComponent(options.cycle)}/export`, base);
  url.searchParams.set('format', format);
  if (options.unit) url.searchParams.set('unit', options.unit);
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new UsageError(`cannot reach ${base.origin}: ${(error as Error).message}`);
  }
  const body = await response.text();
  if (!response.ok) {
    let message = body;
    try {
      message = (JSON.parse(body) as { error: { message: string } }).error.message;
    } catch {}
    throw new UsageError(`the server answered ${response.status}: ${message}`);
  }
  return body;
}

/** Exports from a local database (SQLite file or PostgreSQL URL), as its first admin unless `--as`. */
async function exportLocal(options: ExportOptions, format: ExportFormat): Promise<string> {
  const local = await openLocalServices(options.database ?? defaultDatabase());
  try {
    const actor = await localActor(local.db, { workspace: options.workspace, email: options.as });
    const file = await local.services.exports.cycle(actor, {
      cycle: options.cycle,
      format,
      ...(options.unit ? { unitId: options.unit } : {}),
    });
    return file.body;
  } finally {
    await local.close();
  }
}

/**
 * Runs `tandem export`: writes the document to `--output` or standard output, and returns the
 * exit code (2 for bad usage, an unknown cycle or unit, or an unreachable server).
 */
export async function runExport(options: ExportOptions, out: (text: string) => void): Promise<number> {
  try {
    const format = formatOf(options);
    const body = options.server ? await exportRemote(options, format) : await exportLocal(options, format);
    if (options.output) await writeFile(options.output, body);
    else out(body);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(`tandem export: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem export --cycle NAME [--format yaml|csv|md] [--output FILE] ...`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "export a cycle's goals: a goals file (yaml), a spreadsheet (csv) or a Markdown document (md)",
    )
    .requiredOption('--cycle <name>', 'cycle name (2026-Q4) or id')
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
    .option('--server <url>', "export through a running server's API instead of a database")
    .option('--token <token>', 'API token for --server (or TANDEM_TOKEN)')
    .action(async (options: ExportOptions) => {
      process.exitCode = await runExport(options, (text) => process.stdout.write(text));
    });
}
