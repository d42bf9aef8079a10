import { z } from 'zod';
import type { Status } from '../../core/status';
import { isVisible } from '../policies/permissions';
import type { AlignmentRow } from '../repositories/alignment.repository';
import { AlignmentGraphRepository } from '../repositories/alignment-graph.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { Actor, ServiceDeps } from './context';
import { keyResultSubject, objectiveSubject, resolveCycle, smartGoalSubject } from './goal-access';
import { hiddenSummary } from './presenters';
import { openSession, type Session } from './session';
import { loadSlice } from './slice';
import { invalid, notFound } from './validate';

/** Input of `graph`: the cycle (id or name; default the active one), a unit's subtree, or one node's children. */
export const alignmentGraphSchema = z
  .object({
    cycle: z.string().min(1).max(100).optional(),
    unit: z.string().min(1).max(100).optional(),
    parent: z.string().min(1).max(100).optional(),
    after: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();

/** One goal of the alignment graph. */
export interface AlignmentNode {
  id: string;
  type: 'objective' | 'key_result' | 'smart_goal';
  title: string;
  unitId: string | null;
  ownerId: string | null;
  status: Status | null;
  score: number | null;
  progress: number | null;
  /** Parents the node aligns to (a KR's objective; an objective's or SMART goal's links up). */
  parentIds: string[];
  /** Goals below it (KRs, then aligned goals), hidden ones included: whether it can be expanded. */
  childCount: number;
}

/** Goals the viewer may not see, counted where they sit ("2 private goals"). */
export interface HiddenGoals {
  /** The node they align to; null for goals with no parent (at the top of the graph). */
  parentId: string | null;
  count: number;
  summary: string;
}

export interface AlignmentGraph {
  cycle: { id: string; name: string };
  nodes: AlignmentNode[];
  hidden: HiddenGoals[];
  /** The key to continue after (the route makes it a cursor); null on the last page. */
  nextAfter: string | null;
}

type Item =
  | { key: string; objective: ObjectiveRow }
  | { key: string; goal: SmartGoalRow }
  | { key: string; kr: string };

/** A goal of a whole cycle's listing before its page is read in full: its page key and id. */
type Keyed = { key: string; objectiveId: string } | { key: string; smartGoalId: string };

/**
 * The alignment graph (SPEC 10, the alignment tree): objectives with their KRs, and SMART goals,
 * each with its numbers (from core) and its parents, as the viewer may see them; goals the viewer
 * may not see are counted at the node they align to. A whole cycle (or a unit's subtree) comes
 * page by page; `parent` gives one node's children for lazy expansion on a large organisation.
 */
export class AlignmentGraphService {
  constructor(readonly deps: ServiceDeps) {}

  async graph(actor: Actor, data: z.input<typeof alignmentGraphSchema>): Promise<AlignmentGraph> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const cycle = await resolveCycle(session, data.cycle);
    const items: (Item | Keyed)[] = data.parent
      ? await this.#childrenOf(session, data.parent)
      : await this.#ofCycle(session, cycle.id, data.unit);
    items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const start = data.after === undefined ? 0 : items.findIndex((i) => i.key > data.after!);
    const rest = start < 0 ? [] : items.slice(start);
    const limit = data.limit ?? 500;
    const keyed = rest.slice(0, limit);
    const nextAfter = rest.length > limit ? (keyed.at(-1)?.key ?? null) : null;
    const page = await this.#inFull(session, keyed);
    return {
      cycle: { id: cycle.id, name: cycle.name },
      ...(await this.#present(session, page, data.parent)),
      nextAfter,
    };
  }

  /** Every objective and SMART goal of the cycle (in the unit's subtree), visible or not. */
  async #ofCycle(session: Session, cycleId: string, unitId: string | undefined): Promise<Keyed[]> {
    const ws = session.actor.workspaceId;
    let units: string[] | undefined;
    if (unitId !== undefined) {
      if (!(await session.repos.units.find(ws, unitId)))
        invalid('unit', `no unit ${unitId} in this workspace`);
      units = await session.repos.units.descendants(ws, [unitId]);
    }
    // Only the ids (the page keys) of the whole cycle: a page's goals are read in full after paging.
    const ids = await new AlignmentGraphRepository(session.repos.units.db).idsOfCycle(ws, cycleId, units);
    return [
      ...ids.objectives.map((id) => ({ key: `1:${id}`, objectiveId: id })),
      ...ids.smartGoals.map((id) => ({ key: `2:${id}`, smartGoalId: id })),
    ];
  }

  /** A page's items with their goals read in full (two queries), in the page's order. */
  async #inFull(session: Session, page: readonly (Item | Keyed)[]): Promise<Item[]> {
    const ws = session.actor.workspaceId;
    const objectiveIds = page.flatMap((i) => ('objectiveId' in i ? [i.objectiveId] : []));
    const goalIds = page.flatMap((i) => ('smartGoalId' in i ? [i.smartGoalId] : []));
    if (objectiveIds.length === 0 && goalIds.length === 0) return page as Item[];
    const [objectives, goals] = await Promise.all([
      session.repos.objectives.findMany(ws, objectiveIds),
      session.repos.smartGoals.findMany(ws, goalIds),
    ]);
    const objectiveOf = new Map(objectives.map((o) => [o.id, o]));
    const goalOf = new Map(goals.map((g) => [g.id, g]));
    // A goal deleted between the two reads is left out, as if the page had been read after it.
    return page.flatMap((i): Item[] => {
      if ('objectiveId' in i) {
        const objective = objectiveOf.get(i.objectiveId);
        return objective ? [{ key: i.key, objective }] : [];
      }
      if ('smartGoalId' in i) {
        const goal = goalOf.get(i.smartGoalId);
        return goal ? [{ key: i.key, goal }] : [];
      }
      return [i];
    });
  }

  /** A node's children: an objective's KRs and the goals aligned to it; a KR's aligned goals. */
  async #childrenOf(session: Session, parentId: string): Promise<Item[]> {
    const ws = session.actor.workspaceId;
    const objective = await session.repos.objectives.find(ws, parentId);
    const kr = objective ? undefined : await session.repos.keyResults.find(ws, parentId);
    const owner = objective ?? (kr && (await session.repos.objectives.find(ws, kr.objectiveId)));
    if (!owner) return notFound('goal', parentId);
    const subject = kr ? keyResultSubject(kr, owner) : objectiveSubject(owner);
    if (!isVisible(session.scope, subject)) return notFound('goal', parentId);
    const krs = objective ? await session.repos.keyResults.listByObjectives([objective.id]) : [];
    const links = await session.repos.alignments.childrenOf([parentId]);
    const [objectives, goals] = await Promise.all([
      session.repos.objectives.findMany(
        ws,
        links.filter((l) => l.childType === 'objective').map((l) => l.childId),
      ),
      session.repos.smartGoals.findMany(
        ws,
        links.filter((l) => l.childType === 'smart_goal').map((l) => l.childId),
      ),
    ]);
    return [
      ...krs.map((k) => ({ key: `0:${String(k.position).padStart(6, '0')}:${k.id}`, kr: k.id })),
      ...objectives.map((o) => ({ key: `1:${o.id}`, objective: o })),
      ...goals.map((goal) => ({ key: `2:${goal.id}`, goal })),
    ];
  }

  async #present(
    session: Session,
    page: readonly Item[],
    parentId: string | undefined,
  ): Promise<{ nodes: AlignmentNode[]; hidden: HiddenGoals[] }> {
    const { scope } = session;
    const objectives = page.flatMap((i) => ('objective' in i ? [i.objective] : []));
    const goals = page.flatMap((i) => ('goal' in i ? [i.goal] : []));
    const visibleObjectives = objectives.filter((o) => isVisible(scope, objectiveSubject(o)));
    const visibleGoals = goals.filter((g) => isVisible(scope, smartGoalSubject(g)));
    // The KRs of a parent objective are listed through it (and its visibility): load it too.
    const parentObjective =
      page.some((i) => 'kr' in i) && parentId
        ? await session.repos.objectives.find(session.actor.workspaceId, parentId)
        : undefined;
    const slice = await loadSlice(
      session,
      parentObjective ? [...visibleObjectives, parentObjective] : visibleObjectives,
      visibleGoals,
    );
    const krIds = new Set(page.flatMap((i) => ('kr' in i ? [i.kr] : [])));
    const shownKrs = [...slice.keyResults.entries()].flatMap(([objectiveId, krs]) =>
      krs.filter((kr) => (objectiveId === parentObjective?.id ? krIds.has(kr.id) : true)),
    );
    const linkRows = await session.repos.alignments.childrenOf([
      ...visibleObjectives.map((o) => o.id),
      ...shownKrs.map((k) => k.id),
    ]);
    const childLinks = new Map<string, AlignmentRow[]>();
    for (const link of linkRows)
      childLinks.set(link.parentId, [...(childLinks.get(link.parentId) ?? []), link]);
    // Parents the viewer may not see are left out (counted where they are, never named).
    const parentsOf = (id: string) =>
      (slice.parents.get(id) ?? []).map((l) => l.parentId).filter((p) => !slice.hidden.has(p));
    const numbers = (id: string) => {
      const e = slice.evaluations.get(id);
      return { status: e?.status ?? null, score: e?.score ?? null, progress: e?.progress ?? null };
    };
    const nodes: AlignmentNode[] = [];
    const krCount = (objectiveId: string) => slice.keyResults.get(objectiveId)?.length ?? 0;
    const pushObjective = (o: ObjectiveRow) =>
      nodes.push({
        id: o.id,
        type: 'objective',
        title: o.title,
        unitId: o.unitId,
        ownerId: o.leadId ?? o.ownerId,
        ...numbers(o.id),
        parentIds: parentsOf(o.id),
        childCount: krCount(o.id) + (childLinks.get(o.id)?.length ?? 0),
      });
    for (const item of page) {
      if ('objective' in item) {
        if (!visibleObjectives.includes(item.objective)) continue;
        pushObjective(item.objective);
        if (parentId === undefined)
          for (const kr of slice.keyResults.get(item.objective.id) ?? [])
            nodes.push(this.#krNode(kr, item.objective, numbers, childLinks));
      } else if ('goal' in item) {
        if (!visibleGoals.includes(item.goal)) continue;
        const g = item.goal;
        nodes.push({
          id: g.id,
          type: 'smart_goal',
          title: g.title,
          unitId: g.unitId,
          ownerId: g.ownerId,
          ...numbers(g.id),
          parentIds: parentsOf(g.id),
          childCount: 0,
        });
      } else if (parentObjective) {
        const kr = shownKrs.find((k) => k.id === item.kr);
        if (kr) nodes.push(this.#krNode(kr, parentObjective, numbers, childLinks));
      }
    }
    return {
      nodes,
      hidden: await hiddenCounts(session, page, parentId, nodes, childLinks, visibleObjectives, visibleGoals),
    };
  }

  #krNode(
    kr: { id: string; title: string; ownerId: string | null },
    objective: ObjectiveRow,
    numbers: (id: string) => Pick<AlignmentNode, 'status' | 'score' | 'progress'>,
    childLinks: Map<string, AlignmentRow[]>,
  ): AlignmentNode {
    return {
      id: kr.id,
      type: 'key_result',
      title: kr.title,
      unitId: objective.unitId,
      ownerId: kr.ownerId,
      ...numbers(kr.id),
      parentIds: [objective.id],
      childCount: childLinks.get(kr.id)?.length ?? 0,
    };
  }
}

/**
 * Hidden goals, counted where they sit: under each shown node, the goals aligned to it that the
 * viewer may not see; with `parent`, the hidden goals of the page under that parent; for a whole
 * cycle, hidden goals that align to nothing at the top (`parentId: null`). A hidden goal below a
 * goal that is itself hidden is not counted again.
 */
async function hiddenCounts(
  session: Session,
  page: readonly Item[],
  parentId: string | undefined,
  nodes: readonly AlignmentNode[],
  childLinks: Map<string, AlignmentRow[]>,
  visibleObjectives: readonly ObjectiveRow[],
  visibleGoals: readonly SmartGoalRow[],
): Promise<HiddenGoals[]> {
  const ws = session.actor.workspaceId;
  const counts = new Map<string | null, number>();
  const bump = (id: string | null) => counts.set(id, (counts.get(id) ?? 0) + 1);
  const shown = new Set(nodes.map((n) => n.id));
  const links = [...childLinks.entries()].filter(([parent]) => shown.has(parent)).flatMap(([, l]) => l);
  const [objectives, goals] = await Promise.all([
    session.repos.objectives.findMany(ws, [
      ...new Set(links.filter((l) => l.childType === 'objective').map((l) => l.childId)),
    ]),
    session.repos.smartGoals.findMany(ws, [
      ...new Set(links.filter((l) => l.childType === 'smart_goal').map((l) => l.childId)),
    ]),
  ]);
  const seen = new Map<string, boolean>([
    ...objectives.map((o) => [o.id, isVisible(session.scope, objectiveSubject(o))] as const),
    ...goals.map((g) => [g.id, isVisible(session.scope, smartGoalSubject(g))] as const),
  ]);
  for (const link of links) if (seen.get(link.childId) === false) bump(link.parentId);
  const hiddenOnPage = page.flatMap((i) =>
    'objective' in i && !visibleObjectives.includes(i.objective)
      ? [i.objective.id]
      : 'goal' in i && !visibleGoals.includes(i.goal)
        ? [i.goal.id]
        : [],
  );
  if (parentId !== undefined) for (const _ of hiddenOnPage) bump(parentId);
  else if (hiddenOnPage.length > 0) {
    const up = await session.repos.alignments.parentsOf(hiddenOnPage);
    const linked = new Set(up.map((l) => l.childId));
    for (const id of hiddenOnPage) if (!linked.has(id)) bump(null);
  }
  return [...counts].map(([parent, count]) => ({ parentId: parent, count, summary: hiddenSummary(count)! }));
}
