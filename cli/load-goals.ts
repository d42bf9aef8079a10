import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildOrganisation } from '../core/goals-file/model';
import {
  type FileProblem,
  formatProblem,
  type ParsedGoalsFile,
  parseGoalsFile,
} from '../core/goals-file/parse';
import type { Organisation } from '../core/model';
import { type Instant, parseMoment } from '../core/time';
import { EXIT } from './exit-codes';

/** The result of reading goals files from the command line. */
export type LoadedGoals =
  | {
      ok: true;
      org: Organisation;
      /** The files given to work on. */
      files: ParsedGoalsFile[];
      /** Files read only to resolve keys (`--goals DIR`), not linted. */
      context: ParsedGoalsFile[];
      at: Instant;
    }
  | { ok: false; problems: FileProblem[] };

/** How goals files are read. */
export interface LoadOptions {
  /** Files or folders read only so that keys resolve (`tandem lint team.yaml --goals goals/`). */
  context?: readonly string[] | undefined;
  /**
   * Links to keys no file declares: a usage error (`score`, which needs the whole tree), or kept
   * for the coach to report (`lint`, which may read one file of a larger organisation).
   */
  unknownLinks?: 'problem' | 'kept' | undefined;
}

const GOALS_FILE = /\.(ya?ml)$/i;

/**
 * Expands the paths given on the command line: files as they are, folders to every `.yaml` /
 * `.yml` file below them (sorted, skipping `node_modules` and dot-folders).
 */
export function expandPaths(paths: readonly string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && GOALS_FILE.test(entry.name)) files.push(full);
    }
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    } catch {
      problems.push({ file: path, line: 0, column: 0, path: '', message: 'no such file or folder' });
    }
  }
  return { files, problems };
}

/**
 * Reads, parses and links goals files (or folders of them) into one organisation. Any unreadable
 * file, YAML error, schema error or broken link is returned as a located problem. `now` gives the
 * moment of reading in the files' timezone (a date given alone means the start of that day there);
 * `current` values become check-ins at that moment.
 */
export function loadGoals(
  paths: readonly string[],
  now: (timeZone: string) => Instant,
  cwd = process.cwd(),
  options: LoadOptions = {},
): LoadedGoals {
  const expanded = expandPaths(paths);
  const problems = [...expanded.problems];
  const given = new Set(expanded.files.map((file) => resolve(file)));
  const around = options.context ? expandPaths(options.context) : { files: [], problems: [] };
  problems.push(...around.problems);
  const contextFiles = around.files.filter((file) => !given.has(resolve(file)));
  if (expanded.files.length === 0 && problems.length === 0) {
    problems.push({
      file: paths.join(' '),
      line: 0,
      column: 0,
      path: '',
      message: 'no .yaml or .yml goals files found',
    });
  }
  const parsed: ParsedGoalsFile[] = [];
  const context: ParsedGoalsFile[] = [];
  const contextSet = new Set(contextFiles);
  for (const file of [...expanded.files, ...contextFiles]) {
    const shown = relative(cwd, file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({
        file: shown,
        line: 0,
        column: 0,
        path: '',
        message: `cannot read: ${(error as Error).message}`,
      });
      continue;
    }
    const result = parseGoalsFile(text, shown);
    if (!result.ok) problems.push(...result.problems);
    else if (contextSet.has(file)) context.push(result.parsed);
    else parsed.push(result.parsed);
  }
  if (problems.length > 0) return { ok: false, problems };
  const at = now(parsed[0]?.content.timezone ?? 'UTC');
  const built = buildOrganisation([...parsed, ...context], { now: at, unknownLinks: options.unknownLinks });
  return built.ok
    ? { ok: true, org: built.org, files: parsed, context, at }
    : { ok: false, problems: built.problems };
}

/** Prints located problems to stderr, one per line, compiler style. */
export function printProblems(
  problems: readonly FileProblem[],
  write: (line: string) => void = console.error,
): void {
  for (const problem of problems) {
    write(problem.line > 0 ? formatProblem(problem) : `${problem.file}: ${problem.message}`);
  }
  write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the input`);
}

/** Parses `--at`: a date (the start of that day in the files' timezone) or a date-time; now without one. */
export function parseAt(
  text: string | undefined,
  timeZone: string,
  now: () => Instant = Date.now,
): Instant | undefined {
  return text === undefined ? now() : parseMoment(text, timeZone);
}

/**
 * What `score` and `lint` do first: read the goals files as of `--at`. On bad usage or bad input
 * it prints the problems to stderr, sets exit code 2 and returns `undefined`.
 */
export function loadGoalsForCommand(
  paths: readonly string[],
  atText: string | undefined,
  options: LoadOptions = {},
): Extract<LoadedGoals, { ok: true }> | undefined {
  let isBadAt = false;
  const loaded = loadGoals(
    paths,
    (timeZone) => {
      const at = parseAt(atText, timeZone);
      if (at === undefined) isBadAt = true;
      return at ?? 0;
    },
    process.cwd(),
    options,
  );
  if (isBadAt) {
    console.error(`--at: "${atText}" is not a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM)`);
  } else if (!loaded.ok) {
    printProblems(loaded.problems);
  } else {
    return loaded;
  }
  process.exitCode = EXIT.usage;
  return undefined;
}
