import { z } from 'zod';
import { dueCheckin, missedPeriods } from '../../core/checkin-schedule';
import { groupBy } from '../../core/collections';
import { cadencePeriods } from '../../core/cycle';
import { Evaluator, evaluateOrganisationWith } from '../../core/evaluate';
import type { Checkin, KeyResultNode, ObjectiveNode, Organisation, SmartGoalNode } from '../../core/model';
import type { Status } from '../../core/status';
import { dateWindow, type Instant, type Window } from '../../core/time';
import { type ActorScope, type GoalSubject, isVisible } from '../policies/permissions';
import type { AlignmentRow } from '../repositories/alignment.repository';
import { ComplianceRepository } from '../repositories/compliance.repository';
import type { CycleRow } from '../repositories/cycle.repository';
import { repositories } from '../repositories/index';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import type { PersonRow } from '../repositories/person.repository';
import type { SmartGoalRow } from '../repositories/smart-goal.repository';
import type { Actor, ServiceDeps } from './context';
import {
  effectiveCheckins,
  groupCheckins,
  objectiveNode,
  readMeasure,
  smartGoalNode,
  windowOfCycle,
} from './evaluation';
import {
  assertMayReadPeople,
  assertMayReadPerson,
  keyResultSubject,
  objectiveSubject,
  smartGoalSubject,
} from './goal-access';
import { loadScopes } from './scope';
import { openSession, type Session } from './session';
import { notFound } from './validate';
import { evaluationSettings, readSettings } from './workspace-settings';

/** How many people `dueOfMany` reads at once (bounds the bound parameters of one query). */
const PEOPLE_PER_READ = 500;

/** How `dueOfMany` evaluates: `statuses: false` leaves every item's status null (and reads less). */
export interface DueOptions {
  statuses?: boolean;
  /** Whose eyes each person's list is seen through (default: the session's actor for everyone). */
  scopeOf?: (personId: string) => ActorScope;
  /** Filled with what the policies see of each listed goal and of the objective its titles name. */
  subjects?: Map<string, { goal: GoalSubject; named?: GoalSubject }>;
}

/** Everything is visible to it: lists read once for several viewers, then narrowed for each. */
const seesAll = (workspaceId: string): ActorScope => ({
  workspaceId,
  personId: '',
  role: 'admin',
  memberUnits: new Set(),
  ledUnits: new Set(),
  reports: new Set(),
});

/**
 * Due lists read once for several viewers (`dueForViewers`): each viewer's view of a person's list
 * is `view(scope, items)`, the items that viewer may see, with the titles they may not see blanked,
 * as `dueOfMany` run by that viewer gives them.
 */
export interface SharedDue {
  lists: Map<string, DueGoal[]>[];
  view(scope: ActorScope, items: readonly DueGoal[]): DueGoal[];
}

/** Input of `due`: `me` (the signed-in person) or a person's id. */
export const dueSchema = z.object({ person: z.string().min(1).max(100).default('me') }).strict();

/** One goal on the check-in screen, with what the row is pre-filled with. */
export interface DueGoal {
  type: 'key_result' | 'smart_goal';
  id: string;
  cycleId: string;
  title: string;
  /** The objective the goal serves: a KR's own, or that of the KR or objective a SMART goal supports. */
  objectiveTitle: string | null;
  /** For a SMART goal supporting a KR: that KR's title. */
  keyResultTitle: string | null;
  measure: unknown;
  lastValue: number | null;
  /** Milestone names done at the last check-in (milestone measures), or null. */
  lastDone: string[] | null;
  lastConfidence: number | null;
  lastNote: string | null;
  lastCheckinAt: Instant | null;
  status: Status | null;
  /** The cadence period the check-in is due in. */
  period: { start: Instant; end: Instant };
  /** Already checked in during this period. */
  isDone: boolean;
  /** Ended cadence periods in a row, up to now, without a check-in (two or more: escalated, SPEC 6). */
  missedPeriods: number;
}

/** "What do I check in on now" (SPEC 3.9 and 6). */
export interface DueCheckins {
  person: { id: string; name: string };
  at: Instant;
  items: DueGoal[];
  summary: { due: number; done: number };
}

/**
 * The goals a person must check in on this period: every KR (of an active objective) and open
 * SMART goal they own, with a measure, in a cycle that is not closed, whose active window holds
 * now; due when it has no check-in yet in the current cadence period of that window (SPEC 3.9).
 */
export class CheckInDueService {
  constructor(readonly deps: ServiceDeps) {}

  async due(actor: Actor, data: z.input<typeof dueSchema>): Promise<DueCheckins> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const wanted = data.person ?? 'me';
    const personId = wanted === 'me' ? actor.personId : wanted;
    if (personId !== actor.personId) await assertMayReadPerson(session, personId, "a person's check-in list");
    const person = (await session.repos.people.find(ws, personId))!;
    const items = (await this.#dueOf(session, [person], [session.at]))[0]!.get(person.id) ?? [];
    const done = items.filter((i) => i.isDone).length;
    return {
      person: { id: person.id, name: person.name },
      at: session.at,
      items,
      summary: { due: items.length - done, done },
    };
  }

  /**
   * The due lists of many people at once, each as of several instants (the digest's now and its
   * previous occasion): one read of their goals and check-ins, the instants evaluated in memory.
   * The same lists `due` gives one person at a time (the actor must be allowed to read each
   * person: the same check, batched). Returns one map (person id to items) per instant.
   *
   * @example
   * const [now, then] = await dueService.dueOfMany(lead, memberIds, [clock.now(), lastWeek]);
   */
  async dueOfMany(
    actor: Actor,
    personIds: readonly string[],
    ats: readonly Instant[],
    options: DueOptions = {},
  ): Promise<Map<string, DueGoal[]>[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const ws = actor.workspaceId;
    const ids = [...new Set(personIds)];
    const out = ats.map(() => new Map<string, DueGoal[]>());
    for (let i = 0; i < ids.length; i += PEOPLE_PER_READ) {
      const chunk = ids.slice(i, i + PEOPLE_PER_READ);
      const people = await session.repos.people.findMany(ws, chunk);
      const found = new Set(people.map((p) => p.id));
      const missing = chunk.find((id) => !found.has(id));
      if (missing) notFound('person', missing);
      await assertMayReadPeople(session, chunk, "a person's check-in list");
      const lists = await this.#dueOf(session, people, ats, options);
      lists.forEach((list, k) => {
        for (const [personId, items] of list) out[k]!.set(personId, items);
      });
    }
    return out;
  }

  /**
   * Each person's own due list now, as they see it on their check-in screen (without statuses), for
   * many people of a workspace at once: one read of their goals and check-ins and of their scopes
   * per 500 people, for background work acting as each of them (their reminders). A deactivated or
   * unknown person gets an empty list.
   *
   * @example
   * const lists = await dueService.dueOfEach(workspaceId, personIds, clock.now());
   */
  async dueOfEach(
    workspaceId: string,
    personIds: readonly string[],
    at: Instant,
  ): Promise<Map<string, DueGoal[]>> {
    const repos = repositories(this.deps.db.kysely, this.deps.db.dialect);
    const workspace = await repos.workspaces.find(workspaceId);
    const out = new Map<string, DueGoal[]>(personIds.map((id) => [id, []]));
    if (!workspace) return out;
    const ids = [...new Set(personIds)];
    for (let i = 0; i < ids.length; i += PEOPLE_PER_READ) {
      const people = (await repos.people.findMany(workspaceId, ids.slice(i, i + PEOPLE_PER_READ))).filter(
        (p) => p.isActive,
      );
      if (people.length === 0) continue;
      const scopes = await loadScopes(repos, workspaceId, people);
      const first = people[0]!;
      const session: Session = {
        repos,
        actor: { workspaceId, personId: first.id, actorType: 'person', source: 'web' },
        scope: scopes.get(first.id)!,
        settings: readSettings(workspace.settings, workspaceId, this.deps.logger),
        at,
        deps: this.deps,
        notices: undefined,
      };
      const [list] = await this.#dueOf(session, people, [at], {
        statuses: false,
        scopeOf: (personId) => scopes.get(personId)!,
      });
      for (const [personId, items] of list!) out.set(personId, items);
    }
    return out;
  }

  /**
   * The due lists of many people as of several instants, with statuses, read once for several
   * viewers (the leads whose digests a batch sends): the goals and check-ins of all of them are
   * read and evaluated once, and `view` narrows a list to what one viewer may see. A deactivated
   * or unknown person gets an empty list.
   *
   * @example
   * const due = await dueService.dueForViewers(workspaceId, memberIds, [now, lastWeek]);
   * const leadsView = due.view(leadScope, due.lists[0]!.get(memberId) ?? []);
   */
  async dueForViewers(
    workspaceId: string,
    personIds: readonly string[],
    ats: readonly Instant[],
  ): Promise<SharedDue> {
    const repos = repositories(this.deps.db.kysely, this.deps.db.dialect);
    const workspace = await repos.workspaces.find(workspaceId);
    const lists = ats.map(() => new Map<string, DueGoal[]>());
    const subjects = new Map<string, { goal: GoalSubject; named?: GoalSubject }>();
    const view: SharedDue['view'] = (scope, items) =>
      items.flatMap((item) => {
        const subject = subjects.get(item.id);
        if (!subject || !isVisible(scope, subject.goal)) return [];
        if (subject.named && !isVisible(scope, subject.named))
          return [{ ...item, objectiveTitle: null, keyResultTitle: null }];
        return [item];
      });
    if (!workspace) return { lists, view };
    const session: Session = {
      repos,
      actor: { workspaceId, personId: '', actorType: 'person', source: 'web' },
      scope: seesAll(workspaceId),
      settings: readSettings(workspace.settings, workspaceId, this.deps.logger),
      at: this.deps.clock.now(),
      deps: this.deps,
      notices: undefined,
    };
    const ids = [...new Set(personIds)];
    for (let i = 0; i < ids.length; i += PEOPLE_PER_READ) {
      const people = await repos.people.findMany(workspaceId, ids.slice(i, i + PEOPLE_PER_READ));
      const found = await this.#dueOf(session, people, ats, { subjects });
      found.forEach((list, k) => {
        for (const [personId, items] of list) lists[k]!.set(personId, items);
      });
    }
    return { lists, view };
  }

  /** The due lists of some people as of each instant (a map per instant; everyone has an entry). */
  async #dueOf(
    session: Session,
    people: readonly PersonRow[],
    ats: readonly Instant[],
    options: DueOptions = {},
  ): Promise<Map<string, DueGoal[]>[]> {
    const ws = session.actor.workspaceId;
    const scopeOf = options.scopeOf ?? (() => session.scope);
    // A deactivated person is due nothing: their goals wait for a new owner.
    const owners = people.filter((p) => p.isActive !== false).map((p) => p.id);
    const cycles =
      owners.length === 0 ? [] : (await session.repos.cycles.list(ws)).filter((c) => c.state !== 'closed');
    const cycleById = new Map(cycles.map((c) => [c.id, c]));
    const repo = new ComplianceRepository(session.repos.units.db);
    const cycleIds = cycles.map((c) => c.id);
    const [krRows, goalRows] = await Promise.all([
      repo.ownedKeyResults(ws, owners, cycleIds),
      repo.ownedSmartGoals(ws, owners, cycleIds),
    ]);
    const objectives = new Map(
      (await session.repos.objectives.findMany(ws, [...new Set(krRows.map((k) => k.objectiveId))])).map(
        (o) => [o.id, o],
      ),
    );
    const { timeZone, defaultCadence } = session.settings;
    const krs = krRows.filter((kr) => {
      const objective = objectives.get(kr.objectiveId);
      return (
        objective?.state === 'active' &&
        kr.progressSource === 'metric' &&
        kr.measure !== null &&
        isVisible(scopeOf(kr.ownerId!), keyResultSubject(kr, objective))
      );
    });
    const goals = goalRows.filter(
      (g) => g.state === 'open' && g.measure !== null && isVisible(scopeOf(g.ownerId!), smartGoalSubject(g)),
    );
    const windowOf = (goal: KeyResultRow | SmartGoalRow): Window =>
      'objectiveId' in goal
        ? windowOfCycle(cycleById.get(objectives.get(goal.objectiveId)!.cycleId)!, timeZone)
        : dateWindow(goal.startDate, goal.dueDate, timeZone);
    const rows = groupCheckins(
      await session.repos.checkIns.historyOfGoals([...krs, ...goals].map((g) => g.id)),
    );
    // Each goal's check-ins with corrections applied, once for every instant and the statuses.
    const effective = new Map(
      [...krs, ...goals].map((g) => [g.id, effectiveCheckins(rows.get(g.id) ?? [], readMeasure(g.measure))]),
    );
    // Goals of one cycle share a window and mostly a cadence: their periods are worked out once.
    const periodsOf = new Map<string, readonly Window[]>();
    const schedules = [...krs, ...goals].map((goal) => {
      const window = windowOf(goal);
      const cadence = goal.cadence ?? defaultCadence;
      const cacheKey = `${window.start}:${window.end}:${cadence}`;
      let periods = periodsOf.get(cacheKey);
      if (!periods) {
        periods = cadencePeriods(window, cadence, timeZone);
        periodsOf.set(cacheKey, periods);
      }
      const checkinTimes = (rows.get(goal.id) ?? []).map((r) => r.at).sort((a, b) => a - b);
      return { goal, periods, scheduledGoal: { key: goal.id, window, cadence, checkinTimes } };
    });
    // A due goal's status is its own evaluation: a metric KR's and a SMART goal's depend on their own
    // check-ins and their objective's kind, window and state alone (never on siblings or children),
    // so core evaluates those nodes directly at each instant from the check-ins read above.
    const nodes =
      options.statuses === false
        ? undefined
        : this.#ownNodes(session, krs, goals, objectives, cycleById, effective);
    const evaluation = nodes && evaluationSettings(session.settings);
    // A SMART goal's titles name the goals it supports: the same at every instant.
    const parents = new Map<string, AlignmentRow[]>();
    for (const link of await session.repos.alignments.parentsOf(goals.map((g) => g.id)))
      parents.set(link.childId, [...(parents.get(link.childId) ?? []), link]);
    const parentTitles = await this.#parentTitles(session, goals, parents, scopeOf, options.subjects);
    const lists: Map<string, DueGoal[]>[] = [];
    for (const at of ats) {
      const scheduled = schedules.flatMap(({ goal, periods, scheduledGoal }) => {
        const due = dueCheckin(scheduledGoal, at, timeZone, periods);
        return due ? [{ goal, due, missed: missedPeriods(scheduledGoal, at, timeZone, periods) }] : [];
      });
      const statuses =
        nodes &&
        this.#statusesAt(
          nodes,
          scheduled.map(({ goal }) => goal.id),
          at,
          evaluation!,
        );
      const byPerson = new Map<string, DueGoal[]>(people.map((p) => [p.id, []]));
      for (const { goal, due, missed } of scheduled) {
        const measure = readMeasure(goal.measure);
        const last = effective.get(goal.id)!.at(-1);
        const isKr = 'objectiveId' in goal;
        const titles = isKr
          ? {
              // A KR its owner may see under an objective they may not: the objective is not named.
              objectiveTitle: isVisible(
                scopeOf(goal.ownerId!),
                objectiveSubject(objectives.get(goal.objectiveId)!),
              )
                ? objectives.get(goal.objectiveId)!.title
                : null,
              keyResultTitle: null,
            }
          : (parentTitles.get(goal.id) ?? { objectiveTitle: null, keyResultTitle: null });
        if (options.subjects && isKr) {
          const objective = objectives.get(goal.objectiveId)!;
          options.subjects.set(goal.id, {
            goal: keyResultSubject(goal, objective),
            named: objectiveSubject(objective),
          });
        } else if (options.subjects && !options.subjects.has(goal.id))
          options.subjects.set(goal.id, { goal: smartGoalSubject(goal as SmartGoalRow) });
        byPerson.get(goal.ownerId!)?.push({
          type: isKr ? 'key_result' : 'smart_goal',
          id: goal.id,
          cycleId: isKr ? objectives.get(goal.objectiveId)!.cycleId : (goal as SmartGoalRow).cycleId,
          title: goal.title,
          ...titles,
          measure: measure ?? null,
          lastValue: last && measure?.type !== 'milestones' ? last.value : null,
          lastDone: last?.done ? [...last.done] : null,
          lastConfidence: last?.confidence ?? null,
          lastNote: last?.note ?? null,
          lastCheckinAt: last?.at ?? null,
          status: statuses?.get(goal.id) ?? null,
          period: { start: due.period.start, end: due.period.end },
          isDone: !due.isDue,
          missedPeriods: missed,
        });
      }
      for (const items of byPerson.values())
        items.sort(
          (a, b) =>
            Number(a.isDone) - Number(b.isDone) ||
            (a.objectiveTitle ?? '').localeCompare(b.objectiveTitle ?? '') ||
            a.title.localeCompare(b.title),
        );
      lists.push(byPerson);
    }
    return lists;
  }

  /** Core nodes of the goals a due list may show: each metric KR under its objective (alone), each SMART goal. */
  #ownNodes(
    session: Session,
    krs: readonly KeyResultRow[],
    goals: readonly SmartGoalRow[],
    objectives: ReadonlyMap<string, ObjectiveRow>,
    cycles: ReadonlyMap<string, CycleRow>,
    checkins: ReadonlyMap<string, readonly Checkin[]>,
  ): Map<string, { objective?: ObjectiveNode; node: KeyResultNode | SmartGoalNode }> {
    const out = new Map<string, { objective?: ObjectiveNode; node: KeyResultNode | SmartGoalNode }>();
    for (const [objectiveId, owned] of groupBy(krs, (kr) => kr.objectiveId)) {
      const row = objectives.get(objectiveId)!;
      const objective = objectiveNode(row, cycles.get(row.cycleId)!, owned, checkins, [], session.settings);
      for (const node of objective.keyResults) out.set(node.key, { objective, node });
    }
    for (const goal of goals) {
      out.set(goal.id, {
        node: smartGoalNode(
          goal,
          cycles.get(goal.cycleId)!.name,
          checkins.get(goal.id)!,
          [],
          session.settings,
        ),
      });
    }
    return out;
  }

  /** The statuses of some of those goals as of `at`, by core. */
  #statusesAt(
    nodes: ReadonlyMap<string, { objective?: ObjectiveNode; node: KeyResultNode | SmartGoalNode }>,
    ids: readonly string[],
    at: Instant,
    settings: ReturnType<typeof evaluationSettings>,
  ): Map<string, Status | null> {
    const objectives = new Map<ObjectiveNode, KeyResultNode[]>();
    const smartGoals: SmartGoalNode[] = [];
    for (const id of ids) {
      const found = nodes.get(id);
      if (!found) continue;
      if (found.objective) {
        const list = objectives.get(found.objective);
        if (list) list.push(found.node as KeyResultNode);
        else objectives.set(found.objective, [found.node as KeyResultNode]);
      } else smartGoals.push(found.node as SmartGoalNode);
    }
    const org: Organisation = {
      timeZone: settings.timeZone,
      cycles: [],
      units: [],
      objectives: [...objectives].map(([objective, keyResults]) => ({ ...objective, keyResults })),
      smartGoals,
    };
    const out = new Map<string, Status | null>();
    for (const e of evaluateOrganisationWith(org, new Evaluator(at, settings))) out.set(e.key, e.status);
    return out;
  }

  /** The objective (and KR) each SMART goal supports first, by title. */
  async #parentTitles(
    session: Session,
    goals: readonly SmartGoalRow[],
    parents: Map<string, { parentType: 'objective' | 'key_result'; parentId: string }[]>,
    scopeOf: (personId: string) => ActorScope,
    subjects?: DueOptions['subjects'],
  ): Promise<Map<string, { objectiveTitle: string | null; keyResultTitle: string | null }>> {
    const ws = session.actor.workspaceId;
    const firstParent = new Map(
      goals.flatMap((g) => (parents.get(g.id)?.[0] ? [[g.id, parents.get(g.id)![0]!]] : [])),
    );
    const krIds = [...firstParent.values()]
      .filter((p) => p.parentType === 'key_result')
      .map((p) => p.parentId);
    const krs = new Map((await session.repos.keyResults.findMany(ws, krIds)).map((k) => [k.id, k]));
    const objectiveIds = [
      ...[...firstParent.values()].filter((p) => p.parentType === 'objective').map((p) => p.parentId),
      ...[...krs.values()].map((k) => k.objectiveId),
    ];
    const objectives = new Map(
      (await session.repos.objectives.findMany(ws, objectiveIds)).map((o) => [o.id, o]),
    );
    const out = new Map<string, { objectiveTitle: string | null; keyResultTitle: string | null }>();
    const goalById = new Map(goals.map((g) => [g.id, g]));
    for (const [goalId, parent] of firstParent) {
      const kr = parent.parentType === 'key_result' ? krs.get(parent.parentId) : undefined;
      const objective = objectives.get(kr ? kr.objectiveId : parent.parentId);
      const isSeen = (o: typeof objective) =>
        o !== undefined && isVisible(scopeOf(goalById.get(goalId)!.ownerId!), objectiveSubject(o));
      if (subjects && objective) {
        subjects.set(goalId, {
          goal: smartGoalSubject(goalById.get(goalId)!),
          named: objectiveSubject(objective),
        });
      }
      out.set(goalId, {
        objectiveTitle: isSeen(objective) ? objective!.title : null,
        keyResultTitle: kr && isSeen(objective) ? kr.title : null,
      });
    }
    return out;
  }
}
