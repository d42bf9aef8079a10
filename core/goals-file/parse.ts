import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type GoalsFile, goalsFileSchema } from './schema';

/** A problem in a goals file, pointing at the place it was found (1-based line and column). */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path to the field, such as `objectives[0].key_results[1].measure.target`. */
  path: string;
  message: string;
}

/** A goals file parsed and validated, with a way to find where any path was written. */
export interface ParsedGoalsFile {
  file: string;
  content: GoalsFile;
  /** Line and column of the node at `path` (or of its nearest written ancestor). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export type ParseResult = { ok: true; parsed: ParsedGoalsFile } | { ok: false; problems: FileProblem[] };

/** `objectives[0].key_results[1].measure` from a path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * Parses a goals file: YAML syntax errors and schema errors are all reported with the file, line
 * and column, and the path of the field, so a CI log points straight at the mistake.
 *
 * @example
 * const result = parseGoalsFile('version: 1\ncycle: 2026-Q4\n', 'goals.yaml');
 * if (result.ok) result.parsed.content.cycle; // '2026-Q4'
 */
export function parseGoalsFile(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        path: '',
        message: `YAML: ${firstLine(error.message)}`,
      })),
    };
  }
  const locate = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const data = doc.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: '', message: 'the file is empty' }] };
  }
  const result = goalsFileSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, problems: zodProblems(result.error, file, locate) };
  }
  return { ok: true, parsed: { file, content: result.data, locate } };
}

/** Turns zod issues into problems located in the file, each naming the field. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
  prefix: readonly PropertyKey[] = [],
): FileProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        ...locate([...path, key]),
        path: formatPath(path),
        message: `unknown field "${key}"`,
      }));
    }
    return [{ file, ...locate(path), path: formatPath(path), message: issueMessage(issue) }];
  });
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.values.length === 1) {
    return `must be ${JSON.stringify(issue.values[0])}`;
  }
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'measure') {
    return 'not a valid measure';
  }
  return issue.message;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** Formats a problem as `file:line:column: path: message`, the way compilers do. */
export function formatProblem(problem: FileProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}
