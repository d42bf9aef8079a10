import type { Command } from 'commander';
import { evaluateOrganisation, type GoalEvaluation } from '../core/evaluate';
import { percentShown } from '../core/measure';
import type { Organisation } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { formatDate, type Instant } from '../core/time';
import { EXIT } from './exit-codes';
import { loadGoalsForCommand } from './load-goals';

/** One goal's numbers in `tandem score --json` (SPEC section 10), numbers unrounded. */
export interface ScoredGoal {
  key: string;
  type: GoalEvaluation['type'];
  progress: number | null;
  score: number | null;
  expected: number | null;
  status: string | null;
  flags: string[];
  forecast: { progress: number; score: number } | null;
  grade: number | null;
}

/** The JSON document `tandem score --json` prints. */
export function scoreJson(
  at: Instant,
  evaluations: readonly GoalEvaluation[],
): { at: string; goals: ScoredGoal[] } {
  return {
    at: new Date(at).toISOString(),
    goals: evaluations.map((e) => ({
      key: e.key,
      type: e.type,
      progress: e.progress,
      score: e.score,
      expected: e.expected,
      status: e.status,
      flags: e.flags,
      forecast: e.forecast ? { progress: e.forecast.progress, score: e.forecast.score } : null,
      grade: e.grade,
    })),
  };
}

const pct = (x: number | null) => (x === null ? '-' : `${percentShown(x)}%`);
const two = (x: number | null) => (x === null ? '-' : x.toFixed(2));

/** A readable table: objectives with their KRs indented beneath, then SMART goals. */
export function scoreTable(org: Organisation, at: Instant, evaluations: readonly GoalEvaluation[]): string {
  const titles = new Map<string, string>();
  for (const o of org.objectives) {
    titles.set(o.key, o.title);
    for (const kr of o.keyResults) titles.set(kr.key, kr.title);
  }
  for (const g of org.smartGoals) titles.set(g.key, g.title);
  const header = ['goal', 'progress', 'score', 'expected', 'status', 'forecast', 'grade', 'flags'];
  const rows = evaluations.map((e) => {
    const indent = e.type === 'key_result' ? '  ' : '';
    const grade = e.grade === null ? '-' : `${e.grade.toFixed(1)}${e.verdict ? ` ${e.verdict.band}` : ''}`;
    const projected = e.forecast
      ? `${two(e.forecast.score)}${e.forecast.reachesTarget ? '' : ' (short)'}`
      : '-';
    return [
      `${indent}${e.key}`,
      pct(e.progress),
      two(e.score),
      pct(e.expected),
      e.status ?? '-',
      projected,
      grade,
      e.flags.join(', '),
    ];
  });
  // A loop, not Math.max(...rows): spreading tens of thousands of rows overflows the stack.
  const widths = header.map((h, i) => rows.reduce((width, r) => Math.max(width, r[i]!.length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [`As of ${formatDate(at, org.timeZone)} (${new Date(at).toISOString()})`, '', line(header)];
  let section: string | undefined;
  for (const [i, row] of rows.entries()) {
    const e = evaluations[i]!;
    const next = e.type === 'smart_goal' ? 'SMART goals' : 'OKRs';
    if (next !== section) {
      out.push('', next);
      section = next;
    }
    out.push(line(row));
    if (e.type !== 'key_result') out.push(`${' '.repeat(2)}${titles.get(e.key) ?? ''}`.trimEnd());
  }
  const counts = new Map<string, number>();
  for (const e of evaluations) counts.set(e.status ?? 'draft', (counts.get(e.status ?? 'draft') ?? 0) + 1);
  out.push('', [...counts].map(([status, n]) => `${n} ${status}`).join(', '));
  return out.join('\n');
}

/** Registers `tandem score FILE... [--at DATE] [--json]`. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description("compute every goal's progress, score, status, forecast and grade from goals files, offline")
    .argument('<files...>', 'goals files (YAML), or folders of them')
    .option(
      '--at <date>',
      'evaluate as of this date (YYYY-MM-DD, start of day in the file timezone) or date-time',
    )
    .option('--json', 'print JSON for scripts')
    .action((files: string[], options: { at?: string; json?: boolean }) => {
      const loaded = loadGoalsForCommand(files, options.at);
      if (!loaded) return;
      const evaluations = evaluateOrganisation(loaded.org, loaded.at, {
        ...DEFAULT_SETTINGS,
        timeZone: loaded.org.timeZone,
      });
      console.log(
        options.json
          ? JSON.stringify(scoreJson(loaded.at, evaluations), null, 2)
          : scoreTable(loaded.org, loaded.at, evaluations),
      );
      process.exitCode = EXIT.ok;
    });
}
