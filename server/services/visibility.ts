import { type ActorScope, type GoalSubject, isVisible } from '../policies/permissions';
import { keyResultSubject, objectiveSubject, smartGoalSubject } from './goal-access';
import type { Session } from './session';

/**
 * References past visibility (SPEC 8). Whatever a viewer reads may name other goals: the parents
 * an objective aligns to, a predecessor, a successor, the parent in an `aligned` event. A
 * reference to a goal the viewer may not see is never shown by id or title: lists drop it and
 * count it (`hiddenParents`, `hiddenChildren`, `hiddenGoals`: "1 private goal"), a single
 * reference becomes `null`. Every read builds one `HiddenGoals` for the ids it is about to show
 * and passes its output through `withhold`, `visibleRef` or `redactIds`.
 *
 * @example
 * const hidden = await hiddenGoalsAmong(session, links.map((l) => l.parentId));
 * const { visible, hidden: hiddenParents } = withhold(hidden, links, (l) => l.parentId);
 */
export interface HiddenGoals {
  /** Whether `id` names a goal of the workspace the viewer may not see (false for anything else). */
  has(id: string | null | undefined): boolean;
}

/** Nothing hidden (admins, or nothing referenced). */
export const NOTHING_HIDDEN: HiddenGoals = { has: () => false };

/**
 * Which of the referenced ids are goals the viewer may not see. Ids that are not goals (people,
 * units, unknown) are never hidden. Three indexed lookups at most (none for admins).
 */
export async function hiddenGoalsAmong(
  session: Session,
  ids: Iterable<string | null | undefined>,
): Promise<HiddenGoals> {
  const { scope, repos } = session;
  const ws = session.actor.workspaceId;
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (scope.role === 'admin' || wanted.length === 0) return NOTHING_HIDDEN;
  const [objectives, keyResults, smartGoals] = await Promise.all([
    repos.objectives.findMany(ws, wanted),
    repos.keyResults.findMany(ws, wanted),
    repos.smartGoals.findMany(ws, wanted),
  ]);
  const hidden = new Set<string>();
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const missing = keyResults.map((k) => k.objectiveId).filter((id) => !byId.has(id));
  for (const o of missing.length ? await repos.objectives.findMany(ws, [...new Set(missing)]) : [])
    byId.set(o.id, o);
  for (const o of objectives) if (!isVisible(scope, objectiveSubject(o))) hidden.add(o.id);
  for (const g of smartGoals) if (!isVisible(scope, smartGoalSubject(g))) hidden.add(g.id);
  for (const k of keyResults) {
    const objective = byId.get(k.objectiveId);
    if (!objective || !isVisible(scope, keyResultSubject(k, objective))) hidden.add(k.id);
  }
  return hidden.size === 0 ? NOTHING_HIDDEN : { has: (id) => typeof id === 'string' && hidden.has(id) };
}

/**
 * Goals already loaded, split into those the viewer may see and how many they may not: what
 * every list, page and count shows (the hidden ones only as `hiddenGoals`, "n private goals").
 *
 * @example
 * const { visible, hidden } = visibleGoals(session.scope, rows, objectiveSubject);
 */
export function visibleGoals<T>(
  scope: ActorScope,
  rows: readonly T[],
  subjectOf: (row: T) => GoalSubject,
): { visible: T[]; hidden: number } {
  const visible = rows.filter((row) => isVisible(scope, subjectOf(row)));
  return { visible, hidden: rows.length - visible.length };
}

/** The references whose goal the viewer may see, and how many were withheld. */
export function withhold<T>(
  hidden: HiddenGoals,
  refs: readonly T[],
  idOf: (ref: T) => string,
): { visible: T[]; hidden: number } {
  const visible = refs.filter((ref) => !hidden.has(idOf(ref)));
  return { visible, hidden: refs.length - visible.length };
}

/** A single reference, or `null` when the viewer may not see the goal it names. */
export function visibleRef(hidden: HiddenGoals, id: string | null): string | null {
  return id !== null && hidden.has(id) ? null : id;
}

/**
 * The values of id fields (`parentId`, `predecessorId`, `goalIds`: any key ending in `Id` or
 * `Ids`) anywhere in a JSON value such as an event's before and after, without repeats: the
 * candidates for `hiddenGoalsAmong`.
 */
export function idsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const isIdField = key.endsWith('Id') || key.endsWith('Ids');
      if (isIdField && typeof item === 'string') {
        into.add(item);
      } else if (isIdField && Array.isArray(item)) {
        for (const id of item) if (typeof id === 'string') into.add(id);
      } else {
        idsIn(item, into);
      }
    }
  }
  return into;
}

/**
 * A JSON value with every id of a hidden goal replaced by `null` (wherever it stands, under any
 * field name), and how many were replaced.
 */
export function redactIds(hidden: HiddenGoals, value: unknown): { value: unknown; hidden: number } {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!hidden.has(v)) return v;
      count++;
      return null;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    return v;
  };
  const result = hidden === NOTHING_HIDDEN ? value : walk(value);
  return { value: result, hidden: count };
}

/** "1 private goal" or "n private goals" (null for none): the words every interface shows for a count. */
export function hiddenSummary(count: number): string | null {
  return count === 0 ? null : count === 1 ? '1 private goal' : `${count} private goals`;
}
