import { evaluateOrganisation } from '../../core/evaluate';
import type { Checkin, Link, Organisation } from '../../core/model';
import { formatDate, type Window } from '../../core/time';
import { bulkInsert } from '../db/bulk';
import type { Db } from '../db/database';
import type {
  AlignmentsTable,
  CheckInsTable,
  CloseOutsTable,
  CyclesTable,
  KeyResultsTable,
  ObjectivesTable,
  SmartGoalsTable,
} from '../db/schema';
import {
  effectiveCheckins,
  objectiveNode,
  readMeasure,
  smartGoalNode,
  storedFacts,
  windowOfCycle,
} from '../services/evaluation';
import { evaluationSettings, type WorkspaceSettings } from '../services/workspace-settings';
import type { OrgSize, OrgStructure } from './large';
import type { Random } from './random';
import { LESSONS, METRICS, OBJECTIVES, SMART_TASKS } from './words';

const DAY = 86_400_000;
const MILESTONES = ['Plan', 'Build', 'Review', 'Ship'];

/** Weekly check-in moments from `start` (plus a few days) up to `end`, never after `until`. */
function weeklyMoments(start: number, end: number, until: number, random: Random): number[] {
  const out: number[] = [];
  for (
    let t = start + random.int(3, 6) * DAY + random.int(8, 17) * 3_600_000;
    t < end && t <= until;
    t += 7 * DAY
  )
    out.push(t);
  return out;
}

/** Generates one cycle's goals, check-ins, links and rollups, and bulk-inserts them. */
export async function generateCycle(
  db: Db,
  org: OrgStructure,
  cycle: CyclesTable,
  options: { size: OrgSize; at: number; random: Random; settings: WorkspaceSettings },
): Promise<Record<string, number>> {
  const { size, random, settings } = options;
  const ws = org.workspaceId;
  const window = windowOfCycle(cycle, settings.timeZone);
  const isClosed = cycle.state === 'closed';
  const evalAt = isClosed ? window.end : Math.min(options.at, window.end);
  const units = org.units;
  const isUpper = (unitIndex: number) =>
    units[unitIndex]!.parentId === null || units[unitIndex]!.parentId === units[0]!.id;
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));

  const objectives: ObjectivesTable[] = [];
  const keyResults: KeyResultsTable[] = [];
  const krsByObjective = new Map<string, KeyResultsTable[]>();
  const checkIns: CheckInsTable[] = [];
  const links: AlignmentsTable[] = [];
  const checkinsByGoal = new Map<string, Checkin[]>();
  const base = {
    workspaceId: ws,
    version: 1,
    createdAt: window.start,
    updatedAt: window.start,
    progress: null,
    score: null,
    latestCheckinAt: null,
    frozenScore: null,
    frozenGrade: null,
  };

  const addCheckins = (
    goalType: 'key_result' | 'smart_goal',
    goalId: string,
    authorId: string,
    moments: number[],
    valueAt: (share: number) => { value: number; done: string | null },
  ) => {
    const list: CheckInsTable[] = [];
    moments.forEach((at, i) => {
      const share = (at - moments[0]! + 7 * DAY) / (moments.length * 7 * DAY);
      const { value, done } = valueAt(share);
      list.push({
        id: `${goalId}-${i + 1}`,
        workspaceId: ws,
        goalType,
        goalId,
        seq: i + 1,
        at,
        value,
        done,
        confidence: random.int(3, 9),
        note: null,
        authorId,
        source: random.pick(['web', 'web', 'cli', 'api'] as const),
        correctsId: null,
        createdAt: at,
      });
    });
    checkIns.push(...list);
    return list;
  };

  for (let j = 0; j < size.objectives; j++) {
    const ui = j % units.length;
    const unit = units[ui]!;
    const lead = org.leadOf.get(unit.id) ?? org.people[0]!.id;
    const id = `${cycle.id}-o${j}`;
    objectives.push({
      ...base,
      id,
      cycleId: cycle.id,
      title: OBJECTIVES[j % OBJECTIVES.length]!,
      description: null,
      kind: random.chance(0.2) ? 'committed' : 'aspirational',
      unitId: unit.id,
      ownerId: null,
      leadId: lead,
      visibility: random.chance(0.03) ? 'unit' : 'workspace',
      state: isClosed ? 'closed' : 'active',
      predecessorId: null,
    });
    if (unit.parentId !== null && j < units.length) {
      const parentFirst = `${cycle.id}-o${unitIndex.get(unit.parentId)}-k0`;
      links.push({
        id: `${id}-up`,
        workspaceId: ws,
        childType: 'objective',
        childId: id,
        parentType: 'key_result',
        parentId: parentFirst,
        weight: 1,
        createdAt: window.start,
      });
    }
    const count =
      Math.floor(size.keyResults / size.objectives) + (j < size.keyResults % size.objectives ? 1 : 0);
    const list: KeyResultsTable[] = [];
    for (let k = 0; k < count; k++) {
      const krId = `${id}-k${k}`;
      const isAligned = k === 0 && j < units.length && isUpper(ui);
      const metric = METRICS[(j + k) % METRICS.length]!;
      const scale = random.int(1, 4);
      const isMaintain = !isAligned && random.chance(0.08);
      const measure = isAligned
        ? null
        : isMaintain
          ? {
              type: metric.target > metric.start ? 'at_least' : 'at_most',
              threshold: metric.target * scale,
              unit: metric.unit,
            }
          : {
              type: metric.target > metric.start ? 'increase' : 'decrease',
              start: metric.start * scale,
              target: metric.target * scale,
              unit: metric.unit,
            };
      const ownerPool = org.peopleByUnit.get(unit.id) ?? [lead];
      const ownerId = ownerPool[k % ownerPool.length]!;
      const kr: KeyResultsTable = {
        ...base,
        id: krId,
        objectiveId: id,
        title: isAligned
          ? 'Team objectives below land'
          : `${metric.target > metric.start ? 'Increase' : 'Reduce'} ${metric.name} from ${metric.start * scale} to ${metric.target * scale} ${metric.unit}`,
        measure: measure ? JSON.stringify(measure) : null,
        weight: 1,
        ownerId,
        plan: '[]',
        cadence: null,
        progressSource: isAligned ? 'aligned' : 'metric',
        isLeading: k === count - 1 ? 1 : 0,
        position: k,
        latestValue: null,
        checkinCount: 0,
        facts: null,
      };
      list.push(kr);
      if (measure) {
        const velocity = 0.2 + random.next() * 1.1;
        const goesQuiet = random.chance(0.08) ? evalAt - 21 * DAY : evalAt;
        const start = metric.start * scale;
        const target = metric.target * scale;
        const rows = addCheckins(
          'key_result',
          krId,
          ownerId,
          weeklyMoments(window.start, window.end, goesQuiet, random),
          (share) => {
            const p = isMaintain
              ? 0.9 + random.next() * 0.2
              : velocity * share + (random.next() - 0.5) * 0.08;
            return {
              value: Math.round((isMaintain ? target * p : start + p * (target - start)) * 10) / 10,
              done: null,
            };
          },
        );
        kr.checkinCount = rows.length;
      }
    }
    keyResults.push(...list);
    krsByObjective.set(id, list);
  }

  const smartGoals: SmartGoalsTable[] = [];
  for (let g = 0; g < size.smartGoals; g++) {
    const person = org.people[g % org.people.length]!;
    const ui = (g % org.people.length) % units.length;
    const unit = units[ui]!;
    const id = `${cycle.id}-g${g}`;
    const startAt = window.start + random.int(0, 21) * DAY;
    const dueAt = Math.min(startAt + random.int(35, 70) * DAY, window.end - DAY);
    const isMilestones = random.chance(0.3);
    const target = random.int(5, 20);
    const measure = isMilestones
      ? { type: 'milestones', milestones: MILESTONES }
      : { type: 'increase', start: 0, target, unit: 'items' };
    const goal: SmartGoalsTable = {
      ...base,
      id,
      cycleId: cycle.id,
      title: SMART_TASKS[g % SMART_TASKS.length]!,
      definitionOfDone: 'Done when it is live and announced',
      ownerId: person.id,
      unitId: unit.id,
      measure: JSON.stringify(measure),
      startDate: formatDate(startAt, 'UTC'),
      dueDate: formatDate(dueAt, 'UTC'),
      achievability: null,
      visibility: random.chance(0.04) ? 'private' : random.chance(0.05) ? 'unit' : 'workspace',
      state: 'open',
      cadence: null,
      latestValue: null,
      checkinCount: 0,
      facts: null,
    };
    smartGoals.push(goal);
    const parentObjective = ui < size.objectives ? `${cycle.id}-o${ui}` : undefined;
    const parentKrs = parentObjective ? (krsByObjective.get(parentObjective) ?? []) : [];
    const parentKr = parentKrs[parentKrs.length > 1 ? 1 + (g % (parentKrs.length - 1)) : 0];
    if (parentKr)
      links.push({
        id: `${id}-up`,
        workspaceId: ws,
        childType: 'smart_goal',
        childId: id,
        parentType: 'key_result',
        parentId: parentKr.id,
        weight: 1,
        createdAt: startAt,
      });
    const velocity = 0.3 + random.next() * 1.0;
    const rows = addCheckins(
      'smart_goal',
      id,
      person.id,
      weeklyMoments(startAt, dueAt + DAY, random.chance(0.1) ? evalAt - 21 * DAY : evalAt, random),
      (share) => {
        const p = Math.min(1, Math.max(0, velocity * share));
        if (isMilestones) {
          const done = MILESTONES.slice(0, Math.floor(p * MILESTONES.length + 1e-9));
          return { value: done.length / MILESTONES.length, done: JSON.stringify(done) };
        }
        return { value: Math.round(p * target), done: null };
      },
    );
    goal.checkinCount = rows.length;
  }

  for (const row of checkIns) {
    const list = checkinsByGoal.get(row.goalId);
    const [checkin] = effectiveCheckins([{ ...row }], undefined);
    if (list) list.push(checkin!);
    else checkinsByGoal.set(row.goalId, [checkin!]);
  }
  const parentsOf = new Map<string, Link[]>();
  for (const l of links)
    parentsOf.set(l.childId, [...(parentsOf.get(l.childId) ?? []), { key: l.parentId, weight: l.weight }]);
  const cycleRow = { ...cycle };
  const organisation: Organisation = {
    timeZone: settings.timeZone,
    cycles: [],
    units: [],
    objectives: objectives.map((o) =>
      objectiveNode(
        o,
        cycleRow,
        krsByObjective.get(o.id) ?? [],
        checkinsByGoal,
        parentsOf.get(o.id) ?? [],
        settings,
      ),
    ),
    smartGoals: smartGoals.map((g) =>
      smartGoalNode(g, cycle.name, checkinsByGoal.get(g.id) ?? [], parentsOf.get(g.id) ?? [], settings),
    ),
  };
  const evaluations = new Map(
    evaluateOrganisation(organisation, evalAt, evaluationSettings(settings)).map((e) => [e.key, e]),
  );
  const fill = (row: KeyResultsTable | SmartGoalsTable | ObjectivesTable) => {
    const e = evaluations.get(row.id);
    row.progress = e?.progress ?? null;
    row.score = e?.score ?? null;
    if ('latestValue' in row) row.latestValue = e?.latestValue ?? null;
    if (e?.lastCheckinAt != null) row.latestCheckinAt = e.lastCheckinAt;
    if (isClosed) {
      row.frozenScore = row.score;
      row.frozenGrade = e?.grade ?? null;
    }
  };
  smartGoals.forEach(fill);
  keyResults.forEach(fill);
  // The facts a read evaluates from in place of the history (as the rollups store them).
  // From the rows as a read sees them (milestone values from the names done, by the measure).
  const rowsOfGoal = new Map<string, CheckInsTable[]>();
  for (const row of checkIns) {
    const list = rowsOfGoal.get(row.goalId);
    if (list) list.push(row);
    else rowsOfGoal.set(row.goalId, [row]);
  }
  const factsOf = (row: KeyResultsTable | SmartGoalsTable, window: Window) => {
    const rows = rowsOfGoal.get(row.id) ?? [];
    const measure = readMeasure(row.measure);
    return rows.length === row.checkinCount
      ? storedFacts(row.measure, rows.length, effectiveCheckins(rows, measure), window)
      : null;
  };
  for (const kr of keyResults) kr.facts = factsOf(kr, window);
  organisation.smartGoals.forEach((node, i) => {
    smartGoals[i]!.facts = factsOf(smartGoals[i]!, node.window);
  });
  for (const kr of keyResults.filter((k) => k.progressSource === 'aligned')) {
    const childTimes = links
      .filter((l) => l.parentId === kr.id)
      .map((l) => evaluations.get(l.childId)?.lastCheckinAt ?? null);
    kr.latestCheckinAt = childTimes.reduce<number | null>(
      (m, v) => (v !== null && (m === null || v > m) ? v : m),
      null,
    );
  }
  for (const o of objectives) {
    fill(o);
    o.latestCheckinAt = (krsByObjective.get(o.id) ?? []).reduce<number | null>(
      (m, kr) =>
        kr.latestCheckinAt !== null && (m === null || kr.latestCheckinAt > m) ? kr.latestCheckinAt : m,
      null,
    );
  }

  await bulkInsert(db, 'objectives', objectives);
  await bulkInsert(db, 'keyResults', keyResults);
  await bulkInsert(db, 'smartGoals', smartGoals);
  await bulkInsert(db, 'alignments', links);
  await bulkInsert(db, 'checkIns', checkIns);
  if (isClosed) {
    const closingId = `${cycle.id}-closing`;
    await bulkInsert(db, 'cycleClosings', [
      {
        id: closingId,
        workspaceId: ws,
        cycleId: cycle.id,
        closedAt: cycle.closedAt ?? window.end,
        closedBy: org.people[0]!.id,
        reopenedAt: null,
        reopenedBy: null,
        reopenReason: null,
      },
    ]);
    const closeOuts: CloseOutsTable[] = [...objectives, ...keyResults, ...smartGoals].map((g) => ({
      id: `${g.id}-close`,
      workspaceId: ws,
      closingId,
      goalType:
        'cycleId' in g ? ('ownerId' in g && 'dueDate' in g ? 'smart_goal' : 'objective') : 'key_result',
      goalId: g.id,
      score: g.frozenScore,
      grade: g.frozenGrade,
      rootCauseTag: null,
      rootCauseNote:
        g.frozenScore !== null && g.frozenScore < 1 && 'dueDate' in g ? 'Scope grew mid-quarter' : null,
      decision: 'kind' in g ? random.pick(['continue', 'modify', 'drop'] as const) : null,
      learned: 'kind' in g ? random.pick(LESSONS) : null,
      successorId: null,
    }));
    await bulkInsert(db, 'closeOuts', closeOuts);
  }
  return {
    objectives: objectives.length,
    keyResults: keyResults.length,
    smartGoals: smartGoals.length,
    checkIns: checkIns.length,
    alignments: links.length,
  };
}
