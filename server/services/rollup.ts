import { Evaluator, evaluateOrganisationWith, type GoalEvaluation } from '../../core/evaluate';
import type { Organisation } from '../../core/model';
import { SUCCESS_LEVEL } from '../../core/settings';
import type { Instant } from '../../core/time';
import type { CheckInFacts } from '../repositories/check-in.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import type { Repositories } from '../repositories/index';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import {
  type ExtendableFacts,
  effectiveCheckins,
  objectiveNode,
  readMeasure,
  smartGoalNode,
  storedEvaluation,
  storedFacts,
  storedFactsOf,
  windowOfCycle,
} from './evaluation';
import { evaluationSettings, type WorkspaceSettings } from './workspace-settings';

/** Above this many objectives in a layer, SQLite recomputes them in statements of many rows. */
const LARGE_LAYER = 32;
/** Objectives per statement of a large layer (within both databases' limits on bound values). */
const LAYER_CHUNK = 2_000;

const maxOf = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v !== null && (m === null || v > m) ? v : m), null);

/**
 * Keeps the stored rollups (latest value, latest check-in time, progress, score) current inside
 * the transaction of a write: the changed goal first, then every ancestor whose score depends on
 * it (its objective; aligned KRs above it; their objectives; and so on up the links). Each
 * ancestor row is locked before its children are read, so concurrent writers never lose an update.
 * The maths is core's: this class only feeds it rows.
 */
export class Rollups {
  readonly #cycles = new Map<string, CycleRow>();
  /** Objective rows the caller read in this transaction (`knowObjective`; SQLite only). */
  readonly #objectiveRows = new Map<string, ObjectiveRow>();
  readonly #evaluator: Evaluator;
  #isDeferred = false;
  readonly #dirtyObjectives = new Set<string>();
  readonly #dirtyAligned = new Set<string>();

  constructor(
    readonly repos: Repositories,
    readonly workspaceId: string,
    readonly settings: WorkspaceSettings,
    readonly at: Instant,
  ) {
    this.#evaluator = new Evaluator(at, evaluationSettings(settings));
  }

  /**
   * Collects ancestors to recompute instead of recomputing them at once, until `flush`: a batch
   * of check-ins then recomputes each shared ancestor once instead of once per check-in.
   */
  defer(): void {
    this.#isDeferred = true;
  }

  /**
   * Recomputes every collected ancestor, children before parents, layer by layer. With `isShallow`
   * it recomputes the collected objectives only and returns the aligned KRs above them instead of
   * recomputing those: the caller puts them in the rollup backlog (`rollup-backlog.ts`).
   */
  async flush(options: { isShallow?: boolean } = {}): Promise<string[]> {
    const left: string[] = [];
    while (this.#dirtyObjectives.size > 0 || this.#dirtyAligned.size > 0) {
      const objectives = [...this.#dirtyObjectives].sort();
      this.#dirtyObjectives.clear();
      // PostgreSQL: a layer's objectives in four statements, not four each (round trips bound a
      // group commit there). SQLite runs a few one by one (no round trips, statements compiled
      // once) and a large layer (an import's, a recompute's) in statements of many rows too.
      if (objectives.length > (this.repos.hasRowLocks ? 1 : LARGE_LAYER))
        for (let i = 0; i < objectives.length; i += LAYER_CHUNK)
          await this.#objectives(objectives.slice(i, i + LAYER_CHUNK));
      else for (const id of objectives) await this.#objective(id);
      const aligned = [...this.#dirtyAligned].sort();
      this.#dirtyAligned.clear();
      if (options.isShallow) left.push(...aligned);
      else for (const id of aligned) await this.#alignedKeyResult(id);
    }
    this.#isDeferred = false;
    return left;
  }

  /** Gives a cycle the caller has read already, so it is not read again. */
  knowCycle(cycle: CycleRow): void {
    this.#cycles.set(cycle.id, cycle);
  }

  /**
   * Gives an objective row the caller read in the same transaction, so the objective's rollup
   * does not read it again. Only where rows are not locked (SQLite: one writer, so the row read
   * is the row now); on PostgreSQL the rollup still reads it `FOR UPDATE`. The caller must not
   * have changed the objective's kind, state or cycle since reading it (the check-in group never
   * does: it writes rollup columns only).
   */
  knowObjective(objective: ObjectiveRow): void {
    if (!this.repos.hasRowLocks) this.#objectiveRows.set(objective.id, objective);
  }

  /** A cycle of the workspace, read once per instance. */
  async cycle(id: string): Promise<CycleRow> {
    let cycle = this.#cycles.get(id);
    if (!cycle) {
      cycle = await this.repos.cycles.find(this.workspaceId, id);
      if (!cycle) throw new Error(`cycle ${id} missing`);
      this.#cycles.set(id, cycle);
    }
    return cycle;
  }

  #org(partial: Pick<Organisation, 'objectives' | 'smartGoals'>): Organisation {
    return { timeZone: this.settings.timeZone, cycles: [], units: [], ...partial };
  }

  /**
   * Recomputes a KR from its own check-ins (or its children, when aligned), then its ancestors;
   * returns what it stored for the KR (nothing for an aligned KR, whose rollup may be deferred).
   * Pass the KR's objective when it is at hand, to save reading it again, and `isNew` for a KR
   * created in the same transaction (no check-ins to read).
   */
  async keyResult(
    kr: KeyResultRow,
    knownObjective?: ObjectiveRow,
    options: { isNew?: boolean } = {},
  ): Promise<Derived | undefined> {
    if (kr.progressSource === 'aligned') {
      await this.alignedKeyResult(kr.id);
      return undefined;
    }
    const objective = knownObjective ?? (await this.repos.objectives.find(this.workspaceId, kr.objectiveId));
    if (!objective) throw new Error(`objective ${kr.objectiveId} missing`);
    const cycle = await this.cycle(objective.cycleId);
    // A KR created in this transaction has no check-ins yet.
    const rows = options.isNew ? [] : await this.repos.checkIns.factsOfGoal(kr.id);
    const derived = this.deriveKeyResult(kr, objective, cycle, rows);
    await this.repos.keyResults.setRollup(kr.id, derived);
    await this.objective(kr.objectiveId);
    return derived;
  }

  /** Recomputes a SMART goal from its check-ins, then the aligned KRs it counts in; returns what it stored. */
  async smartGoal(goal: SmartGoalRow): Promise<Derived> {
    const cycle = await this.cycle(goal.cycleId);
    const derived = this.deriveSmartGoal(goal, cycle, await this.repos.checkIns.factsOfGoal(goal.id));
    await this.repos.smartGoals.setRollup(goal.id, derived);
    await this.parentsOf(goal.id);
    return derived;
  }

  /** A measured KR's rollup from its check-ins (the facts `factsOfGoal` reads): core's maths, no I/O. */
  deriveKeyResult(
    kr: KeyResultRow,
    objective: ObjectiveRow,
    cycle: CycleRow,
    rows: readonly CheckInFacts[],
  ): Derived {
    const own = effectiveCheckins(rows, readMeasure(kr.measure));
    const checkins = new Map([[kr.id, own]]);
    const node = objectiveNode(objective, cycle, [kr], checkins, [], this.settings);
    const evaluation = evaluateOrganisationWith(
      this.#org({ objectives: [node], smartGoals: [] }),
      this.#evaluator,
    ).find((e) => e.key === kr.id);
    return { ...derivedOf(evaluation), facts: storedFacts(kr.measure, rows.length, own, node.window) };
  }

  /**
   * A measured KR's rollup from facts already extended by its new check-ins (`appendedFacts`),
   * without its history: the same numbers as `deriveKeyResult` over every check-in, since the
   * engine evaluates a goal from its facts whenever they cover every check-in up to the moment.
   * Undefined when they end after the moment (a check-in dated ahead): read the history then.
   */
  deriveKeyResultFrom(
    kr: KeyResultRow,
    objective: ObjectiveRow,
    cycle: CycleRow,
    state: ExtendableFacts,
  ): Derived | undefined {
    if (state.facts.lastAt !== null && state.facts.lastAt > this.at) return undefined;
    const node = objectiveNode(objective, cycle, [kr], new Map(), [], this.settings);
    node.keyResults[0]!.facts = state.facts;
    const evaluation = evaluateOrganisationWith(
      this.#org({ objectives: [node], smartGoals: [] }),
      this.#evaluator,
    ).find((e) => e.key === kr.id);
    return { ...derivedOf(evaluation), facts: storedFactsOf(kr.measure, state, node.window) };
  }

  /** `deriveKeyResultFrom` for a SMART goal. */
  deriveSmartGoalFrom(goal: SmartGoalRow, cycle: CycleRow, state: ExtendableFacts): Derived | undefined {
    if (state.facts.lastAt !== null && state.facts.lastAt > this.at) return undefined;
    const node = smartGoalNode(goal, cycle.name, [], [], this.settings);
    node.facts = state.facts;
    const [evaluation] = evaluateOrganisationWith(
      this.#org({ objectives: [], smartGoals: [node] }),
      this.#evaluator,
    );
    return { ...derivedOf(evaluation), facts: storedFactsOf(goal.measure, state, node.window) };
  }

  /** A SMART goal's rollup from its check-ins: core's maths, no I/O. */
  deriveSmartGoal(goal: SmartGoalRow, cycle: CycleRow, rows: readonly CheckInFacts[]): Derived {
    const checkins = effectiveCheckins(rows, readMeasure(goal.measure));
    const node = smartGoalNode(goal, cycle.name, checkins, [], this.settings);
    const [evaluation] = evaluateOrganisationWith(
      this.#org({ objectives: [], smartGoals: [node] }),
      this.#evaluator,
    );
    return { ...derivedOf(evaluation), facts: storedFacts(goal.measure, rows.length, checkins, node.window) };
  }

  /** Recomputes the aligned KRs a child counts in (objective links are structural only). */
  async parentsOf(childId: string): Promise<void> {
    const links = await this.repos.alignments.parentsOf([childId]);
    const parents = links.filter((l) => l.parentType === 'key_result').map((l) => l.parentId);
    for (const parentId of [...new Set(parents)].sort()) await this.alignedKeyResult(parentId);
  }

  /** Recomputes an objective's score from its KRs' stored scores, then what it aligns to. */
  async objective(id: string): Promise<void> {
    if (this.#isDeferred) this.#dirtyObjectives.add(id);
    else await this.#objective(id);
  }

  async #objective(id: string): Promise<void> {
    const objective =
      this.#objectiveRows.get(id) ??
      (await this.repos.objectives.find(this.workspaceId, id, { forUpdate: this.repos.hasRowLocks }));
    if (!objective) return;
    const krs = await this.repos.keyResults.rollupsOfObjective(id);
    await this.repos.objectives.setRollup(id, await this.#objectiveRollup(objective, krs));
    await this.parentsOf(id);
  }

  /**
   * `#objective` of several objectives (sorted ids) in four statements: lock them in id order
   * (PostgreSQL; on SQLite read those not known already), read their KRs' rollups, write theirs,
   * read what they align to.
   */
  async #objectives(ids: readonly string[]): Promise<void> {
    let objectives: ObjectiveRow[];
    if (this.repos.hasRowLocks)
      objectives = await this.repos.objectives.findManyForUpdate(this.workspaceId, ids);
    else {
      const known = new Map<string, ObjectiveRow>();
      for (const id of ids) {
        const row = this.#objectiveRows.get(id);
        if (row) known.set(id, row);
      }
      const read = await this.repos.objectives.findMany(
        this.workspaceId,
        ids.filter((id) => !known.has(id)),
      );
      for (const row of read) known.set(row.id, row);
      objectives = ids.flatMap((id) => known.get(id) ?? []);
    }
    if (objectives.length === 0) return;
    const found = objectives.map((o) => o.id);
    const krsOf = await this.repos.keyResults.rollupsOfObjectives(found);
    const rollups = [];
    for (const objective of objectives)
      rollups.push({
        id: objective.id,
        ...(await this.#objectiveRollup(objective, krsOf.get(objective.id) ?? [])),
      });
    await this.repos.objectives.setRollups(rollups);
    const parentsOf = new Map<string, Set<string>>();
    for (const l of await this.repos.alignments.parentsOf(found)) {
      if (l.parentType !== 'key_result') continue;
      const set = parentsOf.get(l.childId);
      if (set) set.add(l.parentId);
      else parentsOf.set(l.childId, new Set([l.parentId]));
    }
    for (const id of found)
      for (const parentId of [...(parentsOf.get(id) ?? [])].sort()) await this.alignedKeyResult(parentId);
  }

  async #objectiveRollup(
    objective: ObjectiveRow,
    krs: readonly Pick<KeyResultRow, 'id' | 'weight' | 'progress' | 'score' | 'latestCheckinAt'>[],
  ): Promise<{ progress: number | null; score: number | null; latestCheckinAt: number | null }> {
    const id = objective.id;
    const cycle = await this.cycle(objective.cycleId);
    const evaluation = this.#evaluator.objective(
      {
        key: id,
        kind: objective.kind ?? undefined,
        window: windowOfCycle(cycle, this.settings.timeZone),
        state: objective.state,
      },
      krs.map((kr) => kr.weight),
      krs.map((kr) => storedEvaluation(kr.id, 'key_result', kr, false)),
    );
    return {
      progress: evaluation.progress,
      score: evaluation.score,
      latestCheckinAt: maxOf(krs.map((kr) => kr.latestCheckinAt)),
    };
  }

  /** Recomputes a KR with source `aligned` from the stored scores of its children. */
  async alignedKeyResult(id: string): Promise<void> {
    if (this.#isDeferred) this.#dirtyAligned.add(id);
    else await this.#alignedKeyResult(id);
  }

  async #alignedKeyResult(id: string): Promise<void> {
    const kr = await this.repos.keyResults.find(this.workspaceId, id, { forUpdate: this.repos.hasRowLocks });
    if (!kr) return;
    if (kr.progressSource !== 'aligned') {
      await this.keyResult(kr);
      return;
    }
    const objective = await this.repos.objectives.find(this.workspaceId, kr.objectiveId);
    if (!objective) return;
    const cycle = await this.cycle(objective.cycleId);
    const children = await this.repos.alignments.childRollups(this.workspaceId, id);
    const kind = objective.kind ?? 'aspirational';
    const evaluation = this.#evaluator.aligned(
      { key: id, plan: [] },
      {
        window: windowOfCycle(cycle, this.settings.timeZone),
        level: SUCCESS_LEVEL[kind],
        kind,
        canBeOverdue: false,
      },
      children.map((c) => c.weight),
      children.map((c) => storedEvaluation(c.childId, c.childType, c, c.state === 'dropped')),
    );
    await this.repos.keyResults.updateDerived(id, {
      progress: evaluation.progress,
      score: evaluation.score,
      latestCheckinAt: maxOf(children.map((c) => c.latestCheckinAt)),
    });
    await this.objective(kr.objectiveId);
  }
}

/**
 * Recomputes the stored rollups of every goal in some cycles as of `at`, with `settings`, in the
 * caller's transaction: each goal from its check-ins, then every ancestor once, children before
 * parents. Returns how many goals it read.
 */
export async function recomputeCycles(
  repos: Repositories,
  workspaceId: string,
  settings: WorkspaceSettings,
  at: Instant,
  cycleIds: readonly string[],
): Promise<number> {
  const rollups = new Rollups(repos, workspaceId, settings, at);
  rollups.defer();
  let count = 0;
  for (const cycleId of cycleIds) {
    const objectives = await repos.objectives.listByCycle(workspaceId, cycleId);
    const keyResults = await repos.keyResults.listByObjectives(objectives.map((o) => o.id));
    const goals = await repos.smartGoals.listByCycle(workspaceId, cycleId);
    for (const goal of goals) await rollups.smartGoal(goal);
    for (const kr of keyResults) await rollups.keyResult(kr);
    count += objectives.length + keyResults.length + goals.length;
  }
  await rollups.flush();
  return count;
}

/** The rollup columns stored for a measured goal. */
export interface Derived {
  progress: number | null;
  score: number | null;
  latestValue: number | null;
  latestCheckinAt: number | null;
  /** The facts of its check-ins a read may use in place of them (`storedFacts`). */
  facts: string | null;
}

function derivedOf(evaluation: GoalEvaluation | undefined): Omit<Derived, 'facts'> {
  return {
    progress: evaluation?.progress ?? null,
    score: evaluation?.score ?? null,
    latestValue: evaluation?.latestValue ?? null,
    latestCheckinAt: evaluation?.lastCheckinAt ?? null,
  };
}
