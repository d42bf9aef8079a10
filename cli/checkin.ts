import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { type AccessOptions, callServer, errorMessage, UsageError } from './access';
import { EXIT } from './exit-codes';

/** Options of `tandem checkin`. */
export interface CheckinOptions extends AccessOptions {
  value?: string | undefined;
  done?: string | undefined;
  confidence?: string | undefined;
  note?: string | undefined;
  at?: string | undefined;
  cycle?: string | undefined;
  file?: string | undefined;
  json?: boolean | undefined;
}

/** One check-in as the user wrote it, and where (a file row, or the command line). */
interface Row {
  where: string;
  goal: string;
  value?: number;
  done?: string[] | boolean;
  confidence?: number;
  note?: string;
  at?: string;
}

/** A problem with one row: where, and why. */
class RowProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The most check-ins one file may hold: the API's batch, written all or nothing. */
const BATCH_LIMIT = 100;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** Reads one row's cells into a check-in; problems name the row and the column. */
function readRow(where: string, cells: Record<string, unknown>, problems: string[]): Row | undefined {
  const goal = text(cells.goal ?? cells.key ?? cells.id);
  if (!goal) {
    problems.push(`${where}: column goal: empty (a goal's key or id)`);
    return undefined;
  }
  const row: Row = { where, goal };
  const value = text(cells.value);
  if (value !== '') {
    const number = Number(value.replace(/,/g, ''));
    if (!Number.isFinite(number)) problems.push(`${where}: column value: "${value}" is not a number`);
    else row.value = number;
  }
  const done = cells.done;
  if (Array.isArray(done)) row.done = done.map((d) => String(d));
  else if (typeof done === 'boolean') row.done = done;
  else if (text(done) !== '') {
    const raw = text(done);
    if (/^(true|yes)$/i.test(raw)) row.done = true;
    else if (/^(false|no)$/i.test(raw)) row.done = false;
    else
      row.done = raw
        .split(/[;|]/)
        .map((d) => d.trim())
        .filter(Boolean);
  }
  if (row.value === undefined && row.done === undefined && value === '')
    problems.push(`${where}: needs a value (a number) or done (milestones, or true/false)`);
  const confidence = text(cells.confidence);
  if (confidence !== '') {
    const number = Number(confidence);
    if (!Number.isFinite(number) || number < 0 || number > 10)
      problems.push(`${where}: column confidence: "${confidence}" is not a number from 0 to 10`);
    else row.confidence = number;
  }
  const note = text(cells.note);
  if (note) row.note = note;
  const at = text(cells.at ?? cells.date);
  if (at) {
    if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(at))
      problems.push(`${where}: column at: "${at}" is not a date (YYYY-MM-DD) or date-time`);
    else row.at = at;
  }
  return row;
}

/**
 * Reads a file of check-ins: CSV with a header (goal or key, value, done, confidence, note, at),
 * or YAML, a list of such entries (or `checkins:` holding one). Every problem, with its row.
 */
export function readCheckinFile(file: string): Row[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const rows: Row[] = [];
  if (/\.ya?ml$/i.test(file)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(content);
    } catch (error) {
      throw new UsageError(`${file}: not YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { checkins?: unknown } | null)?.checkins;
    if (!Array.isArray(list))
      throw new UsageError(`${file}: expected a list of check-ins (or checkins: [...])`);
    list.forEach((entry, i) => {
      const where = `${file}: entry ${i + 1}`;
      if (!entry || typeof entry !== 'object')
        problems.push(`${where}: not a mapping such as {goal: nps, value: 52}`);
      else {
        const row = readRow(where, entry as Record<string, unknown>, problems);
        if (row) rows.push(row);
      }
    });
  } else {
    let records: Record<string, string>[];
    try {
      const delimiter = (content.split('\n')[0] ?? '').includes(';') ? ';' : ',';
      records = parseCsv(content, {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        delimiter,
        trim: true,
      });
    } catch (error) {
      throw new UsageError(`${file}: not CSV: ${(error as Error).message}`);
    }
    records.forEach((record, i) => {
      const row = readRow(`${file}:${i + 2}`, record, problems);
      if (row) rows.push(row);
    });
  }
  if (problems.length > 0) throw new RowProblems(problems);
  if (rows.length === 0) throw new UsageError(`${file}: no check-ins`);
  if (rows.length > BATCH_LIMIT)
    throw new UsageError(
      `${file}: ${rows.length} check-ins; one file sends at most ${BATCH_LIMIT} (one batch): split it`,
    );
  return rows;
}

type Goal = { goalType: 'key_result' | 'smart_goal'; goalId: string; title: string };

/** Finds the goals the rows name: by key in the cycle (`--cycle`, else the active one), else by id. */
async function resolveGoals(
  options: CheckinOptions,
  rows: readonly Row[],
): Promise<{ goals: Map<string, Goal>; problems: string[] }> {
  const cycle = options.cycle ?? 'active';
  const keys = await callServer(options, 'GET', `/api/v1/cycles/${encodeURIComponent(cycle)}/goal-keys`);
  if (keys.status === 404 && options.cycle)
    throw new UsageError(`--cycle: no cycle "${options.cycle}" on the server`);
  if (keys.status === 401)
    throw new UsageError(`the server refused the token (401): ${errorMessage(keys.text)}`);
  const byKey = new Map<string, { key: string; goalType: string; goalId: string; title: string }>();
  if (keys.status === 200)
    for (const item of (
      JSON.parse(keys.text) as { items: { key: string; goalType: string; goalId: string; title: string }[] }
    ).items)
      byKey.set(item.key, item);
  const goals = new Map<string, Goal>();
  const problems: string[] = [];
  for (const row of rows) {
    if (goals.has(row.goal)) continue;
    const keyed = byKey.get(row.goal);
    if (keyed?.goalType === 'objective') {
      problems.push(`${row.where}: ${row.goal} is an objective: check in on its key results`);
      continue;
    }
    if (keyed) {
      goals.set(row.goal, {
        goalType: keyed.goalType as Goal['goalType'],
        goalId: keyed.goalId,
        title: keyed.title,
      });
      continue;
    }
    let found: Goal | undefined;
    for (const [goalType, base] of [
      ['key_result', 'key-results'],
      ['smart_goal', 'smart-goals'],
    ] as const) {
      const response = await callServer(options, 'GET', `/api/v1/${base}/${encodeURIComponent(row.goal)}`);
      if (response.status === 200) {
        found = { goalType, goalId: row.goal, title: (JSON.parse(response.text) as { title: string }).title };
        break;
      }
    }
    if (found) goals.set(row.goal, found);
    else
      problems.push(
        `${row.where}: no key result or SMART goal "${row.goal}" (a key in ${options.cycle ?? 'the active cycle'}, or an id) that you may see`,
      );
  }
  return { goals, problems };
}

/**
 * Runs `tandem checkin`: one goal from the command line, or a file of them, sent to the server as
 * one batch (all recorded or none). 0 recorded; 1 the server has no such goal or refused a row
 * (nothing recorded); 2 bad usage, a malformed file or an unreachable server.
 */
export async function runCheckin(
  goal: string | undefined,
  options: CheckinOptions,
  out: (text: string) => void,
): Promise<number> {
  try {
    let rows: Row[];
    if (options.file) {
      if (goal !== undefined || options.value !== undefined || options.done !== undefined)
        throw new UsageError('give a goal with --value or --done, or --file, not both');
      rows = readCheckinFile(options.file);
    } else {
      if (goal === undefined)
        throw new UsageError('name a goal (its key or id) with --value N, or give --file');
      const problems: string[] = [];
      const row = readRow(
        'the command line',
        {
          goal,
          value: options.value,
          done: options.done,
          confidence: options.confidence,
          note: options.note,
          at: options.at,
        },
        problems,
      );
      if (problems.length > 0) throw new RowProblems(problems.map((p) => p.replace('column ', '--')));
      rows = [row!];
    }
    const { goals, problems } = await resolveGoals(options, rows);
    if (problems.length > 0) {
      for (const problem of problems) console.error(problem);
      console.error('nothing was recorded');
      return EXIT.problems;
    }
    const items = rows.map((row) => ({
      ...goals.get(row.goal)!,
      title: undefined,
      ...(row.value !== undefined ? { value: row.value } : {}),
      ...(row.done !== undefined ? { done: row.done } : {}),
      ...(row.confidence !== undefined ? { confidence: row.confidence } : {}),
      ...(row.note !== undefined ? { note: row.note } : {}),
      ...(row.at !== undefined ? { at: row.at } : {}),
    }));
    const { status, text: body } = await callServer(options, 'POST', '/api/v1/check-ins/batch', {
      items: items.map(({ title: _title, ...item }) => item),
    });
    if (status === 201) {
      const results = (
        JSON.parse(body) as { items: { goal: { progress: number | null; score: number | null } }[] }
      ).items;
      if (options.json) out(`${JSON.stringify({ items: results }, null, 2)}\n`);
      else
        rows.forEach((row, i) => {
          const goal = goals.get(row.goal)!;
          const after = results[i]?.goal;
          const progress =
            after?.progress === null || after?.progress === undefined
              ? '-'
              : `${Math.round(after.progress * 100)}%`;
          out(
            `checked in ${row.goal}: ${goal.title} (progress ${progress}, score ${after?.score?.toFixed(2) ?? '-'})\n`,
          );
        });
      return EXIT.ok;
    }
    const error = (
      JSON.parse(body) as {
        error?: { message?: string; details?: { issues?: { path: string; message: string }[] } };
      }
    ).error;
    if (status >= 400 && status < 500 && status !== 401) {
      const issues = error?.details?.issues ?? [];
      if (issues.length === 0)
        console.error(`the server refused the check-in(s) (${status}): ${error?.message ?? body}`);
      for (const issue of issues) {
        const index = /^items\.(\d+)\.?(.*)$/.exec(issue.path);
        const row = index ? rows[Number(index[1])] : undefined;
        console.error(`${row?.where ?? 'the batch'}: ${index?.[2] ? `${index[2]}: ` : ''}${issue.message}`);
      }
      console.error('nothing was recorded');
      return EXIT.problems;
    }
    throw new UsageError(`the server answered ${status}: ${errorMessage(body)}`);
  } catch (error) {
    if (error instanceof RowProblems) {
      for (const problem of error.problems) console.error(problem);
      console.error('nothing was sent');
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      console.error(`tandem checkin: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** Registers `tandem checkin [GOAL] --value N [--confidence C] [--note T] | --file F`. */
export function registerCheckin(program: Command): void {
  program
    .command('checkin')
    .description("check in on a goal (by key or id), or on a file of goals at once, through a server's API")
    .argument('[goal]', "the goal's key in its goals file (in --cycle, else the active cycle) or its id")
    .option('--value <number>', 'the current value')
    .option('--done <milestones>', 'milestones done so far (a;b;c), or true/false for a yes/no goal')
    .option('--confidence <0-10>', 'how likely the target is met')
    .option('--note <text>', 'what changed, what blocks it')
    .option('--at <date>', 'when (YYYY-MM-DD or a date-time; default now)')
    .option('--cycle <name>', 'the cycle whose keys to use (default: the active cycle)')
    .option(
      '--file <file>',
      'a CSV (goal,value,confidence,note,done,at) or YAML list of check-ins, sent as one batch',
    )
    .option('--server <url>', "the server (default: TANDEM_SERVER, else tandem login's)")
    .option('--token <token>', "API token (default: TANDEM_TOKEN, else tandem login's)")
    .option('--json', "print the goals' rollups after the check-ins as JSON")
    .addHelpText(
      'after',
      `
Examples:
  $ tandem login --server https://goals.example.com
  $ tandem checkin nps --value 52 --confidence 7 --note "Survey of November"
  $ tandem checkin onboarding-guide --done "Draft;Review"
  $ tandem checkin --file weekly.csv        # goal,value,confidence,note
  $ tandem checkin --file weekly.yaml       # - { goal: nps, value: 52, confidence: 7 }

Exit codes: 0 recorded; 1 a goal is unknown or the server refused a row (nothing recorded);
2 bad usage, a malformed file (every problem with its row) or an unreachable server.`,
    )
    .action(async (goal: string | undefined, options: CheckinOptions) => {
      process.exitCode = await runCheckin(goal, options, (text) => process.stdout.write(text));
    });
}
