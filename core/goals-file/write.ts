import { parseCycleName } from '../cycle';
import type { PlanPoint } from '../expected';
import type { Measure } from '../measure';
import type { Checkin, KeyResultNode, Link, ObjectiveNode, Organisation, SmartGoalNode } from '../model';
import type { Cadence } from '../settings';
import { formatDate, type Window } from '../time';
import {
  type FileCheckin,
  type FileKeyResult,
  type FileLink,
  type FileMeasure,
  type FileObjective,
  type FileSmartGoal,
  GOALS_FILE_VERSION,
  type GoalsFile,
} from './schema';
import { emitYaml, emitYamlChunks, type YamlValue } from './yaml-emit';

/** How to write an organisation as a goals file. */
export interface WriteOptions {
  /** The cycle to write (its goals only). Default: the organisation's only cycle. */
  cycle?: string;
  /** Month the fiscal year starts (1-12), for quarter names such as `FY2027-Q1`. Default 1. */
  fiscalYearStart?: number;
  /** The file's default cadence: goals with another cadence carry their own. Default weekly. */
  cadence?: Cadence;
}

/**
 * Writes one cycle of an organisation as a goals file (SPEC 9), the reverse of
 * `buildOrganisation`: keys, units, alignment, measures, plans and every check-in, so reading the
 * file back gives the same numbers. The cycle is written by name when the name alone gives the
 * same window, otherwise as `{name, start, end}`.
 *
 * @example
 * const file = writeGoalsFile(org, { fiscalYearStart: 1 });
 * const yaml = stringifyGoalsFile(file);
 */
export function writeGoalsFile(org: Organisation, options: WriteOptions = {}): GoalsFile {
  const { file, objectives, smartGoals } = goalsFileParts(org, options);
  if (objectives.length > 0) file.objectives = objectives.map(objectives.entry);
  if (smartGoals.length > 0) file.smart_goals = smartGoals.map(smartGoals.entry);
  return file;
}

/**
 * `stringifyGoalsFile(writeGoalsFile(org, options), header)` in pieces, goal by goal, each made
 * when it is asked for: a large cycle (30,000 goals, 26 MB) is never held whole, as data or as text.
 * The pieces joined are the same text.
 */
export function* goalsFileChunks(
  org: Organisation,
  options: WriteOptions = {},
  header?: string,
): Generator<string> {
  const { file, objectives, smartGoals } = goalsFileParts(org, options);
  if (header) yield `${headerComment(header)}\n`;
  // The lists are marked by their first entry (where and whether they are written); their
  // entries are made one at a time.
  const lazy = <T, E>(items: readonly T[] & { entry: (item: T) => E }) => ({
    *[Symbol.iterator]() {
      for (const item of items) yield items.entry(item) as unknown as YamlValue;
    },
  });
  const marked = file as unknown as Record<string, YamlValue>;
  if (objectives.length > 0) marked.objectives = [null];
  if (smartGoals.length > 0) marked.smart_goals = [null];
  yield* emitYamlChunks(marked, { objectives: lazy(objectives), smart_goals: lazy(smartGoals) });
}

/** A goals file's head (cycle, settings, units) and its goals with how each is written. */
function goalsFileParts(org: Organisation, options: WriteOptions) {
  const cycle = options.cycle
    ? org.cycles.find((c) => c.name === options.cycle)
    : org.cycles.length === 1
      ? org.cycles[0]
      : undefined;
  if (!cycle) throw new Error(`writeGoalsFile: cycle ${options.cycle ?? '(one of several)'} not found`);
  const timeZone = org.timeZone;
  const fiscalYearStart = options.fiscalYearStart ?? 1;
  const cadence = options.cadence ?? 'weekly';
  const file: GoalsFile = {
    version: GOALS_FILE_VERSION,
    cycle: cycleField(cycle, fiscalYearStart, timeZone),
  };
  if (fiscalYearStart !== 1) file.fiscal_year_start = fiscalYearStart;
  if (timeZone !== 'UTC') file.timezone = timeZone;
  if (cadence !== 'weekly') file.cadence = cadence;
  if (org.units.length > 0) {
    file.units = org.units.map((unit) => ({
      key: unit.key,
      ...(unit.name !== undefined ? { name: unit.name } : {}),
      ...(unit.parent !== undefined ? { parent: unit.parent } : {}),
      ...(unit.leads.length > 0 ? { leads: [...unit.leads] } : {}),
    }));
  }
  const objectives = Object.assign(
    org.objectives.filter((o) => o.cycle === cycle.name),
    { entry: (o: ObjectiveNode) => objectiveEntry(o, cadence, timeZone) },
  );
  const smartGoals = Object.assign(
    org.smartGoals.filter((g) => g.cycle === cycle.name),
    { entry: (g: SmartGoalNode) => smartGoalEntry(g, cycle.window, cadence, timeZone) },
  );
  return { file, objectives, smartGoals };
}

function headerComment(header: string): string {
  return header
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
}

/**
 * The YAML text of a goals file, with a header comment. Written by `emitYaml` (block style, one
 * pass), which reads back to the same data: the `yaml` library took most of a large export's time.
 */
export function stringifyGoalsFile(file: GoalsFile, header?: string): string {
  const body = emitYaml(file as unknown as YamlValue);
  return header ? `${headerComment(header)}\n${body}` : body;
}

function cycleField(
  cycle: { name: string; window: Window },
  fiscalYearStart: number,
  timeZone: string,
): GoalsFile['cycle'] {
  const start = formatDate(cycle.window.start, timeZone);
  // The window ends at the start of the day after the last day.
  const end = formatDate(cycle.window.end - 1, timeZone);
  const named = parseCycleName(cycle.name, fiscalYearStart);
  if (named.ok && named.cycle.startDate === start && named.cycle.endDate === end) return cycle.name;
  return { name: cycle.name, start, end };
}

function objectiveEntry(o: ObjectiveNode, cadence: Cadence, timeZone: string): FileObjective {
  const entry: FileObjective = { key: o.key, title: o.title };
  if (o.description) entry.description = o.description;
  if (o.unit !== undefined) entry.unit = o.unit;
  if (o.lead !== undefined) entry.lead = o.lead;
  if (o.owner !== undefined) entry.owner = o.owner;
  if (o.kind !== undefined) entry.kind = o.kind;
  if (o.state !== 'active') entry.state = o.state;
  if (o.visibility !== 'workspace') entry.visibility = o.visibility;
  if (o.parents.length > 0) entry.aligns_to = links(o.parents);
  if (o.keyResults.length > 0)
    entry.key_results = o.keyResults.map((kr) => keyResultEntry(kr, cadence, timeZone));
  return entry;
}

function keyResultEntry(kr: KeyResultNode, cadence: Cadence, timeZone: string): FileKeyResult {
  const entry: FileKeyResult = { key: kr.key, title: kr.title };
  if (kr.measure) entry.measure = fileMeasure(kr.measure);
  if (kr.weight !== 1) entry.weight = kr.weight;
  if (kr.owner !== undefined) entry.owner = kr.owner;
  if (kr.progressSource === 'aligned') entry.source = 'aligned';
  if (kr.plan.length > 0) entry.plan = plan(kr.plan, timeZone);
  if (kr.cadence !== cadence) entry.cadence = kr.cadence;
  if (kr.leading) entry.leading = true;
  if (kr.confidence !== undefined) entry.confidence = kr.confidence;
  if (kr.progressSource !== 'aligned' && kr.checkins.length > 0)
    entry.checkins = kr.checkins.map((c) => checkinEntry(c, kr.measure));
  return entry;
}

function smartGoalEntry(g: SmartGoalNode, cycle: Window, cadence: Cadence, timeZone: string): FileSmartGoal {
  const entry: FileSmartGoal = { key: g.key, title: g.title };
  if (g.definitionOfDone) entry.definition_of_done = g.definitionOfDone;
  if (g.owner !== undefined) entry.owner = g.owner;
  if (g.parents.length > 0) entry.supports = links(g.parents);
  if (g.measure) entry.measure = fileMeasure(g.measure);
  const start = g.startDate ?? formatDate(g.window.start, timeZone);
  if (start !== formatDate(cycle.start, timeZone)) entry.start = start;
  const due = g.dueDate ?? (g.window.end !== cycle.end ? formatDate(g.window.end - 1, timeZone) : undefined);
  if (due !== undefined) entry.due = due;
  if (g.achievability) entry.achievability = g.achievability;
  if (g.state !== 'open') entry.state = g.state;
  if (g.visibility !== 'workspace') entry.visibility = g.visibility;
  if (g.cadence !== cadence) entry.cadence = g.cadence;
  if (g.confidence !== undefined) entry.confidence = g.confidence;
  if (g.checkins.length > 0) entry.checkins = g.checkins.map((c) => checkinEntry(c, g.measure));
  return entry;
}

function links(parents: readonly Link[]): FileLink | FileLink[] {
  const list = parents.map((p) => (p.weight === 1 ? p.key : { key: p.key, weight: p.weight }));
  return list.length === 1 ? list[0]! : list;
}

function fileMeasure(measure: Measure): FileMeasure {
  // A stored measure has exactly the fields a file measure takes; copy to drop undefined ones.
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(measure)) if (value !== undefined) out[name] = value;
  return out as FileMeasure;
}

function plan(points: readonly PlanPoint[], timeZone: string): FileKeyResult['plan'] {
  return points.map((p) => ({ at: formatDate(p.at, timeZone), expected: p.expected }));
}

function checkinEntry(c: Checkin, measure: Measure | undefined): FileCheckin {
  const entry: FileCheckin = { at: new Date(c.at).toISOString() };
  if (measure?.type === 'milestones') {
    // Names no longer in the list (an edited measure) count for nothing: leave them out.
    const known = new Set(measure.milestones.map((m) => (typeof m === 'string' ? m : m.name).toLowerCase()));
    entry.done = (c.done ?? []).filter((name) => known.has(name.toLowerCase()));
  } else if (measure?.type === 'boolean') entry.done = c.value >= 1;
  else entry.value = c.value;
  if (c.confidence !== undefined) entry.confidence = c.confidence;
  if (c.note) entry.note = c.note;
  return entry;
}
