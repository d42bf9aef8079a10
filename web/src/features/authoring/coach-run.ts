import { betterWording, type Finding, type FindingField, fieldOfRule, lint } from '../../../../core/coach';
import type {
  GoalNode,
  KeyResultNode,
  ObjectiveNode,
  Organisation,
  SmartGoalNode,
} from '../../../../core/model';
import { dateWindow, type Window } from '../../../../core/time';
import { OBJECTIVE_KEY, SMART_KEY } from './coach-keys';
import { measureOf, type ObjectiveDraft, type ParentRef, type SmartGoalDraft, weightOf } from './draft';

/**
 * The coach in the browser: the draft being written becomes a core `Organisation` and goes through
 * core/coach's `lint`, the same rules and the workspace's severities as `tandem lint` and the
 * server. Loaded lazily (authoring/use-coach.ts), so the rules never weigh on the first load.
 */

/** What the form knows around the draft. */
export interface CoachContext {
  timeZone: string;
  cycle: { name: string; startDate: string; endDate: string };
  units: readonly { id: string; parentId: string | null }[];
  /** The workspace's severities by rule id (`coachSeverities`). */
  severities: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  now: number;
}

export type { FindingField };

/** A finding placed on the form: which goal (`objective`, a KR's key, `smart`), which field, and a rewrite if one exists. */
export interface PlacedFinding extends Finding {
  field: FindingField;
  /** A better title made from the goal's own words ("use this wording"), where the rule gives one. */
  wording?: string | undefined;
}

function baseOrganisation(ctx: CoachContext): { org: Organisation; window: Window } {
  const window = dateWindow(ctx.cycle.startDate, ctx.cycle.endDate, ctx.timeZone);
  return {
    window,
    org: {
      timeZone: ctx.timeZone,
      cycles: [{ name: ctx.cycle.name, window }],
      units: ctx.units.map((u) => ({ key: u.id, parent: u.parentId ?? undefined, leads: [] })),
      objectives: [],
      smartGoals: [],
    },
  };
}

/** The parent as a stored goal the draft links to (so `orphan` and `restates-parent` see it). */
function parentNode(parent: ParentRef, cycle: string, window: Window): ObjectiveNode {
  const objective: ObjectiveNode = {
    type: 'objective',
    key: parent.type === 'objective' ? parent.id : `parent-of-${parent.id}`,
    title: parent.type === 'objective' ? parent.title : 'Parent objective',
    cycle,
    visibility: 'workspace',
    kind: 'aspirational',
    state: 'active',
    window,
    parents: [],
    keyResults: [],
  };
  if (parent.type === 'key_result')
    objective.keyResults.push({
      type: 'key_result',
      key: parent.id,
      title: parent.title,
      cycle,
      visibility: 'workspace',
      objectiveKey: objective.key,
      weight: 1,
      progressSource: 'metric',
      plan: [],
      leading: false,
      missing: [],
      cadence: 'weekly',
      checkins: [],
    });
  return objective;
}

/** An objective draft with its KRs as the coach reads it. */
export function objectiveOrganisation(draft: ObjectiveDraft, ctx: CoachContext): Organisation {
  const { org, window } = baseOrganisation(ctx);
  const cycle = ctx.cycle.name;
  const objective: ObjectiveNode = {
    type: 'objective',
    key: OBJECTIVE_KEY,
    title: draft.title,
    description: draft.description || undefined,
    cycle,
    visibility: draft.visibility,
    kind: draft.kind || undefined,
    unit: draft.unitId || undefined,
    lead: draft.leadId || undefined,
    owner: draft.unitId ? undefined : draft.leadId || undefined,
    state: 'draft',
    window,
    parents: draft.parent ? [{ key: draft.parent.id, weight: 1 }] : [],
    keyResults: [],
  };
  // A KR not written yet (no title) is not judged, as it is not saved either.
  objective.keyResults = draft.keyResults
    .filter((kr) => kr.title.trim() !== '')
    .map((kr): KeyResultNode => {
      const reading = measureOf(kr.measure);
      return {
        type: 'key_result',
        key: kr.key,
        title: kr.title,
        cycle,
        visibility: draft.visibility,
        objectiveKey: OBJECTIVE_KEY,
        weight: weightOf(kr.weight) ?? 1,
        progressSource: 'metric',
        plan: [],
        leading: false,
        measure: reading.measure ?? undefined,
        missing: reading.missing,
        unit: kr.measure.unit || undefined,
        owner: kr.ownerId || undefined,
        cadence: kr.cadence || 'weekly',
        checkins: [],
      };
    });
  if (draft.parent) org.objectives.push(parentNode(draft.parent, cycle, window));
  org.objectives.push(objective);
  return org;
}

/** A SMART goal draft as the coach reads it. */
export function smartGoalOrganisation(draft: SmartGoalDraft, ctx: CoachContext): Organisation {
  const { org, window } = baseOrganisation(ctx);
  const reading = measureOf(draft.measure);
  const start = draft.startDate || ctx.cycle.startDate;
  const due = draft.dueDate || ctx.cycle.endDate;
  let goalWindow = window;
  try {
    goalWindow = dateWindow(start, due, ctx.timeZone);
  } catch {
    // A date still being typed: judge by the cycle until it parses.
  }
  const goal: SmartGoalNode = {
    type: 'smart_goal',
    key: SMART_KEY,
    title: draft.title,
    cycle: ctx.cycle.name,
    visibility: draft.visibility,
    definitionOfDone: draft.definitionOfDone || undefined,
    achievability: draft.achievability || undefined,
    state: 'open',
    window: goalWindow,
    startDate: draft.startDate || undefined,
    dueDate: draft.dueDate || undefined,
    parents: draft.parent ? [{ key: draft.parent.id, weight: 1 }] : [],
    measure: reading.measure ?? undefined,
    missing: reading.missing,
    unit: draft.measure.unit || undefined,
    owner: draft.ownerId || undefined,
    cadence: draft.cadence || 'weekly',
    checkins: [],
  };
  if (draft.parent) org.objectives.push(parentNode(draft.parent, ctx.cycle.name, window));
  org.smartGoals.push(goal);
  return org;
}

/** Lints an organisation built from a draft; only findings about the draft's own goals are kept. */
export function coachDraft(org: Organisation, ctx: CoachContext, keys: ReadonlySet<string>): PlacedFinding[] {
  const goals = new Map<string, GoalNode>();
  for (const o of org.objectives) {
    goals.set(o.key, o);
    for (const kr of o.keyResults) goals.set(kr.key, kr);
  }
  for (const g of org.smartGoals) goals.set(g.key, g);
  const { findings } = lint(org, { at: ctx.now, settings: { rules: ctx.severities }, evaluation: undefined });
  return findings
    .filter((f) => keys.has(f.target))
    .map((f) => {
      const goal = goals.get(f.target);
      const wording = goal ? betterWording(f, goal) : undefined;
      return { ...f, field: fieldOfRule(f.rule), wording };
    });
}

/** The coach's findings on an objective draft and its KRs. */
export function coachObjective(draft: ObjectiveDraft, ctx: CoachContext): PlacedFinding[] {
  const keys = new Set([OBJECTIVE_KEY, ...draft.keyResults.map((kr) => kr.key)]);
  return coachDraft(objectiveOrganisation(draft, ctx), ctx, keys);
}

/** The coach's findings on a SMART goal draft. */
export function coachSmartGoal(draft: SmartGoalDraft, ctx: CoachContext): PlacedFinding[] {
  return coachDraft(smartGoalOrganisation(draft, ctx), ctx, new Set([SMART_KEY]));
}
