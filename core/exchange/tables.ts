import type { GoalEvaluation } from '../evaluate';
import { type Measure, percentShown } from '../measure';
import type { KeyResultNode, Link, ObjectiveNode, Organisation, SmartGoalNode } from '../model';
import { formatDate } from '../time';
import type { CsvCell } from './csv';

/** What an export of a cycle shows beside the goals: numbers as of a moment, and display names. */
export interface CycleTables {
  org: Organisation;
  cycle: string;
  /** The moment the numbers are as of. */
  at: number;
  evaluations: ReadonlyMap<string, GoalEvaluation>;
  /** Display name of a unit key. */
  unitName?: (key: string) => string | undefined;
  /** Goals of the cycle the reader may not see (named as a count, never listed). */
  hiddenGoals?: number;
}

/**
 * The columns of a spreadsheet export: one row per KR and SMART goal (an objective without KRs
 * gets one row of its own). The header names are the ones the importer recognises.
 */
export const CSV_COLUMNS = [
  'Type',
  'Key',
  'Objective key',
  'Objective',
  'Title',
  'Team',
  'Owner',
  'Kind',
  'Visibility',
  'State',
  'Measure',
  'Start',
  'Target',
  'Threshold',
  'Low',
  'High',
  'Milestones',
  'Unit',
  'Weight',
  'Current',
  'Start date',
  'Due',
  'Aligns to',
  'Progress',
  'Score',
  'Status',
  'Confidence',
  'Last check-in',
] as const;

const linkText = (links: readonly Link[]) =>
  links.map((l) => (l.weight === 1 ? l.key : `${l.key}*${l.weight}`)).join('; ');

function measureCells(measure: Measure | undefined): CsvCell[] {
  if (!measure) return ['', '', '', '', '', '', '', ''];
  const m = measure as Partial<Record<string, unknown>> & { type: string };
  const milestones =
    measure.type === 'milestones'
      ? measure.milestones
          .map((x) => (typeof x === 'string' ? x : x.weight === 1 ? x.name : `${x.name}*${x.weight}`))
          .join('; ')
      : '';
  const num = (name: string) => (typeof m[name] === 'number' ? (m[name] as number) : '');
  const unit = typeof m.unit === 'string' ? m.unit : '';
  return [
    measure.type,
    num('start'),
    num('target'),
    num('threshold'),
    num('low'),
    num('high'),
    milestones,
    unit,
  ];
}

/** The rows of a cycle's spreadsheet export, header first. */
export function cycleCsvRows(t: CycleTables): CsvCell[][] {
  const rows: CsvCell[][] = [[...CSV_COLUMNS]];
  const tz = t.org.timeZone;
  const numbers = (key: string): CsvCell[] => {
    const e = t.evaluations.get(key);
    return [e?.progress ?? '', e?.score ?? '', e?.status ?? ''];
  };
  const last = (goal: KeyResultNode | SmartGoalNode) => {
    // A goal read from its stored facts (no check-ins in the node): the same latest value,
    // confidence and time, as of the export's moment.
    if (goal.checkins.length === 0 && goal.facts && goal.facts.lastAt !== null && goal.facts.lastAt <= t.at) {
      const { latestValue, confidence, lastAt } = goal.facts;
      const value = latestValue ?? 0;
      const current = goal.measure?.type === 'boolean' ? (value >= 1 ? 'done' : 'not done') : value;
      return { current, confidence: confidence ?? '', at: new Date(lastAt).toISOString() };
    }
    const checkins = goal.checkins.filter((c) => c.at <= t.at);
    const latest = checkins.at(-1);
    const confidence = [...checkins].reverse().find((c) => c.confidence !== undefined)?.confidence;
    const current =
      latest === undefined
        ? ''
        : goal.measure?.type === 'milestones'
          ? (latest.done ?? []).join('; ')
          : goal.measure?.type === 'boolean'
            ? latest.value >= 1
              ? 'done'
              : 'not done'
            : latest.value;
    return { current, confidence: confidence ?? '', at: latest ? new Date(latest.at).toISOString() : '' };
  };
  for (const o of objectivesOf(t)) {
    const head = (type: string, key: string, title: string): CsvCell[] => [type, key, o.key, o.title, title];
    const objectiveCells = [
      t.unitName?.(o.unit ?? '') ?? o.unit ?? '',
      o.owner ?? o.lead ?? '',
      o.kind ?? '',
    ];
    if (o.keyResults.length === 0) {
      rows.push([
        ...head('objective', o.key, o.title),
        ...objectiveCells,
        o.visibility,
        o.state,
        ...measureCells(undefined),
        '',
        '',
        '',
        '',
        linkText(o.parents),
        ...numbers(o.key),
        '',
        '',
      ]);
    }
    for (const kr of o.keyResults) {
      const l = last(kr);
      rows.push([
        ...head('key_result', kr.key, kr.title),
        objectiveCells[0],
        kr.owner ?? objectiveCells[1],
        objectiveCells[2],
        o.visibility,
        o.state,
        ...(kr.progressSource === 'aligned'
          ? ['aligned', '', '', '', '', '', '', '']
          : measureCells(kr.measure)),
        kr.weight,
        l.current,
        '',
        '',
        linkText(o.parents),
        ...numbers(kr.key),
        l.confidence,
        l.at,
      ]);
    }
  }
  for (const g of smartGoalsOf(t)) {
    const l = last(g);
    rows.push([
      'smart_goal',
      g.key,
      '',
      '',
      g.title,
      '',
      g.owner ?? '',
      '',
      g.visibility,
      g.state,
      ...measureCells(g.measure),
      '',
      l.current,
      formatDate(g.window.start, tz),
      formatDate(g.window.end - 1, tz),
      linkText(g.parents),
      ...numbers(g.key),
      l.confidence,
      l.at,
    ]);
  }
  return rows;
}

const objectivesOf = (t: CycleTables): ObjectiveNode[] => t.org.objectives.filter((o) => o.cycle === t.cycle);
const smartGoalsOf = (t: CycleTables): SmartGoalNode[] => t.org.smartGoals.filter((g) => g.cycle === t.cycle);

const STATUS_LABEL: Record<string, string> = {
  not_started: 'not started',
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  stale: 'stale',
  achieved: 'achieved',
  overdue: 'overdue',
  dropped: 'dropped',
};

const md = (text: string) => text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${percentShown(x)}%`);
const two = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(2));
const statusText = (e: GoalEvaluation | undefined) =>
  e?.status
    ? `${STATUS_LABEL[e.status] ?? e.status}${e.flags.length > 0 ? ` (${e.flags.join(', ').replace(/_/g, ' ')})` : ''}`
    : '-';

/**
 * A cycle as a Markdown document: each objective with its score and status, a table of its KRs,
 * then the SMART goals. Status is always written as words, never only as a colour.
 */
export function cycleMarkdown(t: CycleTables, title?: string): string {
  const tz = t.org.timeZone;
  const out: string[] = [];
  const cycle = t.org.cycles.find((c) => c.name === t.cycle);
  out.push(`# ${md(title ?? `Goals of ${t.cycle}`)}`, '');
  if (cycle)
    out.push(
      `Cycle ${md(t.cycle)}: ${formatDate(cycle.window.start, tz)} to ${formatDate(cycle.window.end - 1, tz)}. Numbers as of ${formatDate(t.at, tz)} (${tz}).`,
      '',
    );
  const objectives = objectivesOf(t);
  const smart = smartGoalsOf(t);
  out.push(
    `${objectives.length} objective${objectives.length === 1 ? '' : 's'}, ${objectives.reduce((n, o) => n + o.keyResults.length, 0)} key results, ${smart.length} SMART goal${smart.length === 1 ? '' : 's'}.`,
  );
  if (t.hiddenGoals) out.push(`${t.hiddenGoals} private goal${t.hiddenGoals === 1 ? '' : 's'} not shown.`);
  out.push('');
  for (const o of objectives) {
    const e = t.evaluations.get(o.key);
    const unit = o.unit ? (t.unitName?.(o.unit) ?? o.unit) : undefined;
    out.push(`## ${md(o.title)}`, '');
    const facts = [
      unit ? `Team: ${md(unit)}` : undefined,
      o.lead || o.owner ? `Lead: ${md(o.lead ?? o.owner ?? '')}` : undefined,
      `Kind: ${o.kind ?? 'not chosen'}`,
      `Score: ${two(e?.score)}`,
      `Status: ${statusText(e)}`,
      e?.grade !== null && e?.grade !== undefined ? `Grade: ${e.grade.toFixed(1)}` : undefined,
    ].filter(Boolean);
    out.push(facts.join(' · '), '');
    if (o.description) out.push(md(o.description), '');
    if (o.keyResults.length > 0) {
      out.push('| Key result | Owner | Progress | Score | Status |', '|---|---|---:|---:|---|');
      for (const kr of o.keyResults) {
        const k = t.evaluations.get(kr.key);
        out.push(
          `| ${md(kr.title)} | ${md(kr.owner ?? '-')} | ${pct(k?.progress)} | ${two(k?.score)} | ${statusText(k)} |`,
        );
      }
      out.push('');
    } else out.push('_No key results yet._', '');
  }
  if (smart.length > 0) {
    out.push(
      '## SMART goals',
      '',
      '| SMART goal | Owner | Due | Progress | Status |',
      '|---|---|---|---:|---|',
    );
    for (const g of smart) {
      const k = t.evaluations.get(g.key);
      out.push(
        `| ${md(g.title)} | ${md(g.owner ?? '-')} | ${formatDate(g.window.end - 1, tz)} | ${pct(k?.progress)} | ${statusText(k)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
