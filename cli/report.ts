import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../core/errors';
import { REPORT_FORMATS, type ReportFormat } from '../server/services/report-document';
import { type AccessOptions, callServer, errorMessage, UsageError, withLocal } from './access';
import { EXIT } from './exit-codes';

/** Options of `tandem report`. */
export interface ReportOptions extends AccessOptions {
  cycle: string;
  format?: string | undefined;
  output?: string | undefined;
}

const EXTENSIONS: Record<string, ReportFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

function formatOf(options: ReportOptions): ReportFormat {
  if (options.format !== undefined) {
    if (!(REPORT_FORMATS as readonly string[]).includes(options.format))
      throw new UsageError(`--format: "${options.format}" is not one of ${REPORT_FORMATS.join(', ')}`);
    return options.format as ReportFormat;
  }
  return (options.output ? EXTENSIONS[path.extname(options.output).toLowerCase()] : undefined) ?? 'md';
}

async function reportRemote(options: ReportOptions, format: ReportFormat): Promise<string | Uint8Array> {
  // The API takes a cycle id or name in the path.
  const { status, text, bytes } = await callServer(
    options,
    'GET',
    `/api/v1/cycles/${encodeURIComponent(options.cycle)}/report?format=${format}`,
  );
  if (status !== 200) throw new UsageError(`the server answered ${status}: ${errorMessage(text)}`);
  return format === 'pdf' ? bytes : text;
}

/**
 * Runs `tandem report`: a closed cycle's report as Markdown, HTML or PDF, to `--output` or
 * standard output; returns the exit code (2 for bad usage, an unknown or open cycle, or an
 * unreachable server).
 */
export async function runReport(
  options: ReportOptions,
  out: (body: string | Uint8Array) => void,
): Promise<number> {
  try {
    const format = formatOf(options);
    if (format === 'pdf' && !options.output && process.stdout.isTTY)
      throw new UsageError('--format pdf writes a PDF: give --output FILE.pdf (or redirect standard output)');
    const body = options.server
      ? await reportRemote(options, format)
      : await withLocal(
          options,
          async (services, actor) =>
            (await services.reports.cycleDocument(actor, { cycle: options.cycle, format })).body,
        );
    if (options.output) await writeFile(options.output, body);
    else out(body);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(`tandem report: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem report --cycle NAME [--format md|html|pdf] [--output FILE] ...`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      "a closed cycle's report (grades, distributions, calibration, lessons, decisions, charts) as Markdown, HTML or PDF",
    )
    .requiredOption('--cycle <name>', 'cycle name (2026-Q4) or id')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (default: from --output's extension, else md)`)
    .option('--output <file>', 'write to a file instead of standard output')
    .option(
      '--database <location>',
      'SQLite file or postgres://... URL (default: where tandem serve keeps it)',
    )
    .option('--workspace <name>', 'the workspace, when the database holds several')
    .option('--as <email>', 'report what this person may see (default: the first admin)')
    .option(
      '--server [url]',
      "report through a running server's API instead of a database (alone: TANDEM_SERVER or tandem login's)",
    )
    .option('--token <token>', "API token for --server (else TANDEM_TOKEN, else tandem login's)")
    .action(async (options: ReportOptions) => {
      process.exitCode = await runReport(options, (body) => process.stdout.write(body));
    });
}
