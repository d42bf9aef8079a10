import {
  Evaluator,
  evaluateOrganisation,
  evaluateOrganisationWith,
  type GoalEvaluation,
  type MeasuredFacts,
} from '../../core/evaluate';
import type { Checkin, Link, ObjectiveNode, Organisation } from '../../core/model';
import { SUCCESS_LEVEL } from '../../core/settings';
import type { AlignmentRow } from '../repositories/alignment.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import {
  currentFacts,
  effectiveCheckins,
  groupCheckins,
  objectiveNode,
  readMeasure,
  readPlan,
  smartGoalNode,
  smartGoalWindow,
  storedEvaluation,
  windowOfCycle,
} from './evaluation';
import { formerPeopleAt } from './scope';
import type { Session } from './session';
import { type HiddenGoals, hiddenGoalsAmong } from './visibility';
import { evaluationSettings } from './workspace-settings';

/** A set of goals loaded together and evaluated by core as of the session's moment. */
export interface Slice {
  objectives: Map<string, ObjectiveRow>;
  keyResults: Map<string, KeyResultRow[]>;
  smartGoals: Map<string, SmartGoalRow>;
  /** Links down to each parent (children of KRs and objectives). */
  children: Map<string, AlignmentRow[]>;
  /** Links up from each child. */
  parents: Map<string, AlignmentRow[]>;
  evaluations: Map<string, GoalEvaluation>;
  editedAfterClose: Set<string>;
  cycles: Map<string, CycleRow>;
  /** Child objectives of the slice's KRs that are not in it (their stored rollups stand in). */
  outside: Map<string, ObjectiveRow>;
  /** The workspace's deactivated people: owners and leads among them are "former owners". */
  formerPeople: ReadonlySet<string>;
  /** Goals the slice's goals name (parents, predecessors) that the viewer may not see. */
  hidden: HiddenGoals;
  /** The core model of the slice, to evaluate it again at other moments (trends). */
  org: Organisation;
}

export interface SliceOptions {
  /**
   * False: read the goals aligned below the slice's KRs only where a number depends on them
   * (KRs with source `aligned`), for views that show no child (the summary list). Every number
   * of the slice's own goals is the same either way.
   */
  childDetails?: boolean;
  /**
   * True: measured goals whose stored facts are current (`currentFacts`) are evaluated from them
   * and their check-ins are not read, so `org` holds no check-ins for them: only for views that
   * evaluate the slice at the session's moment alone (never `evaluateSliceAt`). Same numbers.
   */
  storedFacts?: boolean;
  /** With `storedFacts`, only the goals this accepts take them (the others' check-ins are read). */
  factsFor?: (goal: KeyResultRow | SmartGoalRow) => boolean;
  /**
   * False: the slice is not evaluated (`evaluations` is empty), for a reader of the goals and their
   * check-ins alone (a goals file's export writes no computed number).
   */
  evaluate?: boolean;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Loads some objectives and SMART goals with what their numbers depend on: their KRs, the goals
 * aligned to those KRs (SMART goals in full; objectives outside the slice by their stored rollup),
 * and the check-ins of the measured goals among them (indexed ranges, never the whole history
 * of the workspace). Then builds an `Organisation` slice and evaluates it with core.
 */
export async function loadSlice(
  session: Session,
  objectiveRows: readonly ObjectiveRow[],
  smartGoalRows: readonly SmartGoalRow[] = [],
  options: SliceOptions = {},
): Promise<Slice> {
  const { repos, actor } = session;
  const ws = actor.workspaceId;
  const objectives = new Map(objectiveRows.map((o) => [o.id, o]));
  const smartGoals = new Map(smartGoalRows.map((g) => [g.id, g]));
  const keyResults = new Map<string, KeyResultRow[]>();
  const children = new Map<string, AlignmentRow[]>();
  const krs = await repos.keyResults.listByObjectives([...objectives.keys()]);
  for (const kr of krs) push(keyResults, kr.objectiveId, kr);
  // Children of metric KRs count in no number: without their details they need not be read.
  const withChildren =
    options.childDetails === false ? krs.filter((kr) => kr.progressSource === 'aligned') : krs;
  const links = await repos.alignments.childrenOf(withChildren.map((kr) => kr.id));
  for (const link of links) push(children, link.parentId, link);
  const smartIds = links
    .filter((l) => l.childType === 'smart_goal' && !smartGoals.has(l.childId))
    .map((l) => l.childId);
  const outsideIds = links
    .filter((l) => l.childType === 'objective' && !objectives.has(l.childId))
    .map((l) => l.childId);
  // Independent queries run together (in parallel on PostgreSQL's pool; in turn on SQLite).
  const [childGoals, outsideRows] = await Promise.all([
    repos.smartGoals.findMany(ws, [...new Set(smartIds)]),
    repos.objectives.findMany(ws, [...new Set(outsideIds)]),
  ]);
  for (const g of childGoals) smartGoals.set(g.id, g);
  const outside = new Map(outsideRows.map((o) => [o.id, o]));
  const cycleIds = [...new Set([...objectives.values(), ...smartGoals.values()].map((g) => g.cycleId))];
  const measured = [...krs.filter((kr) => kr.progressSource === 'metric'), ...smartGoals.values()];
  // Without stored facts, the history is read together with the rest (one round trip less).
  const everyHistory = options.storedFacts
    ? undefined
    : repos.checkIns.historyOfGoals(measured.map((g) => g.id));
  const [parentLinks, cycleRows] = await Promise.all([
    repos.alignments.parentsOf([...objectives.keys(), ...smartGoals.keys()]),
    Promise.all(cycleIds.map((id) => repos.cycles.find(ws, id))),
  ]);
  const parents = new Map<string, AlignmentRow[]>();
  for (const link of parentLinks) push(parents, link.childId, link);
  const cycles = new Map<string, CycleRow>();
  for (const cycle of cycleRows) if (cycle) cycles.set(cycle.id, cycle);
  const context = session.settings;
  const facts = new Map<string, MeasuredFacts>();
  if (options.storedFacts)
    for (const goal of measured) {
      if (options.factsFor && !options.factsFor(goal)) continue;
      const cycleId = 'objectiveId' in goal ? objectives.get(goal.objectiveId)?.cycleId : goal.cycleId;
      const cycle = cycleId === undefined ? undefined : cycles.get(cycleId);
      if (!cycle) continue;
      const window =
        'objectiveId' in goal
          ? windowOfCycle(cycle, context.timeZone)
          : smartGoalWindow(goal.startDate, goal.dueDate, context.timeZone);
      const current = currentFacts(goal, window, session.at);
      if (current) facts.set(goal.id, current);
    }
  const checkinRows = await (everyHistory ??
    repos.checkIns.historyOfGoals(measured.filter((g) => !facts.has(g.id)).map((g) => g.id)));
  const rowsByGoal = groupCheckins(checkinRows);
  const checkins = new Map<string, Checkin[]>();
  for (const kr of [...keyResults.values()].flat())
    checkins.set(kr.id, effectiveCheckins(rowsByGoal.get(kr.id) ?? [], readMeasure(kr.measure)));
  const linksOf = (id: string): Link[] =>
    (parents.get(id) ?? []).map((l) => ({ key: l.parentId, weight: l.weight }));
  const withFacts = <Node extends { key: string; facts?: MeasuredFacts | undefined }>(node: Node): Node => {
    const known = facts.get(node.key);
    if (known) node.facts = known;
    return node;
  };
  const org: Organisation = {
    timeZone: context.timeZone,
    cycles: [],
    units: [],
    objectives: [...objectives.values()].flatMap((o) => {
      const cycle = cycles.get(o.cycleId);
      return cycle
        ? [
            withFactsOfKeyResults(
              objectiveNode(o, cycle, keyResults.get(o.id) ?? [], checkins, linksOf(o.id), context),
              withFacts,
            ),
          ]
        : [];
    }),
    smartGoals: [...smartGoals.values()].flatMap((g) => {
      const cycle = cycles.get(g.cycleId);
      const own = effectiveCheckins(rowsByGoal.get(g.id) ?? [], readMeasure(g.measure));
      return cycle ? [withFacts(smartGoalNode(g, cycle.name, own, linksOf(g.id), context))] : [];
    }),
  };
  const settings = evaluationSettings(context);
  const evaluations = new Map<string, GoalEvaluation>();
  if (options.evaluate !== false) {
    for (const e of evaluateOrganisation(org, session.at, settings)) evaluations.set(e.key, e);
    completeAlignedKeyResults(
      { objectives, keyResults, children, outside, cycles, evaluations },
      new Evaluator(session.at, settings),
      context.timeZone,
    );
  }
  const closedObjectives = [...objectives.values()].filter((o) => cycles.get(o.cycleId)?.state === 'closed');
  const closedIds = [
    ...closedObjectives.flatMap((o) => [o.id, ...(keyResults.get(o.id) ?? []).map((kr) => kr.id)]),
    ...[...smartGoals.values()].filter((g) => cycles.get(g.cycleId)?.state === 'closed').map((g) => g.id),
  ];
  const [editedAfterClose, hidden, formerPeople] = await Promise.all([
    repos.events.editedAfterClose(closedIds),
    hiddenGoalsAmong(session, [
      ...parentLinks.map((l) => l.parentId),
      ...[...objectives.values()].map((o) => o.predecessorId),
    ]),
    formerPeopleAt(session.deps.db, repos, ws, session.directoryStamp),
  ]);
  return {
    formerPeople,
    hidden,
    objectives,
    keyResults,
    smartGoals,
    children,
    parents,
    evaluations,
    editedAfterClose,
    cycles,
    outside,
    org,
  };
}

function withFactsOfKeyResults(
  node: ObjectiveNode,
  withFacts: <Node extends { key: string; facts?: MeasuredFacts | undefined }>(node: Node) => Node,
): ObjectiveNode {
  for (const kr of node.keyResults) withFacts(kr);
  return node;
}

/**
 * The slice's evaluations as of another moment (`at`), by the same engine and the same rules as
 * `loadSlice`: check-ins after `at` are ignored; child objectives outside the slice count with
 * their stored score.
 */
export function evaluateSliceAt(
  slice: Pick<Slice, 'objectives' | 'keyResults' | 'children' | 'outside' | 'cycles' | 'org'>,
  at: number,
  context: Session['settings'],
): Map<string, GoalEvaluation> {
  const settings = evaluationSettings(context);
  const evaluator = new Evaluator(at, settings);
  const evaluations = new Map(evaluateOrganisationWith(slice.org, evaluator).map((e) => [e.key, e]));
  completeAlignedKeyResults({ ...slice, evaluations }, evaluator, context.timeZone);
  return evaluations;
}

/**
 * Aligned KRs whose child objectives lie outside the slice: core evaluated them without those
 * children, so they are evaluated again with the stored rollups of the children outside (and the
 * live evaluations of those inside), and so are the objectives above them, in dependency order.
 * This keeps a page to the goals it shows instead of loading every subtree below it.
 */
function completeAlignedKeyResults(
  slice: Pick<Slice, 'objectives' | 'keyResults' | 'children' | 'outside' | 'cycles' | 'evaluations'>,
  evaluator: Evaluator,
  timeZone: string,
): void {
  const needsWork = [...slice.keyResults.values()]
    .flat()
    .filter(
      (kr) =>
        kr.progressSource === 'aligned' &&
        (slice.children.get(kr.id) ?? []).some((l) => slice.outside.has(l.childId)),
    );
  if (needsWork.length === 0) return;
  const done = new Set<string>();
  const objectiveEvaluation = (id: string): GoalEvaluation | undefined => {
    const objective = slice.objectives.get(id);
    const cycle = objective && slice.cycles.get(objective.cycleId);
    if (!objective || !cycle) return undefined;
    if (done.has(id)) return slice.evaluations.get(id);
    done.add(id);
    const window = windowOfCycle(cycle, timeZone);
    const kind = objective.kind ?? 'aspirational';
    const krs = slice.keyResults.get(id) ?? [];
    const krEvaluations = krs.map((kr) => {
      const live = slice.evaluations.get(kr.id);
      if (kr.progressSource !== 'aligned' || !live)
        return live ?? storedEvaluation(kr.id, 'key_result', kr, false);
      const links = (slice.children.get(kr.id) ?? []).filter(
        (l) => slice.evaluations.has(l.childId) || slice.outside.has(l.childId),
      );
      const childEvaluations = links.map((l) => {
        const outside = slice.outside.get(l.childId);
        if (outside) return storedEvaluation(outside.id, 'objective', outside, outside.state === 'dropped');
        return (
          (l.childType === 'objective' ? objectiveEvaluation(l.childId) : undefined) ??
          slice.evaluations.get(l.childId)!
        );
      });
      const options = { window, level: SUCCESS_LEVEL[kind], kind, canBeOverdue: false };
      const evaluation = evaluator.aligned(
        { key: kr.id, plan: readPlan(kr.plan, timeZone) },
        options,
        links.map((l) => l.weight),
        childEvaluations,
      );
      const result =
        objective.state === 'dropped' ? { ...evaluation, status: 'dropped' as const } : evaluation;
      slice.evaluations.set(kr.id, result);
      return result;
    });
    const evaluation = evaluator.objective(
      { key: id, kind: objective.kind ?? undefined, window, state: objective.state },
      krs.map((kr) => kr.weight),
      krEvaluations,
    );
    slice.evaluations.set(id, evaluation);
    return evaluation;
  };
  for (const kr of needsWork) objectiveEvaluation(kr.objectiveId);
}
