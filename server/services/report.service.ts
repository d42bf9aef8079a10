import { z } from 'zod';
import {
  ambitionIndex,
  brierScore,
  CALIBRATION_CYCLES,
  type ConfidenceOutcome,
  commitmentReliability,
  confidenceAtThreeQuarters,
  lastClosedCycles,
} from '../../core/calibration';
import { AppError } from '../../core/errors';
import { type GradeBand, gradeBand } from '../../core/grade';
import { isVisible } from '../policies/permissions';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { Actor, ServiceDeps } from './context';
import { windowOfCycle } from './evaluation';
import {
  assertMayReadPerson,
  getCycle,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
} from './goal-access';
import { cycleReportDocument, type ReportDocument, type reportDocumentSchema } from './report-document';
import { openSession, type Session } from './session';
import { invalid, notFound } from './validate';
import { hiddenGoalsAmong, hiddenSummary, visibleGoals, visibleRef } from './visibility';

type Kind = 'aspirational' | 'committed';
type Bands = Record<GradeBand, number>;

/** A closed cycle's report (SPEC 7): grades, their distribution and the lessons, as the viewer may see them. */
export interface CycleReport {
  cycle: { id: string; name: string; closedAt: number | null };
  objectives: {
    id: string;
    title: string;
    kind: Kind;
    unitId: string | null;
    score: number | null;
    grade: number | null;
    band: GradeBand | null;
    decision: string | null;
    learned: string | null;
    successorId: string | null;
    keyResults: {
      id: string;
      title: string;
      score: number | null;
      grade: number | null;
      band: GradeBand | null;
      mayBeTooSafe: boolean;
      rootCauseTag: string | null;
      rootCauseNote: string | null;
    }[];
  }[];
  smartGoals: {
    id: string;
    title: string;
    ownerId: string;
    score: number | null;
    grade: number | null;
    band: GradeBand | null;
    rootCauseNote: string | null;
  }[];
  distribution: { objectives: Bands; keyResults: Bands; smartGoals: Bands };
  hiddenGoals: number;
  hiddenSummary: string | null;
}

/** Input of `calibration`: a unit, or a person (private: themselves, their manager, leads, admins). */
export const calibrationSchema = z
  .object({
    unitId: z.string().min(1).optional(),
    personId: z.string().min(1).optional(),
    cycles: z.number().int().min(1).max(20).default(CALIBRATION_CYCLES),
  })
  .strict()
  .refine((v) => (v.unitId === undefined) !== (v.personId === undefined), {
    path: ['unit'],
    message: 'give one of the query parameters `unit` or `person`',
  });

/** Calibration (SPEC 3.8) over the last closed cycles. */
export interface Calibration {
  scope: { unitId: string | null; personId: string | null };
  cycles: { id: string; name: string }[];
  ambition: ReturnType<typeof ambitionIndex>;
  commitment: ReturnType<typeof commitmentReliability>;
  confidence: ReturnType<typeof brierScore>;
  /** Goals in scope the viewer may not see: left out of every figure above. */
  hiddenGoals: number;
  hiddenSummary: string | null;
}

const emptyBands = (): Bands => ({ red: 0, yellow: 0, green: 0 });
const verdict = (grade: number | null, kind: Kind) => (grade === null ? null : gradeBand(grade, kind));

/** Reports on closed cycles, and calibration by unit or (privately) by person. */
export class ReportService {
  constructor(readonly deps: ServiceDeps) {}

  /** The report of a closed cycle; `conflict` while it is open (the dashboard has live numbers). */
  async cycleReport(actor: Actor, cycleId: string): Promise<CycleReport> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const { repos, scope } = session;
    const ws = actor.workspaceId;
    const cycle = await getCycle(session, cycleId);
    const closing = await repos.closeOuts.findCurrentClosing(cycleId);
    if (cycle.state !== 'closed' || !closing)
      throw new AppError('conflict', `cycle ${cycle.name} is not closed: its report exists once it is`);
    const notes = new Map((await repos.closeOuts.listCloseOuts(closing.id)).map((n) => [n.goalId, n]));
    const objectives = await repos.objectives.listByCycle(ws, cycleId);
    const krs = await repos.keyResults.listByObjectives(objectives.map((o) => o.id));
    const goals = await repos.smartGoals.listByCycle(ws, cycleId);
    const distribution = { objectives: emptyBands(), keyResults: emptyBands(), smartGoals: emptyBands() };
    const successors = await hiddenGoalsAmong(
      session,
      [...notes.values()].map((n) => n.successorId),
    );
    let hidden = 0;
    const report: CycleReport['objectives'] = [];
    for (const o of objectives) {
      if (!isVisible(scope, objectiveSubject(o))) {
        hidden++;
        continue;
      }
      const kind: Kind = o.kind ?? 'aspirational';
      const note = notes.get(o.id);
      const grade = note?.grade ?? o.frozenGrade;
      const band = verdict(grade, kind)?.band ?? null;
      if (band && o.state !== 'dropped') distribution.objectives[band]++;
      report.push({
        id: o.id,
        title: o.title,
        kind,
        unitId: o.unitId,
        score: note?.score ?? o.frozenScore,
        grade,
        band,
        decision: note?.decision ?? null,
        learned: note?.learned ?? null,
        successorId: visibleRef(successors, note?.successorId ?? null),
        keyResults: krs
          .filter((k) => k.objectiveId === o.id && isVisible(scope, keyResultSubject(k, o)))
          .map((k) => {
            const n = notes.get(k.id);
            const g = n?.grade ?? k.frozenGrade;
            const v = verdict(g, kind);
            if (v) distribution.keyResults[v.band]++;
            return {
              id: k.id,
              title: k.title,
              score: n?.score ?? k.frozenScore,
              grade: g,
              band: v?.band ?? null,
              mayBeTooSafe: v?.mayBeTooSafe ?? false,
              rootCauseTag: n?.rootCauseTag ?? null,
              rootCauseNote: n?.rootCauseNote ?? null,
            };
          }),
      });
    }
    const smartGoals: CycleReport['smartGoals'] = [];
    for (const g of goals) {
      if (!isVisible(scope, smartGoalSubject(g))) {
        hidden++;
        continue;
      }
      const n = notes.get(g.id);
      const grade = n?.grade ?? g.frozenGrade;
      const band = verdict(grade, 'committed')?.band ?? null;
      if (band && g.state !== 'dropped') distribution.smartGoals[band]++;
      smartGoals.push({
        id: g.id,
        title: g.title,
        ownerId: g.ownerId,
        score: n?.score ?? g.frozenScore,
        grade,
        band,
        rootCauseNote: n?.rootCauseNote ?? null,
      });
    }
    return {
      cycle: { id: cycle.id, name: cycle.name, closedAt: cycle.closedAt },
      objectives: report,
      smartGoals,
      distribution,
      hiddenGoals: hidden,
      hiddenSummary: hiddenSummary(hidden),
    };
  }

  /** The report of a closed cycle as a document (`md`, `html` or `pdf`): `report-document.ts`. */
  cycleDocument(actor: Actor, input: z.input<typeof reportDocumentSchema>): Promise<ReportDocument> {
    return cycleReportDocument(this.deps, (a, id) => this.cycleReport(a, id), actor, input);
  }

  /**
   * Calibration of a unit (its objectives' KRs and its SMART goals) or of a person (the KRs and
   * SMART goals they own) over the last closed cycles. Aggregates only: no goal is described. A
   * person's calibration is private to them, their manager, the leads of their units and admins.
   */
  async calibration(actor: Actor, data: z.output<typeof calibrationSchema>): Promise<Calibration> {
    if ((data.unitId === undefined) === (data.personId === undefined))
      invalid('unit', 'give one of the query parameters `unit` or `person`');
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const { repos } = session;
    const ws = actor.workspaceId;
    if (data.unitId && !(await repos.units.find(ws, data.unitId))) notFound('unit', data.unitId);
    if (data.personId) await assertMayReadPerson(session, data.personId, "a person's calibration");
    const tz = session.settings.timeZone;
    const cycles = lastClosedCycles(
      (await repos.cycles.list(ws)).map((c) => ({ ...c, window: windowOfCycle(c, tz) })),
      data.cycles,
    );
    const aspirational: number[] = [];
    const committed: number[] = [];
    const outcomes: ConfidenceOutcome[] = [];
    let hidden = 0;
    for (const cycle of cycles) {
      const found = await this.#goalsOf(session, cycle, data);
      const { krs, goals } = found;
      hidden += found.hidden;
      const measured: { id: string; grade: number; level: number }[] = [];
      for (const { kr, kind } of krs) {
        if (kr.frozenGrade === null) continue;
        if (kind === 'committed') committed.push(kr.frozenScore ?? kr.frozenGrade);
        else aspirational.push(kr.frozenGrade);
        if (kr.progressSource === 'metric')
          measured.push({ id: kr.id, grade: kr.frozenGrade, level: kind === 'committed' ? 1 : 0.7 });
      }
      for (const g of goals) {
        if (g.frozenGrade === null || g.state === 'dropped') continue;
        committed.push(g.frozenScore ?? g.frozenGrade);
        measured.push({ id: g.id, grade: g.frozenGrade, level: 1 });
      }
      const checkins = await repos.checkIns.listByGoals(measured.map((m) => m.id));
      for (const m of measured) {
        const own = checkins
          .filter((c) => c.goalId === m.id)
          .map((c) => ({ at: c.at, confidence: c.confidence ?? undefined }));
        const confidence = confidenceAtThreeQuarters(own, cycle.window);
        if (confidence !== undefined) outcomes.push({ confidence, reached: m.grade >= m.level - 1e-9 });
      }
    }
    return {
      scope: { unitId: data.unitId ?? null, personId: data.personId ?? null },
      cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
      ambition: ambitionIndex(aspirational),
      commitment: commitmentReliability(committed),
      confidence: brierScore(outcomes),
      hiddenGoals: hidden,
      hiddenSummary: hiddenSummary(hidden),
    };
  }

  async #goalsOf(
    session: Session,
    cycle: CycleRow,
    scope: { unitId?: string | undefined; personId?: string | undefined },
  ): Promise<{ krs: { kr: KeyResultRow; kind: Kind }[]; goals: SmartGoalRow[]; hidden: number }> {
    const { repos } = session;
    const ws = session.actor.workspaceId;
    const objectives: ObjectiveRow[] = await repos.objectives.listByCycle(
      ws,
      cycle.id,
      scope.unitId ? [scope.unitId] : undefined,
    );
    const byId = new Map(objectives.map((o) => [o.id, o]));
    const inScope = (await repos.keyResults.listByObjectives(objectives.map((o) => o.id))).filter(
      (k) => !scope.personId || k.ownerId === scope.personId,
    );
    const allGoals = await repos.smartGoals.listByCycle(
      ws,
      cycle.id,
      scope.unitId ? { unitIds: [scope.unitId] } : { ownerIds: [scope.personId!] },
    );
    // Only what the viewer may see counts (SPEC 8); the rest is counted apart.
    const krs = inScope.flatMap((kr) => {
      const o = byId.get(kr.objectiveId);
      return o && isVisible(session.scope, keyResultSubject(kr, o))
        ? [{ kr, kind: (o.kind ?? 'aspirational') as Kind }]
        : [];
    });
    const goals = visibleGoals(session.scope, allGoals, smartGoalSubject);
    return { krs, goals: goals.visible, hidden: inScope.length - krs.length + goals.hidden };
  }
}
