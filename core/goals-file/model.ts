import { cycleWindow, parseCycleName } from '../cycle';
import type { PlanPoint } from '../expected';
import { type Measure, measureSchema, milestoneProgress, REQUIRED_MEASURE_FIELDS } from '../measure';
import type {
  Checkin,
  CycleNode,
  KeyResultNode,
  Link,
  ObjectiveNode,
  Organisation,
  SmartGoalNode,
  UnitNode,
} from '../model';
import type { Cadence } from '../settings';
import { addDays, type Instant, parseMoment, type Window } from '../time';
import { type FileProblem, formatPath, type ParsedGoalsFile, zodProblems } from './parse';
import { type FileCheckin, type FileLink, type FileMeasure, type GoalsFile, splitLinkKey } from './schema';

/** Options for building an organisation from goals files. */
export interface BuildOptions {
  /** The time of reading: `current` values become check-ins at this moment. */
  now: Instant;
  /**
   * What a link to a key that none of the files declares is: a `problem` (the default: the files
   * must be complete), or `kept`, for reading one file of a larger organisation (`tandem lint
   * team.yaml`): the link stays on the goal, and the coach reports it as a finding.
   */
  unknownLinks?: 'problem' | 'kept';
}

export type BuildResult = { ok: true; org: Organisation } | { ok: false; problems: FileProblem[] };

type Path = (string | number)[];

/**
 * Builds one organisation from one or more parsed goals files: resolves every key across the
 * files, checks links (known targets, no cycles), measures, plans and check-ins, and normalises
 * check-ins for the engine. Every problem names the file, line, column and field.
 *
 * @example
 * const built = buildOrganisation([parsed], { now: Date.now() });
 * if (built.ok) evaluateOrganisation(built.org, Date.now());
 */
export function buildOrganisation(files: readonly ParsedGoalsFile[], options: BuildOptions): BuildResult {
  return new OrganisationBuilder(options).build(files);
}

interface Declared {
  file: ParsedGoalsFile;
  path: Path;
  type: 'objective' | 'key_result' | 'smart_goal' | 'unit';
}

class OrganisationBuilder {
  readonly problems: FileProblem[] = [];
  readonly declared = new Map<string, Declared>();
  readonly units = new Map<string, UnitNode & { decl: Declared }>();
  readonly cycles = new Map<string, CycleNode>();
  readonly objectives: ObjectiveNode[] = [];
  readonly smartGoals: SmartGoalNode[] = [];
  readonly linkSites: {
    from: string;
    link: Link;
    file: ParsedGoalsFile;
    path: Path;
    allowed: 'objective' | 'smart_goal';
    /** Written `CYCLE/key`: it may name a goal no file declares (one of the workspace). */
    isQualified: boolean;
  }[] = [];
  timeZone: string | undefined;

  constructor(readonly options: BuildOptions) {}

  problem(file: ParsedGoalsFile, path: Path, message: string): void {
    this.problems.push({ file: file.file, ...file.locate(path), path: formatPath(path), message });
  }

  build(files: readonly ParsedGoalsFile[]): BuildResult {
    for (const file of files) this.addFile(file);
    this.resolveLinks();
    this.checkUnits();
    if (this.problems.length > 0) return { ok: false, problems: this.problems };
    this.checkCycles();
    if (this.problems.length > 0) return { ok: false, problems: this.problems };
    return {
      ok: true,
      org: {
        timeZone: this.timeZone ?? 'UTC',
        cycles: [...this.cycles.values()],
        units: [...this.units.values()].map(({ decl: _decl, ...unit }) => unit),
        objectives: this.objectives,
        smartGoals: this.smartGoals,
      },
    };
  }

  declare(key: string, decl: Declared, keyPath: Path): boolean {
    const earlier = this.declared.get(key);
    if (earlier) {
      const where = earlier.file.locate([...earlier.path, 'key']);
      this.problem(
        decl.file,
        keyPath,
        `key "${key}" is already used at ${earlier.file.file}:${where.line}:${where.column}`,
      );
      return false;
    }
    this.declared.set(key, decl);
    return true;
  }

  addFile(file: ParsedGoalsFile): void {
    const content = file.content;
    const timeZone = content.timezone ?? 'UTC';
    if (this.timeZone !== undefined && this.timeZone !== timeZone) {
      this.problem(file, ['timezone'], `all files must use one timezone; another file uses ${this.timeZone}`);
      return;
    }
    this.timeZone = timeZone;
    const cycle = this.cycleOf(file, content, timeZone);
    if (!cycle) return;
    const cadence: Cadence = content.cadence ?? 'weekly';

    (content.units ?? []).forEach((unit, i) => {
      const decl: Declared = { file, path: ['units', i], type: 'unit' };
      if (this.units.has(unit.key)) {
        this.problem(file, ['units', i, 'key'], `unit "${unit.key}" is declared twice`);
        return;
      }
      this.units.set(unit.key, {
        key: unit.key,
        name: unit.name,
        parent: unit.parent,
        leads: unit.leads ?? [],
        decl,
      });
    });

    (content.objectives ?? []).forEach((objective, i) => {
      const path: Path = ['objectives', i];
      if (!this.declare(objective.key, { file, path, type: 'objective' }, [...path, 'key'])) return;
      const keyResults: KeyResultNode[] = [];
      const node: ObjectiveNode = {
        type: 'objective',
        key: objective.key,
        title: objective.title,
        description: objective.description,
        kind: objective.kind,
        unit: objective.unit,
        lead: objective.lead,
        owner: objective.owner,
        state: objective.state ?? 'active',
        visibility: objective.visibility ?? 'workspace',
        cycle: cycle.name,
        window: cycle.window,
        parents: this.links(objective.key, objective.aligns_to, file, [...path, 'aligns_to'], 'objective'),
        keyResults,
        source: { file: file.file, ...file.locate([...path, 'key']) },
      };
      (objective.key_results ?? []).forEach((kr, j) => {
        const krPath: Path = [...path, 'key_results', j];
        if (!this.declare(kr.key, { file, path: krPath, type: 'key_result' }, [...krPath, 'key'])) return;
        const measured = this.measured(kr, file, krPath, cycle.window);
        keyResults.push({
          type: 'key_result',
          key: kr.key,
          title: kr.title,
          cycle: cycle.name,
          visibility: node.visibility,
          source: { file: file.file, ...file.locate([...krPath, 'key']) },
          objectiveKey: objective.key,
          weight: kr.weight ?? 1,
          progressSource: kr.source ?? 'metric',
          plan: this.plan(kr.plan, file, [...krPath, 'plan'], cycle.window),
          leading: kr.leading ?? false,
          owner: kr.owner,
          cadence: kr.cadence ?? cadence,
          confidence: kr.confidence,
          ...measured,
        });
        if (kr.source === 'aligned' && (kr.measure || kr.checkins || kr.current !== undefined)) {
          this.problem(
            file,
            krPath,
            'a key result with source "aligned" is measured by what aligns to it: remove its measure and check-ins',
          );
        }
      });
      if (keyResults.length > 0 && keyResults.every((kr) => kr.weight <= 0)) {
        this.problem(file, [...path, 'key_results'], 'at least one key result needs a weight above 0');
      }
      this.objectives.push(node);
    });

    (content.smart_goals ?? []).forEach((goal, i) => {
      const path: Path = ['smart_goals', i];
      if (!this.declare(goal.key, { file, path, type: 'smart_goal' }, [...path, 'key'])) return;
      const window = this.smartWindow(goal.start, goal.due, cycle.window, file, path, timeZone);
      this.smartGoals.push({
        type: 'smart_goal',
        key: goal.key,
        title: goal.title,
        cycle: cycle.name,
        visibility: goal.visibility ?? 'workspace',
        source: { file: file.file, ...file.locate([...path, 'key']) },
        definitionOfDone: goal.definition_of_done,
        achievability: goal.achievability,
        state: goal.state ?? 'open',
        window,
        startDate: goal.start,
        dueDate: goal.due,
        parents: this.links(goal.key, goal.supports, file, [...path, 'supports'], 'smart_goal'),
        owner: goal.owner,
        cadence: goal.cadence ?? cadence,
        confidence: goal.confidence,
        ...this.measured(goal, file, path, window),
      });
    });
  }

  cycleOf(file: ParsedGoalsFile, content: GoalsFile, timeZone: string): CycleNode | undefined {
    let node: CycleNode;
    if (typeof content.cycle === 'string') {
      const named = parseCycleName(content.cycle, content.fiscal_year_start ?? 1);
      if (!named.ok) {
        this.problem(file, ['cycle'], named.message);
        return undefined;
      }
      node = { name: named.cycle.name, window: cycleWindow(named.cycle, timeZone) };
    } else {
      node = {
        name: content.cycle.name,
        window: cycleWindow({ startDate: content.cycle.start, endDate: content.cycle.end }, timeZone),
      };
    }
    const known = this.cycles.get(node.name);
    if (known && (known.window.start !== node.window.start || known.window.end !== node.window.end)) {
      this.problem(file, ['cycle'], `cycle "${node.name}" has other dates in another file`);
      return undefined;
    }
    this.cycles.set(node.name, node);
    return node;
  }

  smartWindow(
    start: string | undefined,
    due: string | undefined,
    cycle: Window,
    file: ParsedGoalsFile,
    path: Path,
    timeZone: string,
  ): Window {
    const from = start ? (parseMoment(start, timeZone) ?? cycle.start) : cycle.start;
    const dueDay = due ? parseMoment(due, timeZone) : undefined;
    const to = dueDay !== undefined ? addDays(dueDay, 1, timeZone) : cycle.end;
    if (to <= from) {
      this.problem(
        file,
        [...path, due ? 'due' : 'start'],
        due ? 'due must be on or after start' : 'start is after the cycle ends',
      );
      return { start: from, end: from + 1 };
    }
    return { start: from, end: to };
  }

  links(
    from: string,
    raw: FileLink | FileLink[] | undefined,
    file: ParsedGoalsFile,
    path: Path,
    allowed: 'objective' | 'smart_goal',
  ): Link[] {
    if (raw === undefined) return [];
    const list = Array.isArray(raw) ? raw : [raw];
    const fileCycle = typeof file.content.cycle === 'string' ? file.content.cycle : file.content.cycle.name;
    return list.map((item, i) => {
      const named = typeof item === 'string' ? item : item.key;
      // `CYCLE/key`: of this file's cycle, the goal `key`; of another, a goal this file does not
      // hold. Either may name a goal of the workspace no file declares (an export of one unit's
      // part, or of one cycle): an import resolves it there, so a missing one is no problem here.
      const split = splitLinkKey(named);
      const key = split.cycle === fileCycle ? split.key : named;
      const link = { key, weight: typeof item === 'string' ? 1 : item.weight };
      const at = Array.isArray(raw) ? [...path, i] : path;
      this.linkSites.push({ from, link, file, path: at, allowed, isQualified: split.cycle !== undefined });
      return link;
    });
  }

  resolveLinks(): void {
    for (const site of this.linkSites) {
      const target = this.declared.get(site.link.key);
      if (site.link.key === site.from) this.problem(site.file, site.path, 'a goal cannot align to itself');
      else if (!target) {
        if (this.options.unknownLinks !== 'kept' && !site.isQualified)
          this.problem(site.file, site.path, `no objective or key result has the key "${site.link.key}"`);
      } else if (target.type === 'smart_goal' || target.type === 'unit') {
        this.problem(
          site.file,
          site.path,
          `"${site.link.key}" is a ${target.type.replace('_', ' ')}: link to an objective or key result`,
        );
      }
    }
  }

  checkUnits(): void {
    for (const unit of this.units.values()) {
      if (unit.parent !== undefined && !this.units.has(unit.parent)) {
        this.problem(unit.decl.file, [...unit.decl.path, 'parent'], `no unit has the key "${unit.parent}"`);
      }
    }
    if (this.units.size === 0) return;
    for (const objective of this.objectives) {
      if (objective.unit !== undefined && objective.unit !== 'company' && !this.units.has(objective.unit)) {
        const decl = this.declared.get(objective.key)!;
        this.problem(decl.file, [...decl.path, 'unit'], `no unit has the key "${objective.unit}"`);
      }
    }
  }

  /** Links must form no cycle: child -> parent, and a key result -> its objective. */
  checkCycles(): void {
    const up = new Map<string, string[]>();
    for (const objective of this.objectives) {
      up.set(
        objective.key,
        objective.parents.map((l) => l.key),
      );
      for (const kr of objective.keyResults) up.set(kr.key, [objective.key]);
    }
    for (const goal of this.smartGoals)
      up.set(
        goal.key,
        goal.parents.map((l) => l.key),
      );
    const state = new Map<string, 'open' | 'done'>();
    const visit = (key: string, trail: string[]): string[] | undefined => {
      if (state.get(key) === 'done') return undefined;
      if (state.get(key) === 'open') return [...trail.slice(trail.indexOf(key)), key];
      state.set(key, 'open');
      for (const parent of up.get(key) ?? []) {
        const cycle = visit(parent, [...trail, key]);
        if (cycle) return cycle;
      }
      state.set(key, 'done');
      return undefined;
    };
    for (const key of up.keys()) {
      const cycle = visit(key, []);
      if (cycle) {
        const decl = this.declared.get(cycle[0]!)!;
        this.problem(decl.file, [...decl.path, 'key'], `alignment links form a cycle: ${cycle.join(' -> ')}`);
        return;
      }
    }
  }

  plan(
    raw: { at: string; expected: number }[] | undefined,
    file: ParsedGoalsFile,
    path: Path,
    window: Window,
  ): PlanPoint[] {
    if (!raw) return [];
    const points: PlanPoint[] = [];
    raw.forEach((point, i) => {
      const at = parseMoment(point.at, this.timeZone ?? 'UTC')!;
      if (at <= window.start || at >= window.end)
        this.problem(file, [...path, i, 'at'], 'a plan date must fall inside the cycle, after its first day');
      else if (points.length > 0 && at <= points[points.length - 1]!.at)
        this.problem(file, [...path, i, 'at'], 'plan dates must increase');
      else points.push({ at, expected: point.expected });
    });
    return points;
  }

  measured(
    goal: {
      measure?: FileMeasure | undefined;
      checkins?: FileCheckin[] | undefined;
      current?: number | string[] | boolean | undefined;
    },
    file: ParsedGoalsFile,
    path: Path,
    _window: Window,
  ): { measure?: Measure; missing: string[]; unit?: string; checkins: Checkin[] } {
    const raw = goal.measure;
    const missing: string[] = [];
    let measure: Measure | undefined;
    if (!raw) missing.push('measure');
    else if (!raw.type) missing.push('measure.type');
    else {
      for (const field of REQUIRED_MEASURE_FIELDS[raw.type]) {
        if ((raw as Record<string, unknown>)[field] === undefined) missing.push(`measure.${field}`);
      }
      if (missing.length === 0) {
        const result = measureSchema.safeParse(raw);
        if (result.success) measure = result.data;
        else this.problems.push(...zodProblems(result.error, file.file, file.locate, [...path, 'measure']));
      }
    }
    const entries: { checkin: FileCheckin; path: Path }[] = (goal.checkins ?? []).map((checkin, i) => ({
      checkin,
      path: [...path, 'checkins', i],
    }));
    if (goal.current !== undefined) {
      const c = goal.current;
      entries.push({
        checkin: typeof c === 'number' ? { at: '', value: c } : { at: '', done: c },
        path: [...path, 'current'],
      });
    }
    const checkins: Checkin[] = [];
    for (const { checkin, path: checkinPath } of entries) {
      const at = checkin.at === '' ? this.options.now : parseMoment(checkin.at, this.timeZone ?? 'UTC')!;
      const value = this.checkinValue(checkin, raw?.type, measure, file, checkinPath);
      if (value !== undefined) {
        checkins.push({
          at,
          value,
          confidence: checkin.confidence,
          note: checkin.note,
          done: Array.isArray(checkin.done) ? checkin.done : undefined,
        });
      }
    }
    checkins.sort((x, y) => x.at - y.at);
    const unit = raw?.unit;
    return { ...(measure ? { measure } : {}), missing, ...(unit ? { unit } : {}), checkins };
  }

  checkinValue(
    checkin: FileCheckin,
    type: FileMeasure['type'],
    measure: Measure | undefined,
    file: ParsedGoalsFile,
    path: Path,
  ): number | undefined {
    const isCurrent = path.at(-1) === 'current';
    const field = (name: string): Path => (isCurrent ? path : [...path, name]);
    if (type === 'milestones') {
      if (!Array.isArray(checkin.done)) {
        this.problem(
          file,
          field(checkin.value !== undefined ? 'value' : 'done'),
          'a milestones measure takes `done: [names of the milestones done]`',
        );
        return undefined;
      }
      if (measure?.type !== 'milestones') return 0;
      const known = new Set(
        measure.milestones.map((m) => (typeof m === 'string' ? m : m.name).toLowerCase()),
      );
      const unknown = checkin.done.filter((name) => !known.has(name.toLowerCase()));
      if (unknown.length > 0) {
        this.problem(file, field('done'), `no milestone named ${unknown.map((n) => `"${n}"`).join(', ')}`);
        return undefined;
      }
      return milestoneProgress(measure, checkin.done);
    }
    if (type === 'boolean') {
      if (typeof checkin.done !== 'boolean') {
        this.problem(
          file,
          field(checkin.value !== undefined ? 'value' : 'done'),
          'a boolean measure takes `done: true` or `done: false`',
        );
        return undefined;
      }
      return checkin.done ? 1 : 0;
    }
    if (checkin.value === undefined || checkin.done !== undefined) {
      this.problem(
        file,
        field(checkin.done !== undefined ? 'done' : 'value'),
        type ? `a ${type} measure takes a numeric \`value\`` : 'a check-in needs a `value`',
      );
      return undefined;
    }
    return checkin.value;
  }
}
