import { z } from 'zod';
import { AppError, type FieldIssue } from '../../core/errors';
import { closeOutNeed, gradeOf } from '../../core/grade';
import { addDays, formatDate, parseMoment } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { CloseOutRow } from '../repositories/close-out.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { getCycle } from './goal-access';
import { type Change, openSession, recordEvents, type Session } from './session';
import { loadSlice, type Slice } from './slice';
import { continueObjective } from './successor';
import { accept } from './validate';

/** Root-cause tags for aspirational KRs below 0.7 (SPEC 7). */
export const ROOT_CAUSE_TAGS = [
  'too_ambitious',
  'execution',
  'external_change',
  'wrong_metric',
  'deprioritised',
] as const;

/** Input of `close`: root-cause notes and tags, a decision and a lesson per objective. */
export const closeCycleSchema = z
  .object({
    notes: z
      .array(
        z
          .object({
            goalId: z.string().min(1),
            rootCauseNote: z.string().trim().min(1).max(5000).optional(),
            rootCauseTag: z.enum(ROOT_CAUSE_TAGS).optional(),
          })
          .strict(),
      )
      .default([]),
    decisions: z
      .array(
        z
          .object({
            objectiveId: z.string().min(1),
            decision: z.enum(['continue', 'modify', 'drop']),
            learned: z.string().trim().min(1).max(5000),
          })
          .strict(),
      )
      .default([]),
    /** Where `continue` creates objectives; default: the next cycle of the same kind. */
    nextCycleId: z.string().min(1).optional(),
  })
  .strict();

/** Input of `reopen`. */
export const reopenCycleSchema = z.object({ reason: z.string().trim().min(1).max(5000) }).strict();

/** What closing a cycle froze and created. */
export interface CloseResult {
  closingId: string;
  grades: { goalId: string; goalType: CloseOutRow['goalType']; score: number | null; grade: number | null }[];
  /** Aspirational KRs below 0.7 with no root-cause tag: prompted, not required. */
  prompts: { goalId: string; message: string }[];
  successors: { objectiveId: string; successorId: string; draftKeyResults: string[] }[];
}

/** Close-out (SPEC 7): freeze scores and grades with notes and decisions; reopen with a record. */
export class CloseOutService {
  constructor(readonly deps: ServiceDeps) {}

  /** Closes a cycle (admins). Every missing note or decision is reported at once; nothing is written then. */
  async close(actor: Actor, cycleId: string, input: z.input<typeof closeCycleSchema>): Promise<CloseResult> {
    const data = accept(closeCycleSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'close', 'cycle');
      const { repos } = session;
      const ws = actor.workspaceId;
      const cycle = await getCycle(session, cycleId);
      if (cycle.state === 'closed') throw new AppError('conflict', `cycle ${cycle.name} is already closed`);
      const slice = await loadSlice(
        session,
        await repos.objectives.listByCycle(ws, cycleId),
        await repos.smartGoals.listByCycle(ws, cycleId),
      );
      const notes = new Map(data.notes.map((n) => [n.goalId, n]));
      const decisions = new Map(data.decisions.map((d) => [d.objectiveId, d]));
      const issues: FieldIssue[] = [];
      const prompts: CloseResult['prompts'] = [];
      const score = (id: string) => slice.evaluations.get(id)?.score ?? null;
      for (const objective of slice.objectives.values()) {
        if (objective.cycleId !== cycleId || objective.state === 'dropped') continue;
        if (!decisions.has(objective.id)) {
          issues.push({
            path: `decisions.${objective.id}`,
            message: `"${objective.title}" needs a decision and what was learned`,
          });
        }
        for (const kr of slice.keyResults.get(objective.id) ?? []) {
          if (
            objective.kind === 'committed' &&
            closeOutNeed(score(kr.id), 'committed') === 'note' &&
            !notes.get(kr.id)?.rootCauseNote
          ) {
            issues.push({
              path: `notes.${kr.id}.rootCauseNote`,
              message: `committed KR "${kr.title}" is below 1.0: give the root cause`,
            });
          }
          if (
            objective.kind !== 'committed' &&
            closeOutNeed(score(kr.id), 'aspirational') === 'tag' &&
            !notes.get(kr.id)?.rootCauseTag
          ) {
            prompts.push({
              goalId: kr.id,
              message: `"${kr.title}" is below 0.7: which root cause fits best?`,
            });
          }
        }
      }
      for (const goal of slice.smartGoals.values()) {
        if (goal.cycleId !== cycleId || goal.state === 'dropped') continue;
        if (closeOutNeed(score(goal.id), 'committed') === 'note' && !notes.get(goal.id)?.rootCauseNote) {
          issues.push({
            path: `notes.${goal.id}.rootCauseNote`,
            message: `SMART goal "${goal.title}" is below 1.0: give the root cause`,
          });
        }
      }
      let next: CycleRow | undefined;
      if (data.decisions.some((d) => d.decision === 'continue')) {
        next = await this.#nextCycle(session, cycle, data.nextCycleId);
        if (!next)
          issues.push({
            path: 'nextCycleId',
            message: 'no next cycle to continue objectives in; create it or name it',
          });
      }
      for (const d of data.decisions) {
        if (!slice.objectives.has(d.objectiveId))
          issues.push({ path: `decisions.${d.objectiveId}`, message: 'not an objective of this cycle' });
      }
      if (issues.length > 0) {
        throw new AppError(
          'validation',
          `${issues.length} item(s) must be completed before closing ${cycle.name}`,
          { issues },
        );
      }
      return this.#freeze(session, cycle, slice, { notes, decisions, next, prompts });
    });
  }

  async #nextCycle(session: Session, cycle: CycleRow, id: string | undefined): Promise<CycleRow | undefined> {
    if (id) return session.repos.cycles.find(session.actor.workspaceId, id);
    const tz = session.settings.timeZone;
    const endDay = parseMoment(cycle.endDate, tz) ?? 0;
    const start = formatDate(addDays(endDay, 1, tz), tz);
    return session.repos.cycles.findStartingOn(session.actor.workspaceId, start, cycle.kind);
  }

  async #freeze(
    session: Session,
    cycle: CycleRow,
    slice: Slice,
    input: {
      notes: Map<string, z.infer<typeof closeCycleSchema>['notes'][number]>;
      decisions: Map<string, z.infer<typeof closeCycleSchema>['decisions'][number]>;
      next: CycleRow | undefined;
      prompts: CloseResult['prompts'];
    },
  ): Promise<CloseResult> {
    const { repos, actor } = session;
    const closingId = session.deps.newId();
    await repos.closeOuts.insertClosing({
      id: closingId,
      workspaceId: actor.workspaceId,
      cycleId: cycle.id,
      closedAt: session.at,
      closedBy: actor.personId,
      reopenedAt: null,
      reopenedBy: null,
      reopenReason: null,
    });
    const rows: CloseOutRow[] = [];
    const result: CloseResult = { closingId, grades: [], prompts: input.prompts, successors: [] };
    const changes: Change[] = [
      { entityType: 'cycle', entityId: cycle.id, action: 'closed', after: { closingId } },
    ];
    const freeze = (goalId: string, goalType: CloseOutRow['goalType']) => {
      const evaluation = slice.evaluations.get(goalId);
      const score = evaluation?.score ?? null;
      // The engine grades a goal once its window has ended; a cycle closed early freezes the
      // grade of the score it has at close (SPEC 7: closing freezes every score and grade).
      const frozen = { score, grade: evaluation?.grade ?? (score === null ? null : gradeOf(score)) };
      const note = input.notes.get(goalId);
      rows.push({
        id: session.deps.newId(),
        workspaceId: actor.workspaceId,
        closingId,
        goalType,
        goalId,
        ...frozen,
        rootCauseTag: note?.rootCauseTag ?? null,
        rootCauseNote: note?.rootCauseNote ?? null,
        decision: null,
        learned: null,
        successorId: null,
      });
      result.grades.push({ goalId, goalType, ...frozen });
      return { frozenScore: frozen.score, frozenGrade: frozen.grade };
    };
    for (const objective of slice.objectives.values()) {
      if (objective.cycleId !== cycle.id) continue;
      for (const kr of slice.keyResults.get(objective.id) ?? [])
        await repos.keyResults.updateDerived(kr.id, freeze(kr.id, 'key_result'));
      const frozen = freeze(objective.id, 'objective');
      const decision = input.decisions.get(objective.id);
      const row = rows[rows.length - 1]!;
      row.decision = decision?.decision ?? null;
      row.learned = decision?.learned ?? null;
      await repos.objectives.updateDerived(objective.id, {
        ...frozen,
        state: objective.state === 'dropped' ? 'dropped' : 'closed',
        version: objective.version + 1,
      });
      if (decision?.decision === 'continue' && input.next) {
        const successor = await continueObjective(
          session,
          objective,
          slice.keyResults.get(objective.id) ?? [],
          input.next,
        );
        row.successorId = successor.id;
        result.successors.push({
          objectiveId: objective.id,
          successorId: successor.id,
          draftKeyResults: successor.draftKeyResults,
        });
        changes.push({
          entityType: 'objective',
          entityId: successor.id,
          action: 'continued',
          after: { predecessorId: objective.id, cycleId: input.next.id },
        });
      }
    }
    for (const goal of slice.smartGoals.values()) {
      if (goal.cycleId === cycle.id)
        await repos.smartGoals.updateDerived(goal.id, freeze(goal.id, 'smart_goal'));
    }
    await repos.closeOuts.insertCloseOuts(rows);
    await repos.cycles.update(cycle.id, { state: 'closed', closedAt: session.at });
    await recordEvents(session, changes);
    return result;
  }

  /** Reopens a closed cycle (admins), keeping the close-out record and saying why. */
  async reopen(actor: Actor, cycleId: string, input: z.input<typeof reopenCycleSchema>): Promise<void> {
    const data = accept(reopenCycleSchema, input);
    await transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'close', 'cycle');
      const { repos } = session;
      const cycle = await getCycle(session, cycleId);
      const closing = await repos.closeOuts.findCurrentClosing(cycleId);
      if (cycle.state !== 'closed' || !closing)
        throw new AppError('conflict', `cycle ${cycle.name} is not closed`);
      await repos.closeOuts.markReopened(closing.id, session.at, actor.personId, data.reason);
      await repos.cycles.update(cycleId, { state: 'active', closedAt: null });
      for (const objective of await repos.objectives.listByCycle(actor.workspaceId, cycleId)) {
        await repos.objectives.updateDerived(objective.id, {
          frozenScore: null,
          frozenGrade: null,
          ...(objective.state === 'closed' ? { state: 'active', version: objective.version + 1 } : {}),
        });
      }
      await recordEvents(session, [
        {
          entityType: 'cycle',
          entityId: cycleId,
          action: 'reopened',
          before: { closingId: closing.id },
          after: { reason: data.reason },
        },
      ]);
    });
  }
}
