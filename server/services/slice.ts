import { evaluateOrganisation, type GoalEvaluation } from '../../core/evaluate';
import type { Checkin, Link, Organisation } from '../../core/model';
import type { AlignmentRow } from '../repositories/alignment.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import { effectiveCheckins, groupCheckins, objectiveNode, readMeasure, smartGoalNode } from './evaluation';
import { evaluationSettings } from './workspace-settings';
import type { Session } from './session';

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
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Loads some objectives and SMART goals with everything their numbers depend on: their KRs, the
 * goals aligned to those KRs (transitively below aligned KRs), the SMART goals supporting them,
 * and the check-ins of the measured goals among them (indexed ranges, never the whole history
 * of the workspace). Then builds an `Organisation` slice and evaluates it with core.
 */
export async function loadSlice(
  session: Session,
  objectiveRows: readonly ObjectiveRow[],
  smartGoalRows: readonly SmartGoalRow[] = [],
): Promise<Slice> {
  const { repos, actor } = session;
  const ws = actor.workspaceId;
  const objectives = new Map(objectiveRows.map((o) => [o.id, o]));
  const smartGoals = new Map(smartGoalRows.map((g) => [g.id, g]));
  const keyResults = new Map<string, KeyResultRow[]>();
  const children = new Map<string, AlignmentRow[]>();
  let pending = [...objectives.keys()];
  while (pending.length > 0) {
    const krs = await repos.keyResults.listByObjectives(pending);
    for (const kr of krs) push(keyResults, kr.objectiveId, kr);
    const aligned = new Set(krs.filter((kr) => kr.progressSource === 'aligned').map((kr) => kr.id));
    const links = await repos.alignments.childrenOf(krs.map((kr) => kr.id));
    for (const link of links) push(children, link.parentId, link);
    const newObjectiveIds = links
      .filter((l) => l.childType === 'objective' && aligned.has(l.parentId) && !objectives.has(l.childId))
      .map((l) => l.childId);
    const smartIds = links
      .filter((l) => l.childType === 'smart_goal' && !smartGoals.has(l.childId))
      .map((l) => l.childId);
    for (const g of await repos.smartGoals.findMany(ws, [...new Set(smartIds)])) smartGoals.set(g.id, g);
    const added = await repos.objectives.findMany(ws, [...new Set(newObjectiveIds)]);
    for (const o of added) objectives.set(o.id, o);
    pending = added.map((o) => o.id);
  }
  const parents = new Map<string, AlignmentRow[]>();
  for (const link of await repos.alignments.parentsOf([...objectives.keys(), ...smartGoals.keys()])) {
    push(parents, link.childId, link);
  }
  const cycleIds = new Set([...objectives.values(), ...smartGoals.values()].map((g) => g.cycleId));
  const cycles = new Map<string, CycleRow>();
  for (const id of cycleIds) {
    const cycle = await repos.cycles.find(ws, id);
    if (cycle) cycles.set(id, cycle);
  }
  const measuredIds = [
    ...[...keyResults.values()]
      .flat()
      .filter((kr) => kr.progressSource === 'metric')
      .map((kr) => kr.id),
    ...smartGoals.keys(),
  ];
  const rowsByGoal = groupCheckins(await repos.checkIns.listByGoals(measuredIds));
  const checkins = new Map<string, Checkin[]>();
  for (const kr of [...keyResults.values()].flat())
    checkins.set(kr.id, effectiveCheckins(rowsByGoal.get(kr.id) ?? [], readMeasure(kr.measure)));
  const linksOf = (id: string): Link[] =>
    (parents.get(id) ?? []).map((l) => ({ key: l.parentId, weight: l.weight }));
  const context = session.settings;
  const org: Organisation = {
    timeZone: context.timeZone,
    cycles: [],
    units: [],
    objectives: [...objectives.values()].flatMap((o) => {
      const cycle = cycles.get(o.cycleId);
      return cycle
        ? [objectiveNode(o, cycle, keyResults.get(o.id) ?? [], checkins, linksOf(o.id), context)]
        : [];
    }),
    smartGoals: [...smartGoals.values()].flatMap((g) => {
      const cycle = cycles.get(g.cycleId);
      const own = effectiveCheckins(rowsByGoal.get(g.id) ?? [], readMeasure(g.measure));
      return cycle ? [smartGoalNode(g, cycle.name, own, linksOf(g.id), context)] : [];
    }),
  };
  const evaluations = new Map(
    evaluateOrganisation(org, session.at, evaluationSettings(context)).map((e) => [e.key, e]),
  );
  const closedObjectives = [...objectives.values()].filter((o) => cycles.get(o.cycleId)?.state === 'closed');
  const closedIds = [
    ...closedObjectives.flatMap((o) => [o.id, ...(keyResults.get(o.id) ?? []).map((kr) => kr.id)]),
    ...[...smartGoals.values()].filter((g) => cycles.get(g.cycleId)?.state === 'closed').map((g) => g.id),
  ];
  const editedAfterClose = await repos.events.editedAfterClose(closedIds);
  return { objectives, keyResults, smartGoals, children, parents, evaluations, editedAfterClose, cycles };
}
