import type { z } from 'zod';
import type { FileProblem, ParsedGoalsFile } from '../goals-file/parse';
import { formatPath } from '../goals-file/parse';
import {
  type FileKeyResult,
  type FileLink,
  type FileMeasure,
  type FileObjective,
  type FileSmartGoal,
  fileKeyResultSchema,
  fileObjectiveSchema,
  fileSmartGoalSchema,
  GOALS_FILE_VERSION,
  type GoalsFile,
  goalsFileSchema,
} from '../goals-file/schema';
import { type Cell, type CellHints, cellText, headerKey, isBlank, readDate, readNumber } from './cells';
import { KeyAllocator } from './keys';

/** One sheet of a spreadsheet: its name and its rows of cells (the first row with headers). */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** What a spreadsheet becomes: a goals file that the importer treats like a YAML one. */
export type SheetResult =
  | {
      ok: true;
      parsed: ParsedGoalsFile;
      /** With `skipInvalid`: the problems of the rows left out (a row may have several), with the goal each made. */
      skipped: SkippedProblem[];
    }
  | { ok: false; problems: FileProblem[] };

/** The columns a spreadsheet may have, each with the headers people give it (compared by `headerKey`). */
export const COLUMN_ALIASES = {
  type: ['type', 'goaltype', 'itemtype', 'level', 'tier'],
  objective: ['objective', 'objectives', 'objectivetitle', 'objectivename', 'o', 'okr'],
  objectiveKey: ['objectivekey', 'objectiveid', 'okey'],
  title: [
    'keyresult',
    'keyresults',
    'kr',
    'krs',
    'krtitle',
    'keyresulttitle',
    'keyresultname',
    'result',
    'smartgoal',
    'smartgoals',
    'task',
    'title',
    'name',
    'goal',
  ],
  key: ['key', 'krkey', 'keyresultkey', 'goalkey', 'ref', 'reference', 'id', 'krid'],
  owner: [
    'owner',
    'krowner',
    'owners',
    'responsible',
    'assignee',
    'assignedto',
    'accountable',
    'dri',
    'person',
    'email',
    'owneremail',
  ],
  lead: ['lead', 'objectiveowner', 'objectivelead', 'leademail'],
  team: [
    'team',
    'department',
    'dept',
    'orgunit',
    'organisationunit',
    'organizationunit',
    'group',
    'businessunit',
    'squad',
    'function',
    'area',
  ],
  start: [
    'baseline',
    'start',
    'startvalue',
    'startingvalue',
    'initial',
    'initialvalue',
    'from',
    'base',
    'baselinevalue',
    'startingpoint',
  ],
  target: ['target', 'targetvalue', 'goalvalue', 'to', 'desired', 'targetnumber', 'objectivevalue'],
  current: [
    'current',
    'currentvalue',
    'actual',
    'actualvalue',
    'value',
    'latest',
    'latestvalue',
    'achieved',
    'now',
    'today',
  ],
  progress: ['progress', '%complete', 'percentcomplete', 'complete', 'completion', '%done', 'progress%'],
  measureUnit: ['uom', 'unitofmeasure', 'unitofmeasurement', 'measureunit', 'metricunit', 'units'],
  unit: ['unit'],
  due: ['due', 'duedate', 'deadline', 'enddate', 'end', 'by', 'targetdate', 'dueby', 'finish'],
  startDate: ['startdate', 'begin', 'begins', 'from date', 'fromdate'],
  weight: ['weight', 'weighting', 'wt', 'weight%'],
  kind: ['kind', 'commitment', 'committed', 'okrtype', 'ambition', 'aspirational'],
  measureType: ['measuretype', 'metrictype', 'direction', 'measure', 'krtype', 'type of measure'],
  confidence: ['confidence', 'conf', 'confidence010'],
  milestones: ['milestones', 'milestonelist', 'steps'],
  note: ['note', 'notes', 'comment', 'comments', 'remarks', 'update'],
  visibility: ['visibility', 'private', 'access'],
  state: ['state', 'lifecycle'],
  threshold: ['threshold', 'limit'],
  low: ['low', 'lowerbound', 'rangelow'],
  high: ['high', 'upperbound', 'rangehigh'],
  supports: ['supports', 'alignsto', 'parent', 'alignedto', 'contributesto', 'parentkey', 'parentkr'],
  cycle: ['cycle', 'quarter', 'period', 'timeframe'],
  definitionOfDone: ['definitionofdone', 'dod', 'done when', 'donewhen', 'successcriteria'],
  description: ['description', 'objectivedescription', 'why', 'rationale'],
} as const;

type Column = keyof typeof COLUMN_ALIASES;

/** Headers that look like columns of goals but that Tandem computes (they are read and ignored). */
const COMPUTED = new Set([
  'status',
  'score',
  'grade',
  'rag',
  'health',
  'trend',
  'forecast',
  'lastcheckin',
  'expected',
]);

/** Words for measure units (a `Unit` column holding these is the unit of measure, not a team). */
const MEASURE_UNITS = new Set([
  '%',
  '$',
  '€',
  '£',
  'pts',
  'points',
  'days',
  'd',
  'hours',
  'h',
  'hrs',
  'minutes',
  'min',
  'ms',
  's',
  'seconds',
  'users',
  'customers',
  'count',
  'number',
  '#',
  'eur',
  'usd',
  'gbp',
  'k',
  'm',
  'nps',
  'score',
  'tickets',
  'weeks',
  'months',
  'x',
  'gb',
  'tb',
  'mb',
  'leads',
  'deals',
  'accounts',
  'people',
]);

const WORDS_DECREASE = /\b(reduce|decrease|lower|cut|shrink|drop|minimi[sz]e|less|fewer|down)\b/i;

interface Header {
  column: Column;
  index: number;
  text: string;
}

/** A problem of a row left out, and the key and title of the goal the row made (if it got that far). */
export interface SkippedProblem extends FileProblem {
  key?: string;
  title?: string;
}

/** What reading one row made: an objective (and whether its own cells have problems), a KR, a SMART goal. */
interface RowMade {
  objective?: FileObjective;
  isObjectiveBad?: boolean;
  kr?: [FileObjective, FileKeyResult];
  goal?: FileSmartGoal;
}

/** Where a path of the goals file came from: its row and column in the sheet. */
interface Place {
  line: number;
  column: number;
}

/**
 * Reads a spreadsheet of goals (CSV or XLSX, already split into cells) as a goals file: one row
 * per KR or SMART goal with recognisable headers, matched whatever their case and spacing
 * (`COLUMN_ALIASES`); an objective written once with its KRs on the rows below it (a blank
 * objective cell means "same as above"); several sheets; numbers and dates as people type them.
 * Rows without keys get keys made from their titles, the same every time. Every problem names the
 * sheet, row, column and reason; the file's `locate` points at cells, so later problems (unknown
 * owner, a measure going the wrong way) do too.
 */
export function readSpreadsheet(
  fileName: string,
  sheets: readonly Sheet[],
  options: {
    cycle?: string | undefined;
    hints?: CellHints;
    asOf?: string;
    /** Leave out the rows with problems (listed in `skipped`) instead of refusing the sheet. */
    skipInvalid?: boolean;
  } = {},
): SheetResult {
  const problems: FileProblem[] = [];
  // Where each path of the goals file came from (a tree by path part: a place is looked up for every
  // goal, and formatting 150,000 paths into a map's keys was a fifth of reading a large sheet).
  const places = new Places();
  const objectives: FileObjective[] = [];
  const smartGoals: FileSmartGoal[] = [];
  const units = new Map<string, string>();
  const keys = new KeyAllocator();
  const objectiveByTitle = new Map<string, FileObjective>();
  const objectiveByKey = new Map<string, FileObjective>();
  const cycles = new Set<string>();
  /** Rows left out (`skipInvalid`), with their problems; objectives skipped, by title and by key. */
  const skipped: SkippedProblem[] = [];
  const skippedObjectives = new Map<string, { title: string; line: number }>();
  const hints = options.hints ?? {};
  // A current value is a check-in as of the moment of reading (the importer adds it only when it
  // differs from the goal's latest).
  const today = () => options.asOf ?? new Date(0).toISOString();
  const multi = sheets.filter((s) => s.rows.some((r) => r.some((c) => !isBlank(c)))).length > 1;

  for (const sheet of sheets) {
    const file = multi ? `${fileName}[${sheet.name}]` : fileName;
    const problem = (line: number, column: number, path: string, message: string) =>
      problems.push({ file, line, column, path, message });
    const headerRow = sheet.rows.findIndex((row) => row.filter((c) => !isBlank(c)).length >= 2);
    if (headerRow < 0) continue;
    const headers = matchHeaders(sheet.rows[headerRow]!);
    const has = (column: Column) => headers.some((h) => h.column === column);
    if (!has('title') && !has('objective')) {
      problem(
        headerRow + 1,
        1,
        '',
        `no column of key results or objectives: expected a header such as "Objective", "Key Result" or "KR" (found ${sheet.rows[headerRow]!.map(cellText).filter(Boolean).join(', ')})`,
      );
      continue;
    }
    const unitColumn = headers.find((h) => h.column === 'unit');
    if (unitColumn)
      unitColumn.column = unitMeaning(
        sheet.rows.slice(headerRow + 1),
        unitColumn.index,
        has('team'),
        has('measureUnit'),
      );
    const indexOf = new Map(headers.map((h) => [h.column, h.index]));
    let above: { objective?: FileObjective; skipped?: string; values: Partial<Record<Column, Cell>> } = {
      values: {},
    };
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      if (row.every(isBlank)) continue;
      const line = r + 1;
      const mark = problems.length;
      const made: RowMade = {};
      // The row read as a function: `return` ends it (a problem, or a row fully read).
      const readRow = (): void => {
        const cell = (column: Column): Cell => {
          const index = indexOf.get(column);
          return index === undefined ? undefined : row[index];
        };
        const at = (column: Column): number => (indexOf.get(column) ?? 0) + 1;
        const text = (column: Column) => cellText(cell(column));
        // Objective columns left blank mean "same as above".
        const inherited = (column: Column): string => {
          const own = text(column);
          if (own !== '') {
            above.values[column] = own;
            return own;
          }
          return text('objective') === '' ? cellText(above.values[column]) : '';
        };
        const type = goalType(text('type'));
        if (type === 'unknown') {
          problem(
            line,
            at('type'),
            'type',
            `"${text('type')}" is not a type: use objective, key result or SMART goal`,
          );
          return;
        }
        const cycle = text('cycle');
        if (cycle) cycles.add(cycle);
        let objectiveTitle = text('objective');
        if (objectiveTitle === '' && type !== 'smart_goal')
          objectiveTitle = above.objective?.title ?? above.skipped ?? '';
        const title = text('title');
        // An objective row: a title in the objective column and nothing in the KR column.
        if (
          type === 'objective' ||
          (type === 'auto' && title === '' && objectiveTitle !== '' && text('objective') !== '')
        ) {
          const objective = objectiveFor(objectiveTitle, line, at('objective'));
          if (objective) above = { objective, values: above.values };
          return;
        }
        if (title === '') {
          problem(
            line,
            at('title'),
            headers.find((h) => h.column === 'title')?.text ?? 'Key Result',
            'no title: give the key result or SMART goal a title',
          );
          return;
        }
        if (type === 'smart_goal') {
          const goal = smartGoalRow(title, line);
          if (goal) {
            smartGoals.push(goal);
            made.goal = goal;
          }
          return;
        }
        if (objectiveTitle === '') {
          problem(
            line,
            at('objective'),
            'Objective',
            'this key result has no objective: name it in the Objective column (here or on a row above)',
          );
          return;
        }
        const objective = objectiveFor(objectiveTitle, line, at('objective'));
        if (!objective) return;
        above = { objective, values: above.values };
        const i = objectives.indexOf(objective);
        const kr = keyResultRow(title, line, ['objectives', i, 'key_results', objective.key_results!.length]);
        if (kr) {
          objective.key_results!.push(kr);
          made.kr = [objective, kr];
        }

        function objectiveFor(
          objectiveText: string,
          rowLine: number,
          column: number,
        ): FileObjective | undefined {
          // By its key when the sheet gives one (two objectives may share a title), else by title.
          const known = text('objectiveKey')
            ? objectiveByKey.get(text('objectiveKey'))
            : objectiveByTitle.get(objectiveText.toLowerCase());
          if (known) return known;
          const skippedAt = text('objectiveKey')
            ? skippedObjectives.get(`key:${text('objectiveKey')}`)
            : skippedObjectives.get(`title:${objectiveText.toLowerCase()}`);
          if (skippedAt) {
            problem(
              rowLine,
              column,
              'Objective',
              `its objective "${skippedAt.title}" is skipped (row ${skippedAt.line}), so this row is too`,
            );
            return undefined;
          }
          const from = problems.length;
          const key = text('objectiveKey') || keys.allocate(objectiveText, 'objective');
          if (text('objectiveKey')) keys.reserve(key);
          const objective: FileObjective = { key, title: objectiveText, key_results: [] };
          const team = inherited('team');
          if (team) objective.unit = unitKey(team);
          const lead = inherited('lead');
          if (lead) objective.lead = lead;
          const kind = inherited('kind').toLowerCase();
          if (kind) {
            if (/commit/.test(kind)) objective.kind = 'committed';
            else if (/aspir|stretch|ambit|moon|roof/.test(kind)) objective.kind = 'aspirational';
            else problem(rowLine, at('kind'), 'kind', `"${kind}" is neither committed nor aspirational`);
          }
          const description = text('objective') !== '' ? text('description') : '';
          if (description) objective.description = description;
          const visible = visibilityIn(text('visibility'));
          if (visible) objective.visibility = visible;
          const state = text('state').toLowerCase();
          if (state === 'draft' || state === 'closed' || state === 'dropped') objective.state = state;
          const i = objectives.length;
          // On a KR row, "Aligns to" is its objective's link (as an export writes it).
          const parents = text('supports');
          if (parents) {
            objective.aligns_to = linksOf(parents);
            place(['objectives', i, 'aligns_to'], rowLine, at('supports'));
          }
          place(['objectives', i], rowLine, column);
          place(['objectives', i, 'key'], rowLine, column);
          place(['objectives', i, 'title'], rowLine, column);
          if (objective.unit) place(['objectives', i, 'unit'], rowLine, at('team'));
          if (objective.lead) place(['objectives', i, 'lead'], rowLine, at('lead'));
          objectives.push(objective);
          if (!objectiveByTitle.has(objectiveText.toLowerCase()))
            objectiveByTitle.set(objectiveText.toLowerCase(), objective);
          objectiveByKey.set(objective.key, objective);
          made.objective = objective;
          made.isObjectiveBad = problems.length > from;
          return objective;
        }

        function measured(path: (string | number)[], goalTitle: string) {
          const measure: FileMeasure = {};
          const start = number('start', path, 'measure.start');
          const target = number('target', path, 'measure.target');
          // Milestones and yes/no goals hold words in the current cell (the milestones done; done or not).
          const wordType = measureTypeOf(
            text('measureType')
              .toLowerCase()
              .replace(/[\s_-]+/g, ' '),
          );
          const isListed = wordType === 'milestones' || wordType === 'boolean';
          const current = isListed ? undefined : number('current', path, 'current');
          const progress = number('progress', path, 'current');
          let unit = text('measureUnit') || start?.unit || target?.unit || current?.unit;
          const typeText = text('measureType')
            .toLowerCase()
            .replace(/[\s_-]+/g, ' ');
          // An export writes "aligned" for a KR measured by what aligns to it.
          if (typeText === 'aligned') return { isAligned: true };
          const declared = measureTypeOf(typeText);
          if (typeText && !declared)
            problem(
              line,
              at('measureType'),
              'measure',
              `"${text('measureType')}" is not a measure type: use increase, decrease, at least, at most, between, milestones or yes/no`,
            );
          if (declared === 'milestones') {
            // Names separated by semicolons, `name*weight` for a weighted one (as an export writes
            // them); the current cell lists the milestones done.
            const list = text('milestones')
              .split(';')
              .map((m) => m.trim())
              .filter(Boolean)
              .map((m) => {
                const weighted = /^(.*)\*\s*(\d+(?:\.\d+)?)$/.exec(m);
                return weighted ? { name: weighted[1]!.trim(), weight: Number(weighted[2]) } : m;
              });
            if (list.length === 0) return {};
            measure.type = 'milestones';
            (measure as { milestones: unknown[] }).milestones = list;
            const done = text('current')
              .split(';')
              .map((m) => m.trim())
              .filter(Boolean);
            return { measure, done: isBlank(cell('current')) ? undefined : done };
          }
          let value = current?.value;
          if (declared === 'boolean') {
            measure.type = 'boolean';
            const done = text('current').toLowerCase();
            return {
              measure,
              done: done === '' ? undefined : /^(yes|y|true|done|1|x|✓|complete|completed)$/.test(done),
            };
          }
          if (
            start === undefined &&
            target === undefined &&
            current === undefined &&
            progress !== undefined
          ) {
            // "% complete" alone: a percentage from 0 to 100.
            measure.type = 'increase';
            measure.start = 0;
            measure.target = 100;
            unit = '%';
            value =
              progress.value <= 1 && progress.unit !== '%' && text('progress').includes('.')
                ? progress.value * 100
                : progress.value;
          } else {
            if (declared === 'at_least' || declared === 'at_most') {
              measure.type = declared;
              // The Threshold column (as an export writes it), else the target.
              const threshold = number('threshold', path, 'measure.threshold') ?? target;
              if (threshold !== undefined) measure.threshold = threshold.value;
              unit ||= threshold?.unit;
            } else if (declared === 'between') {
              measure.type = 'between';
              // The Low and High columns (as an export writes them), else start and target.
              const low = number('low', path, 'measure.low') ?? start;
              const high = number('high', path, 'measure.high') ?? target;
              if (low !== undefined) measure.low = low.value;
              if (high !== undefined) measure.high = high.value;
              unit ||= low?.unit ?? high?.unit;
            } else {
              if (start !== undefined) measure.start = start.value;
              if (target !== undefined) measure.target = target.value;
              if (declared === 'increase' || declared === 'decrease') measure.type = declared;
              else if (start !== undefined && target !== undefined)
                measure.type = target.value >= start.value ? 'increase' : 'decrease';
              else if (target !== undefined)
                measure.type = WORDS_DECREASE.test(goalTitle) ? 'decrease' : 'increase';
            }
          }
          if (unit && Object.keys(measure).length > 0) measure.unit = unit.slice(0, 40);
          place([...path, 'measure'], line, at(target !== undefined ? 'target' : 'start'));
          place([...path, 'measure', 'start'], line, at('start'));
          place([...path, 'measure', 'low'], line, at('start'));
          place([...path, 'measure', 'target'], line, at('target'));
          place([...path, 'measure', 'threshold'], line, at('target'));
          place([...path, 'measure', 'high'], line, at('target'));
          return { measure: Object.keys(measure).length > 0 ? measure : undefined, value };
        }

        function number(column: Column, path: (string | number)[], field: string) {
          if (isBlank(cell(column))) return undefined;
          const read = readNumber(cell(column), hints);
          if (!read) {
            problem(
              line,
              at(column),
              headers.find((h) => h.column === column)!.text,
              `"${text(column)}" is not a number`,
            );
            return undefined;
          }
          place([...path, ...field.split('.')], line, at(column));
          return read;
        }

        function common(path: (string | number)[]) {
          const confidence = isBlank(cell('confidence'))
            ? undefined
            : readNumber(cell('confidence'), hints)?.value;
          if (
            !isBlank(cell('confidence')) &&
            (confidence === undefined || confidence < 0 || confidence > 10 || !Number.isInteger(confidence))
          )
            problem(
              line,
              at('confidence'),
              'Confidence',
              `"${text('confidence')}" is not a confidence from 0 to 10`,
            );
          const owner = text('owner');
          if (owner) place([...path, 'owner'], line, at('owner'));
          return {
            confidence:
              confidence !== undefined && Number.isInteger(confidence) && confidence >= 0 && confidence <= 10
                ? confidence
                : undefined,
            owner,
            note: text('note') || undefined,
          };
        }

        function keyResultRow(
          krTitle: string,
          rowLine: number,
          path: (string | number)[],
        ): FileKeyResult | undefined {
          const key = text('key') || keys.allocate(krTitle, 'kr');
          if (text('key')) keys.reserve(key);
          const kr: FileKeyResult = { key, title: krTitle };
          place(path, rowLine, at('title'));
          place([...path, 'key'], rowLine, at(text('key') ? 'key' : 'title'));
          place([...path, 'title'], rowLine, at('title'));
          const { measure, value, done, isAligned } = measured(path, krTitle) as {
            measure?: FileMeasure;
            value?: number;
            done?: boolean | string[];
            isAligned?: boolean;
          };
          if (measure) kr.measure = measure;
          if (isAligned) kr.source = 'aligned';
          const { confidence, owner, note } = common(path);
          if (owner) kr.owner = owner;
          if (!isBlank(cell('weight'))) {
            const weight = readNumber(cell('weight'), hints);
            if (!weight || weight.value < 0)
              problem(
                rowLine,
                at('weight'),
                'Weight',
                `"${text('weight')}" is not a weight (a number, 0 or more)`,
              );
            else kr.weight = weight.unit === '%' ? weight.value / 100 : weight.value;
          }
          if (value !== undefined || done !== undefined) {
            kr.checkins = [
              {
                at: today(),
                ...(done !== undefined ? { done } : { value: value! }),
                ...(confidence !== undefined ? { confidence } : {}),
                ...(note ? { note } : {}),
              },
            ];
            place([...path, 'checkins', 0], rowLine, at('current'));
          } else if (confidence !== undefined) kr.confidence = confidence;
          return kr;
        }

        function smartGoalRow(goalTitle: string, rowLine: number): FileSmartGoal | undefined {
          const path = ['smart_goals', smartGoals.length];
          const key = text('key') || keys.allocate(goalTitle, 'smart-goal');
          if (text('key')) keys.reserve(key);
          const goal: FileSmartGoal = { key, title: goalTitle };
          place(path, rowLine, at('title'));
          place([...path, 'key'], rowLine, at('title'));
          place([...path, 'title'], rowLine, at('title'));
          const { measure, value, done } = measured(path, goalTitle) as {
            measure?: FileMeasure;
            value?: number;
            done?: boolean | string[];
          };
          goal.measure = measure ?? { type: 'boolean' };
          const { confidence, owner, note } = common(path);
          if (owner) goal.owner = owner;
          const dod = text('definitionOfDone');
          if (dod) goal.definition_of_done = dod;
          for (const [column, field] of [
            ['due', 'due'],
            ['startDate', 'start'],
          ] as const) {
            if (isBlank(cell(column))) continue;
            const date = readDate(cell(column), hints);
            if (!date)
              problem(
                rowLine,
                at(column),
                column === 'due' ? 'Due' : 'Start date',
                `"${text(column)}" is not a date (use 2026-11-30, 30/11/2026, 30 Nov 2026 or a date cell)`,
              );
            else {
              goal[field] = date;
              place([...path, field], rowLine, at(column));
            }
          }
          const supports =
            text('supports') ||
            (text('objective') ? (objectiveByTitle.get(text('objective').toLowerCase())?.key ?? '') : '');
          if (supports) {
            goal.supports = linksOf(supports);
            place([...path, 'supports'], rowLine, at('supports'));
          }
          const visible = visibilityIn(text('visibility'));
          if (visible) goal.visibility = visible;
          const goalState = text('state').toLowerCase();
          if (goalState === 'done' || goalState === 'missed' || goalState === 'dropped')
            goal.state = goalState;
          if (value !== undefined || done !== undefined) {
            goal.checkins = [
              {
                at: today(),
                ...(done !== undefined ? { done } : { value: value! }),
                ...(confidence !== undefined ? { confidence } : {}),
                ...(note ? { note } : {}),
              },
            ];
            place([...path, 'checkins', 0], rowLine, at('current'));
          }
          return goal;
        }
      };
      readRow();
      if (options.skipInvalid) {
        // What the schema would refuse of this row's goals is the row's problem too.
        if (made.objective) {
          const i = objectives.indexOf(made.objective);
          const { key_results: _krs, ...own } = made.objective;
          if (!check(file, fileObjectiveSchema, own, ['objectives', i])) made.isObjectiveBad = true;
        }
        if (made.kr) {
          const [o, kr] = made.kr;
          check(file, fileKeyResultSchema, kr, [
            'objectives',
            objectives.indexOf(o),
            'key_results',
            o.key_results!.indexOf(kr),
          ]);
        }
        if (made.goal)
          check(file, fileSmartGoalSchema, made.goal, ['smart_goals', smartGoals.indexOf(made.goal)]);
        if (problems.length > mark) {
          const gone = skipRow(line, made, problems.splice(mark));
          if (gone) above = { values: above.values, skipped: gone };
        }
      }
    }
  }

  /** A goal of a row as the schema sees it; each issue a problem at its cell. False when refused. */
  function check(file: string, schema: z.ZodType, value: unknown, path: (string | number)[]): boolean {
    const result = schema.safeParse(value);
    if (result.success) return true;
    for (const issue of result.error.issues.slice(0, 10)) {
      const full = [...path, ...(issue.path as (string | number)[])];
      const at = places.nearest(full);
      problems.push({
        file,
        line: at.line,
        column: at.column,
        path: formatPath(full),
        message: issue.message,
      });
    }
    return false;
  }

  /**
   * Leaves a row with problems out (`skipInvalid`): its KR or SMART goal, or the objective it
   * made (with the KRs below it, which say so) when the problem is the objective's.
   */
  function skipRow(line: number, made: RowMade, rowProblems: FileProblem[]): string | undefined {
    const goal = made.objective && made.isObjectiveBad ? made.objective : (made.kr?.[1] ?? made.goal);
    skipped.push(...rowProblems.map((p) => (goal ? { ...p, key: goal.key, title: goal.title } : p)));
    // What the row placed is all under the goal it made (the last of its list): gone with it.
    const drop = (path: (string | number)[]) => places.drop(path);
    if (made.objective && made.isObjectiveBad) {
      const o = made.objective;
      const i = objectives.indexOf(o);
      drop(['objectives', i]);
      objectives.splice(i, 1);
      if (objectiveByTitle.get(o.title.toLowerCase()) === o) objectiveByTitle.delete(o.title.toLowerCase());
      objectiveByKey.delete(o.key);
      skippedObjectives.set(`title:${o.title.toLowerCase()}`, { title: o.title, line });
      skippedObjectives.set(`key:${o.key}`, { title: o.title, line });
      return o.title;
    }
    if (made.kr) {
      const [o, kr] = made.kr;
      const j = o.key_results!.indexOf(kr);
      drop(['objectives', objectives.indexOf(o), 'key_results', j]);
      o.key_results!.splice(j, 1);
    } else if (made.goal) {
      const k = smartGoals.indexOf(made.goal);
      drop(['smart_goals', k]);
      smartGoals.splice(k, 1);
    }
    return undefined;
  }

  function unitKey(team: string): string {
    const existing = units.get(team.toLowerCase());
    if (existing) return existing;
    const key = new KeyAllocator();
    for (const k of units.values()) key.reserve(k);
    const made = key.allocate(team, 'unit');
    units.set(team.toLowerCase(), made);
    return made;
  }

  function place(path: (string | number)[], line: number, column: number): void {
    places.set(path, { line, column });
  }

  if (problems.length === 0 && skipped.length === 0 && objectives.length === 0 && smartGoals.length === 0) {
    problems.push({
      file: fileName,
      line: 1,
      column: 1,
      path: '',
      message:
        'no goals found: expected a header row (Objective, Key Result, Owner, Start, Target...) and rows below it',
    });
  }
  const cycleName = options.cycle ?? (cycles.size === 1 ? [...cycles][0] : undefined);
  if (!cycleName) {
    problems.push({
      file: fileName,
      line: 1,
      column: 1,
      path: 'cycle',
      message:
        cycles.size > 1
          ? `the sheet names ${cycles.size} cycles (${[...cycles].join(', ')}): import one at a time with --cycle`
          : 'name the cycle to import into (--cycle 2026-Q4, or a Cycle column)',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  // The teams of the objectives read (a skipped objective's team is not declared for it alone).
  const teams = new Set(objectives.map((o) => o.unit));
  const used = [...units.entries()].filter(([, key]) => teams.has(key));
  const content: GoalsFile = {
    version: GOALS_FILE_VERSION,
    cycle: cycleName!,
    ...(used.length > 0
      ? {
          units: used.map(([name, key]) => ({
            key,
            name: originalName(sheets, name) ?? name,
          })),
        }
      : {}),
    ...(objectives.length > 0 ? { objectives } : {}),
    ...(smartGoals.length > 0 ? { smart_goals: smartGoals } : {}),
  };
  const checked = goalsFileSchema.safeParse(content);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.slice(0, 100).map((issue) => {
        const path = formatPath(issue.path as (string | number)[]);
        const at = places.nearest(issue.path as (string | number)[]);
        return { file: fileName, line: at.line, column: at.column, path, message: issue.message };
      }),
    };
  }
  return {
    ok: true,
    parsed: {
      file: fileName,
      content: checked.data,
      locate: (path) => places.nearest(path as (string | number)[]),
    },
    skipped,
  };
}

interface PlaceNode {
  at?: Place;
  parts?: Map<string | number, PlaceNode>;
}

/** Where the paths of a goals file made from a sheet came from: a tree by path part. */
class Places {
  readonly #root: PlaceNode = {};

  set(path: readonly (string | number)[], at: Place): void {
    let node = this.#root;
    for (const part of path) {
      node.parts ??= new Map();
      let next = node.parts.get(part);
      if (!next) {
        next = {};
        node.parts.set(part, next);
      }
      node = next;
    }
    node.at = at;
  }

  /** Forgets the places of a path and of every path under it. */
  drop(path: readonly (string | number)[]): void {
    let node: PlaceNode | undefined = this.#root;
    for (const part of path.slice(0, -1)) node = node?.parts?.get(part);
    node?.parts?.delete(path[path.length - 1]!);
  }

  /** The place of a path, or of the longest part of it that has one (line 1, column 1 if none). */
  nearest(path: readonly (string | number)[]): Place {
    let node: PlaceNode | undefined = this.#root;
    let found: Place | undefined;
    for (const part of path) {
      node = node.parts?.get(part);
      if (!node) break;
      if (node.at) found = node.at;
    }
    return found ?? { line: 1, column: 1 };
  }
}

function originalName(sheets: readonly Sheet[], lower: string): string | undefined {
  for (const sheet of sheets)
    for (const row of sheet.rows)
      for (const c of row) if (cellText(c).toLowerCase() === lower) return cellText(c);
  return undefined;
}

/**
 * A Visibility (or Private) cell: `private` (or yes, true, 1, x in a Private column), `unit`; the
 * default (`workspace`, or blank) is left unsaid.
 */
function visibilityIn(text: string): 'private' | 'unit' | undefined {
  if (/^(private|yes|true|1|x)$/i.test(text)) return 'private';
  if (/^unit$/i.test(text)) return 'unit';
  return undefined;
}

function matchHeaders(row: readonly Cell[]): Header[] {
  const headers: Header[] = [];
  const taken = new Set<Column>();
  row.forEach((cell, index) => {
    const text = cellText(cell);
    const key = headerKey(text);
    if (key === '' || COMPUTED.has(key)) return;
    for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [Column, readonly string[]][]) {
      if (taken.has(column)) continue;
      if (aliases.some((alias) => headerKey(alias) === key)) {
        headers.push({ column, index, text });
        taken.add(column);
        return;
      }
    }
  });
  return headers;
}

/** Whether a `Unit` column names teams or units of measure, by what it holds. */
function unitMeaning(
  rows: readonly Cell[][],
  index: number,
  hasTeam: boolean,
  hasMeasureUnit: boolean,
): Column {
  if (hasTeam) return 'measureUnit';
  if (hasMeasureUnit) return 'team';
  const values = rows.map((r) => cellText(r[index]).toLowerCase()).filter(Boolean);
  const measureLike = values.filter((v) => MEASURE_UNITS.has(v) || v.length <= 2).length;
  return values.length > 0 && measureLike >= values.length / 2 ? 'measureUnit' : 'team';
}

function goalType(text: string): 'objective' | 'key_result' | 'smart_goal' | 'auto' | 'unknown' {
  const t = text.toLowerCase().replace(/[\s_-]+/g, '');
  if (t === '') return 'auto';
  if (/^(o|obj|objective|okr)$/.test(t)) return 'objective';
  if (/^(kr|keyresult|result|metric)$/.test(t)) return 'key_result';
  if (/^(smart|smartgoal|goal|task|initiative|project|action|sg)$/.test(t)) return 'smart_goal';
  return 'unknown';
}

function measureTypeOf(text: string): FileMeasure['type'] | undefined {
  if (text === '') return undefined;
  if (/^(increase|up|grow|higher|raise|increase to|more)$/.test(text)) return 'increase';
  if (/^(decrease|down|reduce|lower|decrease to|less)$/.test(text)) return 'decrease';
  if (/^(at least|min|minimum|>=|≥|above|keep above)$/.test(text)) return 'at_least';
  if (/^(at most|max|maximum|<=|≤|below|keep below)$/.test(text)) return 'at_most';
  if (/^(between|range|within)$/.test(text)) return 'between';
  if (/^(milestones?|steps)$/.test(text)) return 'milestones';
  if (/^(yes\/no|yes no|boolean|binary|done|done\/not done|checkbox)$/.test(text)) return 'boolean';
  return undefined;
}

/** Links written as keys separated by semicolons, `key*weight` for a weighted one (as exports write them). */
function linksOf(text: string): FileLink | FileLink[] {
  const links = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): FileLink => {
      const weighted = /^(.*?)\s*\*\s*(\d+(?:\.\d+)?)$/.exec(part);
      return weighted ? { key: weighted[1]!, weight: Number(weighted[2]) } : part;
    });
  return links.length === 1 ? links[0]! : links;
}

/**
 * The sheets of a spreadsheet by the cycle their rows name in a Cycle column (as `tandem export
 * --all` writes them), for an import of several cycles at once: each cycle's sheets hold its rows
 * and blank rows in place of the others (so rows keep their numbers). A blank Cycle cell means
 * the same as the row above. Undefined when the sheets name at most one cycle.
 */
export function sheetsByCycle(sheets: readonly Sheet[]): Map<string, Sheet[]> | undefined {
  const cycleOf: (string | undefined)[][] = [];
  const names = new Set<string>();
  for (const sheet of sheets) {
    const headerRow = sheet.rows.findIndex((row) => row.filter((c) => !isBlank(c)).length >= 2);
    const column =
      headerRow < 0 ? undefined : matchHeaders(sheet.rows[headerRow]!).find((h) => h.column === 'cycle');
    let current: string | undefined;
    cycleOf.push(
      sheet.rows.map((row, i) => {
        if (column === undefined || i <= headerRow) return undefined;
        const text = cellText(row[column.index]).trim();
        if (text) current = text;
        if (current && row.some((c) => !isBlank(c))) names.add(current);
        return current;
      }),
    );
  }
  if (names.size <= 1) return undefined;
  const out = new Map<string, Sheet[]>();
  for (const name of names) {
    out.set(
      name,
      sheets.flatMap((sheet, s) => {
        const of = cycleOf[s]!;
        // A sheet whose rows all belong to other cycles is left out (its header alone would not count).
        if (!of.some((c) => c === name)) return [];
        const rows = sheet.rows.map((row, i) => (of[i] !== undefined && of[i] !== name ? [] : row));
        return [{ name: sheet.name, rows }];
      }),
    );
  }
  // Sheets naming no cycle: under "", for the cycle the import is told (or the active one).
  const unnamed = sheets.filter((_, s) => cycleOf[s]!.every((c) => c === undefined));
  if (unnamed.length > 0) out.set('', unnamed);
  return out;
}
