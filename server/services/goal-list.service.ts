import { z } from 'zod';
import { AppError } from '../../core/errors';
import { STATUSES } from '../../core/status';
import { isVisible } from '../policies/permissions';
import { type GoalListFilter, GoalListRepository } from '../repositories/goal-list.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { Actor, ServiceDeps } from './context';
import { cycleOfFilter, keyResultSubject, objectiveSubject, smartGoalSubject } from './goal-access';
import {
  type KeyResultView,
  type ObjectiveSummaryView,
  type ObjectiveView,
  objectiveSummaryView,
  objectiveView,
  type SmartGoalView,
  smartGoalView,
} from './presenters';
import { openSession, type Session } from './session';
import { loadSlice } from './slice';
import { visibleGoals } from './visibility';

/** Filters and page of a goal list. `after` is the id the previous page ended on. */
export const goalListSchema = z
  .object({
    cycleId: z.string().min(1).optional(),
    unitId: z.string().min(1).optional(),
    ownerId: z.string().min(1).optional(),
    state: z.string().min(1).max(20).optional(),
    status: z.enum(STATUSES).optional(),
    after: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** `summary`: objectives' KRs without their aligned children (the same numbers, far less to send). */
    view: z.enum(['full', 'summary']).default('full'),
  })
  .strict();

/**
 * The filters of a goal list, already validated (by the route's query schema; other callers by
 * their types, or `parseInput(goalListSchema, ...)` for untrusted input). `limit` and `view`
 * default as in the schema.
 */
export type GoalListInput = z.input<typeof goalListSchema>;

/** A page of goals and the id to continue after (null on the last page). */
export interface GoalPage<T> {
  items: T[];
  nextAfter: string | null;
}

/**
 * Lists of objectives and SMART goals with filters, as the viewer may see them, page by page.
 * Goals the viewer may not see are skipped (never counted in a page); pages are filled by reading
 * further batches, so a page is short only at the end.
 */
export class GoalListService {
  constructor(readonly deps: ServiceDeps) {}

  /** Objectives with their KRs and numbers, ordered by id (`view: 'summary'`: KRs without their children). */
  async objectives(
    actor: Actor,
    input: GoalListInput,
  ): Promise<GoalPage<ObjectiveView | ObjectiveSummaryView>> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const data = await withCycleId(session, withDefaults(input));
    this.#checkState(data.state, ['draft', 'active', 'closed', 'dropped']);
    return this.#fill(data, async (after, limit) => {
      const rows = await this.#repo().objectives(actor.workspaceId, data, after, limit);
      const { visible } = visibleGoals(session.scope, rows, (o: ObjectiveRow) => objectiveSubject(o));
      const isSummary = data.view === 'summary';
      const slice = await loadSlice(session, visible, [], { childDetails: !isSummary, storedFacts: true });
      return {
        scanned: rows.map((r) => r.id),
        views: visible.map((o) =>
          isSummary ? objectiveSummaryView(slice, session.scope, o) : objectiveView(slice, session.scope, o),
        ),
      };
    });
  }

  /** SMART goals with their numbers, ordered by id. */
  async smartGoals(actor: Actor, input: GoalListInput): Promise<GoalPage<SmartGoalView>> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const data = await withCycleId(session, withDefaults(input));
    this.#checkState(data.state, ['draft', 'open', 'done', 'missed', 'dropped']);
    return this.#fill(data, async (after, limit) => {
      const rows = await this.#repo().smartGoals(actor.workspaceId, data, after, limit);
      const { visible } = visibleGoals(session.scope, rows, (g: SmartGoalRow) => smartGoalSubject(g));
      const slice = await loadSlice(session, [], visible, { storedFacts: true });
      return { scanned: rows.map((r) => r.id), views: visible.map((g) => smartGoalView(slice, g)) };
    });
  }

  /** Key results with their numbers and aligned children, ordered by id (`state` filters their objective's). */
  async keyResults(actor: Actor, input: GoalListInput): Promise<GoalPage<KeyResultView>> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const data = await withCycleId(session, withDefaults(input));
    this.#checkState(data.state, ['draft', 'active', 'closed', 'dropped']);
    return this.#fill(data, async (after, limit) => {
      const rows = await this.#repo().keyResults(actor.workspaceId, data, after, limit);
      const objectives = new Map(
        (
          await session.repos.objectives.findMany(actor.workspaceId, [
            ...new Set(rows.map((r) => r.objectiveId)),
          ])
        ).map((o) => [o.id, o]),
      );
      const visible = rows.filter((kr) => {
        const objective = objectives.get(kr.objectiveId);
        return objective !== undefined && isVisible(session.scope, keyResultSubject(kr, objective));
      });
      const shown = [...new Set(visible.map((kr) => kr.objectiveId))].map((id) => objectives.get(id)!);
      const slice = await loadSlice(session, shown, [], { storedFacts: true });
      // A KR its owner may see under an objective they may not: the objective is not named.
      const views = new Map(
        shown.flatMap((o) => {
          const isShown = isVisible(session.scope, objectiveSubject(o));
          return objectiveView(slice, session.scope, o).keyResults.map(
            (k) => [k.id, isShown ? k : { ...k, objectiveId: null }] as const,
          );
        }),
      );
      return { scanned: rows.map((r) => r.id), views: visible.flatMap((kr) => views.get(kr.id) ?? []) };
    });
  }

  #repo() {
    return new GoalListRepository(this.deps.db.kysely);
  }

  #checkState(state: string | undefined, allowed: string[]): void {
    if (state !== undefined && !allowed.includes(state)) {
      throw new AppError('validation', `state: one of ${allowed.join(', ')}`, {
        issues: [{ path: 'state', message: `one of ${allowed.join(', ')}` }],
      });
    }
  }

  async #fill<T extends { id: string; evaluation: { status: string | null } }>(
    data: GoalListFilter & { status?: string | undefined; after?: string | undefined; limit: number },
    batch: (after: string | null, limit: number) => Promise<{ scanned: string[]; views: T[] }>,
  ): Promise<GoalPage<T>> {
    const items: T[] = [];
    let after = data.after ?? null;
    for (;;) {
      const { scanned, views } = await batch(after, data.limit);
      for (const view of views) {
        if (data.status && view.evaluation.status !== data.status) continue;
        items.push(view);
        if (items.length === data.limit) {
          const isLastRow = view.id === scanned[scanned.length - 1] && scanned.length < data.limit;
          return { items, nextAfter: isLastRow ? null : view.id };
        }
      }
      if (scanned.length < data.limit) return { items, nextAfter: null };
      after = scanned[scanned.length - 1] ?? null;
    }
  }
}

/** The schema's defaults, for input no schema parsed. */
function withDefaults(input: GoalListInput): z.output<typeof goalListSchema> {
  return { ...input, limit: input.limit ?? 100, view: input.view ?? 'full' };
}

/** The filter with its cycle (given by id or name) resolved to an id; an unknown one is a 400. */

async function withCycleId<T extends { cycleId?: string | undefined }>(
  session: Session,
  data: T,
): Promise<T> {
  if (data.cycleId === undefined) return data;
  return { ...data, cycleId: (await cycleOfFilter(session, data.cycleId)).id };
}
