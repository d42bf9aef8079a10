import type { GoalEvaluation } from '../../core/evaluate';
import type { Flag, Status } from '../../core/status';
import type { ActorScope } from '../policies/permissions';
import { isVisible } from '../policies/permissions';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import { objectiveSubject, smartGoalSubject } from './goal-access';
import { type KeyResultRecord, keyResultRecord } from './key-result.service';
import type { Slice } from './slice';
import { type SmartGoalRecord, smartGoalRecord } from './smart-goal.service';
import { hiddenSummary, visibleRef, withhold } from './visibility';

/** The computed numbers of a goal (SPEC 3), as every interface shows them. */
export interface EvaluationView {
  progress: number | null;
  score: number | null;
  expected: number | null;
  status: Status | null;
  flags: Flag[];
  forecast: { progress: number; score: number; reachesTarget: boolean } | null;
  grade: number | null;
}

/** A goal aligned below another, as much of it as the viewer may see. */
export interface ChildView {
  id: string;
  type: 'objective' | 'smart_goal';
  title: string;
  weight: number;
  score: number | null;
  status: Status | null;
}

export interface KeyResultView extends Omit<KeyResultRecord, 'objectiveId'> {
  /** Its objective; null when the viewer may see the KR (they own it) but not its objective. */
  objectiveId: string | null;
  evaluation: EvaluationView;
  /** The owner was deactivated: the goal stays, shown with them as a former owner. */
  hasFormerOwner: boolean;
  children: ChildView[];
  /** Children the viewer may not see: they count in the score, their details stay hidden. */
  hiddenChildren: number;
  /** "1 private goal", "3 private goals", or null. */
  hiddenSummary: string | null;
}

/** A link up to a parent the viewer may see. */
export interface ParentLinkView {
  parentType: 'objective' | 'key_result';
  parentId: string;
  weight: number;
}

export interface ObjectiveView extends Omit<ObjectiveRow, 'workspaceId'> {
  evaluation: EvaluationView;
  /** The lead or personal owner was deactivated (a former owner). */
  hasFormerOwner: boolean;
  keyResults: KeyResultView[];
  /** Parents the viewer may see. */
  alignsTo: ParentLinkView[];
  /** Parents the viewer may not see: counted, never named. */
  hiddenParents: number;
}

export interface SmartGoalView extends SmartGoalRecord {
  evaluation: EvaluationView;
  /** The owner was deactivated (a former owner). */
  hasFormerOwner: boolean;
  /** Parents the viewer may see. */
  supports: ParentLinkView[];
  /** Parents the viewer may not see: counted, never named. */
  hiddenParents: number;
}

export { hiddenSummary } from './visibility';

function evaluationView(evaluation: GoalEvaluation | undefined, isEditedAfterClose: boolean): EvaluationView {
  const flags = [...(evaluation?.flags ?? [])];
  if (isEditedAfterClose) flags.push('edited_after_close');
  return {
    progress: evaluation?.progress ?? null,
    score: evaluation?.score ?? null,
    expected: evaluation?.expected ?? null,
    status: evaluation?.status ?? null,
    flags,
    forecast: evaluation?.forecast ?? null,
    grade: evaluation?.grade ?? null,
  };
}

const isFormer = (slice: Slice, personId: string | null) =>
  personId !== null && slice.formerPeople.has(personId);

/** The links up from a goal, those to parents the viewer may not see withheld and counted. */
function linksUp(slice: Slice, id: string): { visible: ParentLinkView[]; hidden: number } {
  const links = (slice.parents.get(id) ?? []).map((l) => ({
    parentType: l.parentType,
    parentId: l.parentId,
    weight: l.weight,
  }));
  return withhold(slice.hidden, links, (l) => l.parentId);
}

function keyResultView(
  slice: Slice,
  scope: ActorScope,
  kr: KeyResultRow,
  withChildren = true,
): KeyResultView {
  const children: ChildView[] = [];
  let hidden = 0;
  for (const link of withChildren ? (slice.children.get(kr.id) ?? []) : []) {
    const row =
      link.childType === 'objective'
        ? (slice.objectives.get(link.childId) ?? slice.outside.get(link.childId))
        : slice.smartGoals.get(link.childId);
    if (!row) continue;
    const subject =
      link.childType === 'objective'
        ? objectiveSubject(row as ObjectiveRow)
        : smartGoalSubject(row as SmartGoalRow);
    if (!isVisible(scope, subject)) {
      hidden++;
      continue;
    }
    const evaluation = slice.evaluations.get(row.id);
    children.push({
      id: row.id,
      type: link.childType,
      title: row.title,
      weight: link.weight,
      score: evaluation?.score ?? row.score,
      status: evaluation?.status ?? null,
    });
  }
  const view = keyResultRecord(kr) as KeyResultView;
  view.evaluation = evaluationView(slice.evaluations.get(kr.id), slice.editedAfterClose.has(kr.id));
  view.hasFormerOwner = isFormer(slice, kr.ownerId);
  // Without children (a summary), the view has none of the three fields (`objectiveSummaryView`).
  if (withChildren) {
    view.children = children;
    view.hiddenChildren = hidden;
    view.hiddenSummary = hiddenSummary(hidden);
  }
  return view;
}

/** An objective with its KRs and computed numbers, for a viewer who may see it. */
export function objectiveView(
  slice: Slice,
  scope: ActorScope,
  row: ObjectiveRow,
  withChildren = true,
): ObjectiveView {
  const up = linksUp(slice, row.id);
  // Every field listed: a new column reaches the API only when added here.
  return {
    id: row.id,
    cycleId: row.cycleId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    unitId: row.unitId,
    ownerId: row.ownerId,
    leadId: row.leadId,
    visibility: row.visibility,
    state: row.state,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    progress: row.progress,
    score: row.score,
    latestCheckinAt: row.latestCheckinAt,
    frozenScore: row.frozenScore,
    frozenGrade: row.frozenGrade,
    predecessorId: visibleRef(slice.hidden, row.predecessorId),
    evaluation: evaluationView(slice.evaluations.get(row.id), slice.editedAfterClose.has(row.id)),
    hasFormerOwner: isFormer(slice, row.leadId) || isFormer(slice, row.ownerId),
    keyResults: (slice.keyResults.get(row.id) ?? []).map((kr) =>
      keyResultView(slice, scope, kr, withChildren),
    ),
    alignsTo: up.visible,
    hiddenParents: up.hidden,
  };
}

/** A KR in a summary: its numbers without its children (`GET /key-results/{id}` has them). */
export type KeyResultSummaryView = Omit<KeyResultView, 'children' | 'hiddenChildren' | 'hiddenSummary'>;

/** An objective in a summary list: every field and number, its KRs without their children. */
export interface ObjectiveSummaryView extends Omit<ObjectiveView, 'keyResults'> {
  keyResults: KeyResultSummaryView[];
}

/**
 * An objective for a summary list (`?view=summary`), from a slice loaded without child details:
 * the same numbers as `objectiveView`, without each KR's aligned children.
 */
export function objectiveSummaryView(
  slice: Slice,
  scope: ActorScope,
  row: ObjectiveRow,
): ObjectiveSummaryView {
  return objectiveView(slice, scope, row, false) as ObjectiveSummaryView;
}

/** A SMART goal with its computed numbers. */
export function smartGoalView(slice: Slice, row: SmartGoalRow): SmartGoalView {
  const up = linksUp(slice, row.id);
  return {
    ...smartGoalRecord(row),
    evaluation: evaluationView(slice.evaluations.get(row.id), slice.editedAfterClose.has(row.id)),
    hasFormerOwner: isFormer(slice, row.ownerId),
    supports: up.visible,
    hiddenParents: up.hidden,
  };
}
