import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../core/errors';
import { type FileProblem, formatProblem } from '../core/goals-file/parse';
import type { ImportProgress, ImportResult } from '../server/services/import.service';
import { type AccessOptions, callServer, errorMessage, UsageError, withLocal } from './access';
import { EXIT } from './exit-codes';
import { expandPaths } from './load-goals';

/** Options of `tandem import`. */
export interface ImportOptions extends AccessOptions {
  cycle?: string | undefined;
  dryRun?: boolean | undefined;
  createMissing?: boolean | undefined;
  skipInvalid?: boolean | undefined;
  json?: boolean | undefined;
}

/** Files of at least this many goals get a progress bar (on a terminal, never with --json). */
const PROGRESS_FROM = 500;

/** A progress bar on standard error, started once the import knows it is large; `stop` ends it. */
function progressBar(): { onProgress: ImportProgress; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: 'import {step} [{bar}] {value}/{total} goals', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  return {
    onProgress: (step, done, total) => {
      if (total < PROGRESS_FROM) return;
      if (!isStarted) bar.start(total, done, { step });
      isStarted = true;
      bar.update(done, { step });
    },
    stop: () => {
      if (isStarted) bar.stop();
    },
  };
}

/** The text of a result: what is (or would be) done, then every problem, compiler-style. */
export function importText(result: ImportResult): string {
  const lines: string[] = [];
  for (const item of result.items) {
    if (item.action === 'unchanged') continue;
    const what = item.changes.length > 0 ? ` (${item.changes.join(', ')})` : '';
    lines.push(`${item.action.padEnd(6)} ${item.type.replace('_', ' ')} ${item.key}: ${item.title}${what}`);
  }
  for (const row of result.skipped ?? []) lines.push(`skipped ${formatProblem(row)}`);
  for (const problem of result.problems) lines.push(formatProblem(problem));
  const { create, update, unchanged, checkIns } = result.summary;
  const into = result.cycle ? ` into ${result.cycle}` : '';
  const rows = result.summary.skipped ?? 0;
  if (result.isApplied)
    lines.push(
      `imported${into}: ${create} created, ${update} updated, ${unchanged} unchanged, ${checkIns} check-in(s) added${rows > 0 ? `; ${rows} row(s) with problems skipped` : ''}`,
    );
  else if (result.problems.length === 0)
    lines.push(
      `would import${into}: ${create} to create, ${update} to update, ${unchanged} unchanged, ${checkIns} check-in(s) to add${rows > 0 ? `; ${rows} row(s) with problems to skip` : ''}`,
    );
  else lines.push(`not imported: ${result.problems.length} problem(s); nothing was written`);
  return `${lines.join('\n')}\n`;
}

/** Reads the files (or folders of `.yaml` files) named on the command line. */
type InputFile = { name: string; text: string } | { name: string; base64: string };

function readFiles(paths: readonly string[]): { files: InputFile[]; problems: FileProblem[] } {
  const expanded = expandPaths(paths);
  const files: InputFile[] = [];
  const problems = [...expanded.problems];
  for (const file of expanded.files) {
    try {
      // Workbooks travel as base64 (to the API as well); goals files and CSV as text.
      if (/\.(xlsx|xlsm|xls|ods)$/i.test(file))
        files.push({ name: file, base64: readFileSync(file).toString('base64') });
      else files.push({ name: file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({
        file,
        line: 0,
        column: 0,
        path: '',
        message: `cannot read: ${(error as Error).message}`,
      });
    }
  }
  return { files, problems };
}

/**
 * Runs `tandem import`: 0 when imported (or, with `--dry-run`, when the import would succeed), 1
 * when the files name what the workspace lacks or the importer may not write, 2 for bad usage or
 * unreadable or malformed files. Nothing is written unless the whole import can be, unless
 * `--skip-invalid`: then the valid goals are imported, the rows left out are listed (`skipped
 * FILE:ROW:COLUMN: reason`), and the exit is 0; problems of a whole file still stop it (1 or 2).
 */
export async function runImport(
  paths: readonly string[],
  options: ImportOptions,
  out: (text: string) => void,
): Promise<number> {
  try {
    const read = readFiles(paths);
    if (read.problems.length > 0 || read.files.length === 0) {
      for (const problem of read.problems) console.error(formatProblem(problem));
      if (read.files.length === 0 && read.problems.length === 0)
        console.error('tandem import: no goals files found');
      return EXIT.usage;
    }
    const input = {
      files: read.files,
      dryRun: options.dryRun === true,
      createMissing: options.createMissing === true,
      skipInvalid: options.skipInvalid === true,
      ...(options.cycle ? { cycle: options.cycle } : {}),
    };
    let result: ImportResult;
    if (options.server) {
      const { status, text } = await callServer(options, 'POST', '/api/v1/imports', input);
      if (status === 200) result = JSON.parse(text) as ImportResult;
      else {
        const problems = (JSON.parse(text) as { error?: { details?: { problems?: FileProblem[] } } }).error
          ?.details?.problems;
        if (status !== 400 || !problems)
          throw new UsageError(`the server answered ${status}: ${errorMessage(text)}`);
        result = {
          isDryRun: input.dryRun,
          isApplied: false,
          cycle: null,
          cycles: [],
          problems,
          isFileError: problems.some((p) => p.line > 0 && /YAML|expected|unknown|required/i.test(p.message)),
          summary: { create: 0, update: 0, unchanged: 0, checkIns: 0, skipped: 0 },
          items: [],
          skipped: [],
        };
      }
    } else {
      const bar = !options.json && process.stderr.isTTY ? progressBar() : undefined;
      try {
        result = await withLocal(options, (services, actor) =>
          services.imports.goalsFiles(actor, input, bar?.onProgress),
        );
      } finally {
        bar?.stop();
      }
    }
    out(options.json ? `${JSON.stringify(result, null, 2)}\n` : importText(result));
    if (result.problems.length === 0) return EXIT.ok;
    return result.isFileError ? EXIT.usage : EXIT.problems;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AppError) {
      console.error(`tandem import: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem import FILE... [--cycle NAME] [--dry-run] [--create-missing] [--skip-invalid] ...`. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'import goals files, CSV or XLSX spreadsheets (or folders of goals files) into a workspace, idempotently by key',
    )
    .argument('<files...>', 'goals files (.yaml), spreadsheets (.csv, .xlsx) or folders of goals files')
    .option('--cycle <name>', "import into this cycle instead of the files' own")
    .option(
      '--dry-run',
      'report what would be created, updated or left alone, and every problem; write nothing',
    )
    .option(
      '--create-missing',
      'create the cycle, people and units the files name that the workspace lacks (admins)',
    )
    .option(
      '--skip-invalid',
      'import the valid rows and list the rows with problems as skipped (a bad objective row skips its KRs); exit 0',
    )
    .option(
      '--database <location>',
      'SQLite file or postgres://... URL (default: where tandem serve keeps it)',
    )
    .option('--workspace <name>', 'the workspace, when the database holds several')
    .option('--as <email>', 'import as this person (default: the first admin)')
    .option(
      '--server [url]',
      "import through a running server's API instead of a database (alone: TANDEM_SERVER or tandem login's)",
    )
    .option('--token <token>', "API token for --server (else TANDEM_TOKEN, else tandem login's)")
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], options: ImportOptions) => {
      process.exitCode = await runImport(files, options, (text) => process.stdout.write(text));
    });
}
