import { quarterAt, quarterContaining } from '../../core/cycle';
import { addDays, formatDate, parseMoment } from '../../core/time';
import type { Db } from '../db/database';
import { type Actor, createServices, FixedClock, serviceDeps } from '../services/index';
import type { OnProgress } from './large';
import { Random } from './random';
import {
  LESSONS,
  type MeasureInput,
  NAMES,
  NOTES,
  type ObjectivePlan,
  type Pace,
  PLAN,
  TEAMS,
} from './small-plan';

const DAY = 86_400_000;
type Services = ReturnType<typeof createServices>;

/** A goal that gets check-ins, and how they go. */
interface Measured {
  type: 'key_result' | 'smart_goal';
  id: string;
  owner: Actor;
  measure: MeasureInput;
  pace: Pace;
  /** How far along the plan it moves: share of the window elapsed times this. */
  factor: number;
  from: number;
  until: number;
}

const FACTOR: Record<Pace, number> = { ahead: 1.25, on_track: 0.95, behind: 0.45, stale: 0.8 };
const CONFIDENCE: Record<Pace, [number, number]> = {
  ahead: [8, 9],
  on_track: [6, 8],
  behind: [3, 5],
  stale: [6, 7],
};

const emailOf = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@northwind.test`;

/**
 * A realistic small organisation made through the services (so every rule, event and rollup
 * applies): Northwind, a company with four departments and five teams, 29 people with managers,
 * and a real cascade in two quarters: company objectives, department objectives aligned to
 * company KRs, team objectives aligned to department KRs (some across units), SMART goals under
 * team KRs (some private). The last quarter is closed, with root-cause notes only where a goal
 * missed; the current one has weekly check-ins with the gaps real teams leave: some goals ahead,
 * some behind, two gone quiet (stale).
 */
export async function generateSmallOrganisation(
  db: Db,
  options: { at: number; onProgress?: OnProgress },
): Promise<{ workspaceId: string; adminId: string }> {
  const progress = options.onProgress ?? (() => {});
  const random = new Random(7);
  const current = quarterAt(options.at, 1, 'UTC');
  const dayBefore = new Date(parseMoment(current.startDate, 'UTC')! - DAY);
  const previous = quarterContaining(dayBefore.getUTCFullYear(), dayBefore.getUTCMonth() + 1, 1);
  const clock = new FixedClock(parseMoment(previous.startDate, 'UTC')! - 7 * DAY);
  const s = createServices(serviceDeps(db, clock));
  const { workspace, adminId } = await s.workspaces.create({
    name: 'Northwind',
    admin: { email: 'maria@northwind.test', name: 'Maria Lopez' },
  });
  const admin: Actor = { workspaceId: workspace.id, personId: adminId, actorType: 'person', source: 'cli' };
  const { units, people } = await organisation(s, admin);
  progress('people', 1, 3);

  const prev = await s.cycles.create(admin, { name: previous.name, state: 'active' });
  const next = await s.cycles.create(admin, { name: current.name });
  const prevStart = parseMoment(previous.startDate, 'UTC')!;
  const prevEnd = parseMoment(previous.endDate, 'UTC')! + DAY;
  const prevGoals = await cascade(s, admin, units, people, random, {
    cycleId: prev.id,
    start: prevStart,
    end: prevEnd,
    isPrevious: true,
  });
  await checkIns(s, clock, random, prevGoals.measured, prevStart, prevEnd, Infinity);
  progress('closed quarter', 2, 3);
  clock.set(parseMoment(current.startDate, 'UTC')! + DAY);
  await closeOut(s, admin, prev.id, prevGoals);
  await s.cycles.activate(admin, next.id);
  const start = parseMoment(current.startDate, 'UTC')!;
  const nowGoals = await cascade(s, admin, units, people, random, {
    cycleId: next.id,
    start,
    end: parseMoment(current.endDate, 'UTC')! + DAY,
    isPrevious: false,
  });
  await checkIns(s, clock, random, nowGoals.measured, start, options.at, options.at - 18 * DAY);
  clock.set(options.at);
  progress('current quarter', 3, 3);
  return { workspaceId: workspace.id, adminId };
}

/** Units, people (the first of each unit leads it; everyone has a manager) and memberships. */
async function organisation(
  s: Services,
  admin: Actor,
): Promise<{ units: Map<string, string>; people: Map<string, Actor[]> }> {
  const units = new Map<string, string>();
  const people = new Map<string, Actor[]>();
  const company = await s.units.create(admin, { name: 'Northwind' });
  units.set('Northwind', company.id);
  await s.units.setMember(admin, company.id, { personId: admin.personId, isLead: true });
  people.set('Northwind', [admin]);
  let n = 0;
  for (const [department, teams] of Object.entries(TEAMS)) {
    const d = await s.units.create(admin, { name: department, parentId: company.id });
    units.set(department, d.id);
    for (const team of teams)
      units.set(team, (await s.units.create(admin, { name: team, parentId: d.id })).id);
    for (const unit of [department, ...teams]) {
      const members: Actor[] = [];
      const above = people.get(unit === department ? 'Northwind' : department)![0]!;
      for (let i = 0; i < (unit === department ? 1 : 4); i++) {
        const name = NAMES[n++ % NAMES.length]!;
        const person = await s.people.add(admin, {
          email: emailOf(name),
          name,
          managerId: i === 0 ? above.personId : members[0]!.personId,
        });
        const actor: Actor = { ...admin, personId: person.id };
        await s.units.setMember(admin, units.get(unit)!, { personId: person.id, isLead: i === 0 });
        members.push(actor);
      }
      people.set(unit, members);
    }
  }
  return { units, people };
}

/** The goals of one cycle: the plan's cascade, parents first, with its links. */
async function cascade(
  s: Services,
  admin: Actor,
  units: Map<string, string>,
  people: Map<string, Actor[]>,
  random: Random,
  cycle: { cycleId: string; start: number; end: number; isPrevious: boolean },
): Promise<{
  measured: Measured[];
  objectives: { id: string; plan: ObjectivePlan }[];
  smartGoals: string[];
}> {
  const ids = new Map<string, { type: 'objective' | 'key_result'; id: string }>();
  const measured: Measured[] = [];
  const objectives: { id: string; plan: ObjectivePlan }[] = [];
  const smartGoals: string[] = [];
  // Last quarter went better for some and worse for others than this one does.
  const paceOf = (pace: Pace): Pace =>
    cycle.isPrevious ? (pace === 'stale' ? 'on_track' : random.chance(0.3) ? 'behind' : 'on_track') : pace;
  for (const plan of PLAN) {
    const members = people.get(plan.unit)!;
    const lead = members[0]!;
    const o = await s.objectives.create(admin, {
      cycleId: cycle.cycleId,
      title: plan.title,
      unitId: units.get(plan.unit),
      leadId: lead.personId,
      kind: plan.kind ?? 'aspirational',
    });
    ids.set(plan.key, { type: 'objective', id: o.id });
    objectives.push({ id: o.id, plan });
    for (const link of plan.alignsTo) {
      const parent = ids.get(link.key)!;
      await s.alignments.align(admin, {
        childType: 'objective',
        childId: o.id,
        parentType: parent.type,
        parentId: parent.id,
        weight: link.weight ?? 1,
      });
    }
    for (const [k, kr] of plan.krs.entries()) {
      const owner = members[(k + 1) % members.length]!;
      const row = await s.keyResults.create(admin, {
        objectiveId: o.id,
        title: kr.title,
        ownerId: owner.personId,
        ...(kr.measure ? { measure: kr.measure } : { progressSource: 'aligned' as const }),
      });
      ids.set(kr.key, { type: 'key_result', id: row.id });
      const pace = paceOf(kr.pace);
      if (kr.measure)
        measured.push({
          type: 'key_result',
          id: row.id,
          owner,
          measure: kr.measure,
          pace,
          factor: FACTOR[pace] * (0.9 + random.next() * 0.2),
          from: cycle.start,
          until: cycle.end,
        });
    }
    for (const [g, goal] of plan.smart.entries()) {
      const owner = members[(g + 2) % members.length]!;
      const start = addDays(cycle.start, random.int(0, 6), 'UTC');
      const due = Math.min(addDays(start, goal.weeks * 7, 'UTC'), cycle.end - DAY);
      const row = await s.smartGoals.create(owner, {
        cycleId: cycle.cycleId,
        title: goal.title,
        definitionOfDone: goal.definitionOfDone,
        measure: goal.measure,
        startDate: formatDate(start, 'UTC'),
        dueDate: formatDate(due, 'UTC'),
        visibility: goal.visibility ?? 'workspace',
        supports: [{ type: 'key_result', id: ids.get(goal.supports)!.id }],
      });
      smartGoals.push(row.id);
      const pace = paceOf(goal.pace);
      measured.push({
        type: 'smart_goal',
        id: row.id,
        owner,
        measure: goal.measure,
        pace,
        factor: FACTOR[pace] * 1.1,
        from: start,
        until: due + DAY,
      });
    }
  }
  return { measured, objectives, smartGoals };
}

/** Weekly check-ins (Tuesdays' mornings, give or take), with skipped weeks and goals gone quiet. */
async function checkIns(
  s: Services,
  clock: FixedClock,
  random: Random,
  goals: readonly Measured[],
  from: number,
  until: number,
  quietFrom: number,
): Promise<void> {
  for (let t = from + 4 * DAY + 10 * 3_600_000; t <= until; t += 7 * DAY) {
    clock.set(t);
    for (const g of goals) {
      if (t < g.from || t >= g.until) continue;
      if (g.pace === 'stale' && t > quietFrom) continue;
      if (random.chance(0.08)) continue;
      const share = Math.min(1.15, ((t - g.from) / (g.until - g.from)) * g.factor);
      const [low, high] = CONFIDENCE[g.pace];
      await s.checkIns.checkIn(g.owner, {
        goalType: g.type,
        goalId: g.id,
        ...reading(g, share, random),
        confidence: random.int(low, high),
        ...(random.chance(0.4) ? { note: random.pick(NOTES[g.pace]) } : {}),
      });
    }
  }
}

function reading(g: Measured, share: number, random: Random): { value?: number; done?: string[] | boolean } {
  const m = g.measure;
  const meets = random.chance(g.pace === 'behind' ? 0.5 : 0.9);
  switch (m.type) {
    case 'increase':
    case 'decrease': {
      const start = m.start as number;
      const target = m.target as number;
      const noise = (random.next() - 0.5) * 0.04 * Math.abs(target - start);
      return { value: Math.round((start + share * (target - start) + noise) * 100) / 100 };
    }
    case 'milestones': {
      const names = m.milestones as string[];
      return {
        done: names.slice(0, Math.max(0, Math.min(names.length, Math.floor(share * names.length + 0.2)))),
      };
    }
    case 'boolean':
      return { done: share >= 0.95 };
    case 'at_least':
      return {
        value: meets ? (m.threshold as number) + random.int(0, 1) + 0.4 : (m.threshold as number) - 1.5,
      };
    case 'at_most':
      return {
        value: meets ? Math.max(0, (m.threshold as number) - random.int(1, 3)) : (m.threshold as number) + 2,
      };
    default:
      return { value: meets ? 92 + random.int(0, 6) : 86 };
  }
}

/**
 * Closes the last quarter: root-cause notes (and tags) only for goals that missed (committed KRs
 * and SMART goals below 1.0, aspirational KRs below 0.7), a decision and a lesson per objective.
 */
async function closeOut(
  s: Services,
  admin: Actor,
  cycleId: string,
  goals: Awaited<ReturnType<typeof cascade>>,
): Promise<void> {
  const notes: { goalId: string; rootCauseNote: string; rootCauseTag?: 'execution' | 'too_ambitious' }[] = [];
  for (const { id } of goals.objectives) {
    const objective = await s.reads.getObjective(admin, id);
    const level = objective.kind === 'committed' ? 1 : 0.7;
    for (const kr of objective.keyResults) {
      const score = kr.evaluation.score ?? 0;
      if (score < level - 1e-9)
        notes.push({
          goalId: kr.id,
          rootCauseNote:
            kr.progressSource === 'aligned'
              ? 'The objectives below it started late; alignment was agreed in week three.'
              : 'We started late: the first weeks went to agreeing the baseline.',
          rootCauseTag: score < 0.4 ? 'too_ambitious' : 'execution',
        });
    }
  }
  for (const id of goals.smartGoals) {
    const goal = await s.reads.getSmartGoal(admin, id);
    if ((goal.evaluation.score ?? 0) < 1 - 1e-9)
      notes.push({ goalId: id, rootCauseNote: 'Other work took priority in the last month; carried over.' });
  }
  await s.closeOuts.close(admin, cycleId, {
    notes,
    decisions: goals.objectives.map(({ id }, i) => ({
      objectiveId: id,
      decision: i === goals.objectives.length - 1 ? ('drop' as const) : ('modify' as const),
      learned: LESSONS[i % LESSONS.length]!,
    })),
  });
}
