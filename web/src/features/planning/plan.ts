import { type CycleDates, quarterContaining } from '../../../../core/cycle';

/**
 * Planning a cycle in the browser, as plain logic: the quarter to propose next (SPEC 3.9), and
 * the planned cascade (company -> units -> teams, each goal with its state, owner, coach counts
 * and the parent it aligns to; orphans called out).
 */

export interface CycleLike {
  id: string;
  name: string;
  kind: string;
  state: string;
  startDate: string;
  endDate: string;
}

/**
 * The quarter to propose as the next cycle: the one after the latest quarter the workspace has
 * (or the quarter after today's when it has none), named per SPEC 3.9 (`2027-Q1`, or `FY2027-Q1`
 * for a fiscal year that is not the calendar year).
 *
 * @example
 * proposeNextQuarter([{ kind: 'quarter', endDate: '2026-12-31', ... }], '2026-11-02', 1).name // '2027-Q1'
 */
export function proposeNextQuarter(
  cycles: readonly CycleLike[],
  today: string,
  fiscalYearStartMonth: number,
): CycleDates {
  const quarters = cycles.filter((c) => c.kind === 'quarter').map((c) => c.endDate);
  const last = quarters.sort().at(-1) ?? quarterOf(today, fiscalYearStartMonth).endDate;
  const [year, month] = last.split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return quarterContaining(next.year, next.month, fiscalYearStartMonth);
}

function quarterOf(day: string, fiscalYearStartMonth: number): CycleDates {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return quarterContaining(year, month, fiscalYearStartMonth);
}

/** The cycle the plan page opens on: the one asked for, else the first in planning. */
export function planningCycle<C extends CycleLike>(cycles: readonly C[], wanted?: string): C | undefined {
  const open = cycles.filter((c) => c.state === 'planning');
  return cycles.find((c) => c.id === wanted && c.state !== 'closed') ?? open.sort(byStart)[0];
}

const byStart = (a: CycleLike, b: CycleLike) => a.startDate.localeCompare(b.startDate);

// ---- the planned cascade ----------------------------------------------------------------

export interface PlanLink {
  parentType: string;
  parentId: string;
}
export interface PlanKeyResult {
  id: string;
  title: string;
  ownerId: string | null;
  measure: unknown;
}
export interface PlanObjective {
  id: string;
  title: string;
  unitId: string | null;
  ownerId: string | null;
  leadId: string | null;
  state: string;
  predecessorId: string | null;
  keyResults: readonly PlanKeyResult[];
  alignsTo: readonly PlanLink[];
}
export interface PlanSmartGoal {
  id: string;
  title: string;
  unitId: string | null;
  ownerId: string;
  state: string;
  supports: readonly PlanLink[];
}
export interface PlanUnit {
  id: string;
  name: string;
  parentId: string | null;
}
export interface PlanFinding {
  target: string;
  severity: string;
}

/** A goal's coach counts. */
export interface CoachCounts {
  errors: number;
  warnings: number;
}

/** How a planned goal stands: a draft, published ahead of activation (`ready`), or carried over. */
export type PlanState = 'draft' | 'ready' | 'carried_over' | 'dropped';

export interface PlannedGoal {
  type: 'objective' | 'key_result' | 'smart_goal';
  id: string;
  title: string;
  state: PlanState;
  ownerId: string | null;
  coach: CoachCounts;
  /** The parent it aligns to: a title when it is a goal the page knows, else `elsewhere`. */
  parent: { id: string; title: string | null } | null;
  /** A company goal (of the root unit) needs no parent; any other without one is an orphan. */
  isOrphan: boolean;
  /** For a carried-over objective's KR: the baseline before and after (SPEC 7). */
  baseline?: { before: number | null; after: number | null };
  children: PlannedGoal[];
}

export interface CascadeUnit {
  unit: PlanUnit;
  goals: PlannedGoal[];
  units: CascadeUnit[];
}

export interface PlannedCascade {
  roots: CascadeUnit[];
  /** Personal objectives and SMART goals outside any unit. */
  personal: PlannedGoal[];
  orphans: PlannedGoal[];
  counts: {
    objectives: number;
    smartGoals: number;
    drafts: number;
    carriedOver: number;
    errors: number;
    warnings: number;
  };
}

const startOf = (measure: unknown): number | null => {
  const start = (measure as { start?: unknown } | null)?.start;
  return typeof start === 'number' ? start : null;
};

/**
 * The planned cascade of a cycle: units as a tree from the company (roots: units without a parent),
 * each with its objectives (KRs and the SMART goals aligned to them beneath) and its SMART goals
 * not aligned to a goal of the cycle. `predecessors` maps a carried-over objective's predecessor
 * id to its KRs, so each KR shows its old and new baseline (KRs match by position: a successor's
 * KRs are created in its predecessor's order).
 */
export function plannedCascade(input: {
  objectives: readonly PlanObjective[];
  smartGoals: readonly PlanSmartGoal[];
  units: readonly PlanUnit[];
  findings: readonly PlanFinding[];
  /** Titles of goals outside the cycle that goals here align to (the active cycle's), by id. */
  outsideTitles?: ReadonlyMap<string, string>;
  predecessors?: ReadonlyMap<string, readonly PlanKeyResult[]>;
}): PlannedCascade {
  const coach = new Map<string, CoachCounts>();
  for (const f of input.findings) {
    const c = coach.get(f.target) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') c.errors += 1;
    else if (f.severity === 'warning') c.warnings += 1;
    coach.set(f.target, c);
  }
  const countsOf = (id: string) => coach.get(id) ?? { errors: 0, warnings: 0 };
  const titles = new Map<string, string>(input.outsideTitles ?? []);
  for (const o of input.objectives) {
    titles.set(o.id, o.title);
    for (const kr of o.keyResults) titles.set(kr.id, kr.title);
  }
  const inCycle = new Set(input.objectives.flatMap((o) => [o.id, ...o.keyResults.map((k) => k.id)]));
  const roots = new Set(input.units.filter((u) => u.parentId === null).map((u) => u.id));
  const parentOf = (links: readonly PlanLink[]) => {
    const link = links[0];
    return link ? { id: link.parentId, title: titles.get(link.parentId) ?? null } : null;
  };
  const isCompany = (unitId: string | null) => unitId !== null && roots.has(unitId);

  const smartByParent = new Map<string, PlannedGoal[]>();
  const looseSmart: { unitId: string | null; goal: PlannedGoal }[] = [];
  for (const g of input.smartGoals) {
    const goal: PlannedGoal = {
      type: 'smart_goal',
      id: g.id,
      title: g.title,
      state: g.state === 'dropped' ? 'dropped' : g.state === 'draft' ? 'draft' : 'ready',
      ownerId: g.ownerId,
      coach: countsOf(g.id),
      parent: parentOf(g.supports),
      isOrphan: g.supports.length === 0,
      children: [],
    };
    const inside = g.supports.find((l) => inCycle.has(l.parentId));
    if (inside) smartByParent.set(inside.parentId, [...(smartByParent.get(inside.parentId) ?? []), goal]);
    else looseSmart.push({ unitId: g.unitId, goal });
  }

  const byUnit = new Map<string | null, PlannedGoal[]>();
  const add = (unitId: string | null, goal: PlannedGoal) =>
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), goal]);
  for (const o of input.objectives) {
    const before = o.predecessorId ? input.predecessors?.get(o.predecessorId) : undefined;
    const carried = o.predecessorId !== null;
    const keyResults = o.keyResults.map(
      (kr, i): PlannedGoal => ({
        type: 'key_result',
        id: kr.id,
        title: kr.title,
        state: carried ? 'carried_over' : o.state === 'draft' ? 'draft' : 'ready',
        ownerId: kr.ownerId,
        coach: countsOf(kr.id),
        parent: null,
        isOrphan: false,
        ...(carried
          ? { baseline: { before: startOf(before?.[i]?.measure), after: startOf(kr.measure) } }
          : {}),
        children: smartByParent.get(kr.id) ?? [],
      }),
    );
    add(o.unitId, {
      type: 'objective',
      id: o.id,
      title: o.title,
      state:
        o.state === 'dropped'
          ? 'dropped'
          : carried
            ? 'carried_over'
            : o.state === 'draft'
              ? 'draft'
              : 'ready',
      ownerId: o.leadId ?? o.ownerId,
      coach: countsOf(o.id),
      parent: parentOf(o.alignsTo),
      isOrphan: o.alignsTo.length === 0 && !isCompany(o.unitId),
      children: [...keyResults, ...(smartByParent.get(o.id) ?? [])],
    });
  }
  for (const { unitId, goal } of looseSmart) add(unitId, goal);

  const known = new Set(input.units.map((u) => u.id));
  const build = (unit: PlanUnit): CascadeUnit => ({
    unit,
    goals: byUnit.get(unit.id) ?? [],
    units: input.units
      .filter((u) => u.parentId === unit.id)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(build),
  });
  const personal = [...byUnit.entries()].flatMap(([unitId, goals]) =>
    unitId === null || !known.has(unitId) ? goals : [],
  );
  const all: PlannedGoal[] = [];
  const walk = (goals: readonly PlannedGoal[]) => {
    for (const g of goals) {
      all.push(g);
      walk(g.children);
    }
  };
  walk([...byUnit.values()].flat());
  const live = all.filter((g) => g.state !== 'dropped');
  return {
    roots: input.units.filter((u) => u.parentId === null).map(build),
    personal,
    orphans: live.filter((g) => g.isOrphan && g.type !== 'key_result'),
    counts: {
      objectives: live.filter((g) => g.type === 'objective').length,
      smartGoals: live.filter((g) => g.type === 'smart_goal').length,
      drafts: live.filter((g) => g.type !== 'key_result' && g.state === 'draft').length,
      carriedOver: live.filter((g) => g.type === 'objective' && g.state === 'carried_over').length,
      errors: live.reduce((n, g) => n + g.coach.errors, 0),
      warnings: live.reduce((n, g) => n + g.coach.warnings, 0),
    },
  };
}
