import { Evaluator, evaluateOrganisationWith, type GoalEvaluation } from '../../core/evaluate';
import type { Checkin, ObjectiveNode, SmartGoalNode } from '../../core/model';
import type { CheckInsTable } from '../db/schema';
import type { CheckInRow } from '../repositories/check-in.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import {
  effectiveCheckins,
  objectiveNode,
  readMeasure,
  smartGoalNode,
  storedFacts,
  windowOfCycle,
} from './evaluation';
import { type Derived, Rollups } from './rollup';
import type { Session } from './session';
import { evaluationSettings } from './workspace-settings';

/** What an import knows after writing: every goal of the cycle as it now is, and the check-ins. */
export interface ImportedState {
  /** Every goal of the cycle by id (objectives, KRs and SMART goals), as written. */
  rows: ReadonlyMap<string, ObjectiveRow | KeyResultRow | SmartGoalRow>;
  pending: { checkIns: readonly CheckInsTable[] };
  /** The check-ins stored before the import, by goal. */
  storedCheckins: ReadonlyMap<string, readonly CheckInRow[]>;
  /** Goals whose own numbers may have changed (new, edited, or with new check-ins). */
  touched: ReadonlySet<string>;
  created: ReadonlySet<string>;
}

const isKeyResult = (row: ObjectiveRow | KeyResultRow | SmartGoalRow): row is KeyResultRow =>
  'objectiveId' in row;
const isSmartGoal = (row: ObjectiveRow | KeyResultRow | SmartGoalRow): row is SmartGoalRow =>
  'dueDate' in row;

const derivedOf = (evaluation: GoalEvaluation | undefined, facts: string | null): Derived => ({
  progress: evaluation?.progress ?? null,
  score: evaluation?.score ?? null,
  latestValue: evaluation?.latestValue ?? null,
  latestCheckinAt: evaluation?.lastCheckinAt ?? null,
  facts,
});

const isSame = (row: Derived, derived: Derived) =>
  row.progress === derived.progress &&
  row.score === derived.score &&
  row.latestValue === derived.latestValue &&
  row.latestCheckinAt === derived.latestCheckinAt &&
  row.facts === derived.facts;

/**
 * Recomputes the stored rollups after an import, once: the measured goals it touched are evaluated
 * by core in one pass from the check-ins already in memory (no read per goal), only the rows whose
 * numbers changed are written, and then their objectives and the aligned KRs above them are
 * recomputed children before parents (`Rollups`, deferred). The same numbers as recomputing the
 * whole cycle goal by goal, for a fraction of the queries.
 */
export async function recomputeImported(
  session: Session,
  cycle: CycleRow,
  state: ImportedState,
): Promise<void> {
  const { repos, settings, at } = session;
  const rollups = new Rollups(repos, session.actor.workspaceId, settings, at);
  rollups.defer();
  const added = new Map<string, CheckInsTable[]>();
  for (const row of state.pending.checkIns) {
    const list = added.get(row.goalId);
    if (list) list.push(row);
    else added.set(row.goalId, [row]);
  }
  const facts = (id: string) => [...(state.storedCheckins.get(id) ?? []), ...(added.get(id) ?? [])];

  const objectives = new Map<string, ObjectiveRow>();
  const touchedKrs = new Map<string, KeyResultRow[]>();
  const goals: SmartGoalRow[] = [];
  const aligned: string[] = [];
  for (const row of state.rows.values()) {
    if (isKeyResult(row)) {
      if (row.progressSource === 'aligned') aligned.push(row.id);
      else if (state.touched.has(row.id)) {
        const list = touchedKrs.get(row.objectiveId);
        if (list) list.push(row);
        else touchedKrs.set(row.objectiveId, [row]);
      }
    } else if (isSmartGoal(row)) {
      if (state.touched.has(row.id)) goals.push(row);
    } else objectives.set(row.id, row);
  }

  const checkins = new Map<string, Checkin[]>();
  const objectiveNodes: ObjectiveNode[] = [];
  for (const [objectiveId, krs] of touchedKrs) {
    const objective = objectives.get(objectiveId);
    if (!objective) continue;
    for (const kr of krs) checkins.set(kr.id, effectiveCheckins(facts(kr.id), readMeasure(kr.measure)));
    objectiveNodes.push(objectiveNode(objective, cycle, krs, checkins, [], settings));
  }
  const smartNodes: SmartGoalNode[] = goals.map((g) =>
    smartGoalNode(g, cycle.name, effectiveCheckins(facts(g.id), readMeasure(g.measure)), [], settings),
  );
  const evaluations = new Map(
    evaluateOrganisationWith(
      {
        timeZone: settings.timeZone,
        cycles: [],
        units: [],
        objectives: objectiveNodes,
        smartGoals: smartNodes,
      },
      new Evaluator(at, evaluationSettings(settings)),
    ).map((e) => [e.key, e]),
  );

  const storedFactsOf = (kr: KeyResultRow) => {
    const own = checkins.get(kr.id);
    return own
      ? storedFacts(kr.measure, facts(kr.id).length, own, windowOfCycle(cycle, settings.timeZone))
      : null;
  };
  const krRollups: [string, Derived][] = [];
  for (const krs of touchedKrs.values())
    for (const kr of krs) {
      await rollups.objective(kr.objectiveId);
      const derived = derivedOf(evaluations.get(kr.id), storedFactsOf(kr));
      if (!isSame(kr, derived)) krRollups.push([kr.id, derived]);
    }
  await repos.keyResults.setRollupsOf(krRollups);
  const goalRollups: [string, Derived][] = [];
  for (const [i, goal] of goals.entries()) {
    const node = smartNodes[i]!;
    const derived = derivedOf(
      evaluations.get(goal.id),
      storedFacts(goal.measure, facts(goal.id).length, node.checkins, node.window),
    );
    if (!isSame(goal, derived)) goalRollups.push([goal.id, derived]);
  }
  await repos.smartGoals.setRollupsOf(goalRollups);
  for (const [id] of goalRollups) await rollups.parentsOf(id);
  for (const id of objectives.keys())
    if (state.touched.has(id) || state.created.has(id)) await rollups.objective(id);
  // Aligned KRs read their children's stored numbers, which links added or removed change too.
  for (const id of aligned) await rollups.alignedKeyResult(id);
  await rollups.flush();
}
