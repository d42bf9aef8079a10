import { Composer, type CST, type Document, isAlias, isNode, LineCounter, Parser, visit } from 'yaml';
import type { z } from 'zod';
import { boundedMessage, ISSUE_LIMITS, takeBounded } from '../errors';
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
 * The limits of a goals file the parser enforces itself: nesting deeper than `maxDepth` levels
 * (a goals file needs about 6) and aliases expanding to more than `maxAliasCount` nodes (an alias
 * bomb) are problems with a line, never a stack overflow or a billion laughs.
 */
export const GOALS_FILE_LIMITS = { maxDepth: 64, maxAliasCount: 100 } as const;

/**
 * Parses a goals file: YAML syntax errors and schema errors are all reported with the file, line
 * and column, and the path of the field, so a CI log points straight at the mistake. Excessive
 * nesting, unresolved aliases and alias bombs are problems too (see `GOALS_FILE_LIMITS`); at most
 * `ISSUE_LIMITS.count` problems are listed, the last one counting the rest.
 *
 * @example
 * const result = parseGoalsFile('version: 1\ncycle: 2026-Q4\n', 'goals.yaml');
 * if (result.ok) result.parsed.content.cycle; // '2026-Q4'
 */
export function parseGoalsFile(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const fail = (offset: number, message: string): ParseResult => ({
    ok: false,
    problems: [{ file, ...at(offset), path: '', message }],
  });
  // The CST parser is iterative; the composer and toJS recurse, so the depth is checked between.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = offsetDeeperThan(tokens, GOALS_FILE_LIMITS.maxDepth);
  if (deep !== undefined) return fail(deep, `nested more than ${GOALS_FILE_LIMITS.maxDepth} levels deep`);
  const doc = firstDocument(tokens, text.length);
  if (!doc) return fail(0, 'the file is empty');
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: bounded(
        doc.errors.map((error) => ({
          file,
          ...at(error.pos[0]),
          path: '',
          message: boundedMessage(`YAML: ${firstLine(error.message)}`),
        })),
        file,
      ),
    };
  }
  const locate = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: GOALS_FILE_LIMITS.maxAliasCount });
  } catch (error) {
    const problem = aliasProblem(doc);
    if (!problem) throw error;
    return fail(problem.offset, problem.message);
  }
  if (data === null || data === undefined) {
    return { ok: false, problems: [{ file, line: 1, column: 1, path: '', message: 'the file is empty' }] };
  }
  const result = goalsFileSchema.safeParse(data);
  if (!result.success) {
    return { ok: false, problems: zodProblems(result.error, file, locate) };
  }
  return { ok: true, parsed: { file, content: result.data, locate } };
}

/** The first document of the tokens; a second one is an error, as `parseDocument` has it. */
function firstDocument(tokens: CST.Token[], length: number): Document.Parsed | undefined {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, version: '1.2' });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        Object.assign(new Error('Source contains multiple documents'), {
          name: 'YAMLParseError' as const,
          code: 'MULTIPLE_DOCS' as const,
          pos: [next.range[0], next.range[1]] as [number, number],
        }),
      );
      break;
    }
  }
  return doc;
}

/** The offset of the first collection nested deeper than `max` levels, walking without recursion. */
function offsetDeeperThan(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (depth > max) return token.offset;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if ('items' in token) {
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * Whether a JSON-like value nests objects or arrays more than `max` levels deep, found without
 * recursion (a 100,000-deep body must not overflow the stack of whoever checks it).
 *
 * @example
 * isDeeperThan({ a: { b: [1] } }, 2); // true
 */
export function isDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Why `toJS` refused a document's aliases: the first unresolved one, or an alias bomb. */
function aliasProblem(doc: Document.Parsed): { offset: number; message: string } | undefined {
  let first: { offset: number; message: string } | undefined;
  let unresolved: { offset: number; message: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      const offset = node.range?.[0] ?? 0;
      if (!isAlias(node)) return;
      if (!node.resolve(doc)) {
        unresolved = { offset, message: boundedMessage(`YAML: unresolved alias *${node.source}`) };
        return visit.BREAK;
      }
      first ??= {
        offset,
        message: `YAML: aliases expand to too many nodes (more than ${GOALS_FILE_LIMITS.maxAliasCount}); write the values out`,
      };
    },
  });
  return unresolved ?? first;
}

/** At most `ISSUE_LIMITS.count` problems, the last one saying how many more there are. */
function bounded(problems: Iterable<FileProblem>, file: string): FileProblem[] {
  const { kept, omitted } = takeBounded(problems, ISSUE_LIMITS.count - 1);
  if (omitted === 0) return kept;
  return [
    ...kept,
    { file, line: kept.at(-1)?.line ?? 1, column: 1, path: '', message: `and ${omitted} more problems` },
  ];
}

/** Turns zod issues into problems located in the file, each naming the field. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
  prefix: readonly PropertyKey[] = [],
): FileProblem[] {
  // Lazy, so that 12,000 unknown keys cost 100 problems (each located in the file), not 12,000.
  function* problems(): Generator<FileProblem> {
    for (const issue of error.issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          yield {
            file,
            ...locate([...path, key]),
            path: boundedMessage(formatPath(path)),
            message: boundedMessage(`unknown field "${key}"`),
          };
      } else
        yield {
          file,
          ...locate(path),
          path: boundedMessage(formatPath(path)),
          message: boundedMessage(issueMessage(issue)),
        };
    }
  }
  return bounded(problems(), file);
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

/**
 * A stream of goals files (`---` between documents, as `tandem export --all` writes one per
 * cycle): each document parsed and validated as `parseGoalsFile` does, with lines and columns of
 * the whole text. A text of one document gives one.
 */
export function parseGoalsStream(
  text: string,
  file: string,
): { ok: true; parsed: ParsedGoalsFile[] } | { ok: false; problems: FileProblem[] } {
  const starts: number[] = [];
  for (const token of new Parser().parse(text)) if (token.type === 'document') starts.push(token.offset);
  if (starts.length <= 1) {
    const one = parseGoalsFile(text, file);
    return one.ok ? { ok: true, parsed: [one.parsed] } : one;
  }
  // Comments before the first document belong to it; each document is parsed after as many
  // blank lines as precede it, so its lines are those of the whole text.
  starts[0] = 0;
  const parsed: ParsedGoalsFile[] = [];
  const problems: FileProblem[] = [];
  let lines = 0;
  for (let i = 0; i < starts.length; i++) {
    const slice = text.slice(starts[i], starts[i + 1] ?? text.length);
    const result = parseGoalsFile('\n'.repeat(lines) + slice, file);
    if (result.ok) parsed.push(result.parsed);
    else problems.push(...result.problems);
    for (let at = slice.indexOf('\n'); at >= 0; at = slice.indexOf('\n', at + 1)) lines++;
  }
  return problems.length > 0 ? { ok: false, problems: bounded(problems, file) } : { ok: true, parsed };
}
