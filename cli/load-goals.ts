import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
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

/** Largest goals file read (bytes); larger ones are refused before they are read. */
export const MAX_GOALS_FILE_BYTES = 5 * 1024 * 1024;
/** Largest total of all goals files of one command (bytes). */
export const MAX_GOALS_TOTAL_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

const tooBigFile = (size: number) =>
  `${megabytes(size)} is over the limit of ${megabytes(MAX_GOALS_FILE_BYTES)} per goals file: split it into several files (a folder of them is read as one)`;

const problemAt = (file: string, message: string): FileProblem => ({
  file,
  line: 0,
  column: 0,
  path: '',
  message,
});

/** What a non-regular file is, for the message that refuses it. */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Expands the paths given on the command line: files as they are, folders to every `.yaml` /
 * `.yml` file below them (sorted, skipping `node_modules` and dot-folders). Symbolic links are
 * followed, to files and to folders, whether given directly or found in a folder; a file or
 * folder reached twice (through links, or a loop of them) is read once. A link that points
 * nowhere and anything that is not a regular file or a folder (a FIFO, a socket, a device) are
 * problems, so nothing is skipped silently and nothing waits on a pipe.
 */
export function expandPaths(paths: readonly string[]): { files: string[]; problems: FileProblem[] } {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const once = (path: string) => {
    const real = realpathSync(path);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const visit = (path: string, isGiven: boolean) => {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      const isLink = (() => {
        try {
          return lstatSync(path).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      problems.push(
        problemAt(path, isLink ? 'a symbolic link that points nowhere' : 'no such file or folder'),
      );
      return;
    }
    if (stats.isDirectory()) {
      if (once(path)) walk(path);
    } else if (!isGiven && !GOALS_FILE.test(path)) {
      // Inside a folder only goals files count.
    } else if (!stats.isFile()) {
      problems.push(problemAt(path, `${kindOf(stats)}: goals files must be regular files`));
    } else if (once(path)) files.push(path);
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      visit(join(dir, entry.name), false);
    }
  };
  for (const path of paths) visit(path, true);
  return { files, problems };
}

/**
 * Reads a goals file of at most `MAX_GOALS_FILE_BYTES`, and at most `remaining` bytes (what is
 * left of the command's total). The file is opened without blocking and checked on the open
 * handle, so a FIFO (or a file swapped for one after it was listed) is refused at once instead
 * of waiting for a writer, and an oversized file is refused before it is read.
 */
function readGoalsFile(file: string, remaining: number): { text: string } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { problem: `cannot read: ${(error as Error).message}` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: `${kindOf(stats)}: goals files must be regular files` };
    const tooBig = (size: number) =>
      size > MAX_GOALS_FILE_BYTES
        ? tooBigFile(size)
        : size > remaining
          ? `${megabytes(size)} more would take this command's goals files over their limit of ${megabytes(MAX_GOALS_TOTAL_BYTES)} in total`
          : undefined;
    const early = tooBig(stats.size);
    if (early) return { problem: early };
    const bytes = readFileSync(fd);
    const late = tooBig(bytes.length);
    return late ? { problem: late } : { text: bytes.toString('utf8') };
  } catch (error) {
    return { problem: `cannot read: ${(error as Error).message}` };
  } finally {
    closeSync(fd);
  }
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
  // Refuse an oversized input before parsing any of it.
  let listed = 0;
  for (const file of expanded.files) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // Reading it reports the problem.
    }
    listed += size;
    if (size > MAX_GOALS_FILE_BYTES) problems.push(problemAt(relative(cwd, file) || file, tooBigFile(size)));
  }
  if (problems.length === 0 && listed > MAX_GOALS_TOTAL_BYTES) {
    problems.push(
      problemAt(
        paths.join(' '),
        `the ${expanded.files.length} goals files add up to ${megabytes(listed)}, over the limit of ${megabytes(MAX_GOALS_TOTAL_BYTES)} in total`,
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed: ParsedGoalsFile[] = [];
  const context: ParsedGoalsFile[] = [];
  const contextSet = new Set(contextFiles);
  let total = 0;
  for (const file of [...expanded.files, ...contextFiles]) {
    const shown = relative(cwd, file) || file;
    const read = readGoalsFile(file, MAX_GOALS_TOTAL_BYTES - total);
    if ('problem' in read) {
      problems.push(problemAt(shown, read.problem));
      continue;
    }
    const { text } = read;
    total += Buffer.byteLength(text);
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
