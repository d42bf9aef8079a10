import { addDays, formatDate, parseMoment } from '../../core/time';
import { quarterAt, quarterContaining } from '../../core/cycle';
import type { Db } from '../db/database';
import { type Actor, createServices, FixedClock, serviceDeps } from '../services/index';
import type { OnProgress } from './large';
import { Random } from './random';

const DAY = 86_400_000;
const TEAMS: Record<string, string[]> = {
  Engineering: ['Platform', 'Checkout'],
  Product: ['Onboarding'],
  Sales: ['Mid-market'],
  'Customer Success': ['Support'],
};

interface Plan {
  title: string;
  unit: string;
  kind?: 'committed';
  krs: { title: string; measure: Record<string, unknown>; pace: number; quiet?: boolean }[];
}

const PLANS: Plan[] = [
  {
    title: 'Become the most trusted brand in our market',
    unit: 'Northwind',
    krs: [
      {
        title: 'Increase Net Promoter Score from 38 to 55',
        measure: { type: 'increase', start: 38, target: 55, unit: 'pts' },
        pace: 0.8,
      },
      {
        title: 'Reduce customer churn from 4% to 2.5%',
        measure: { type: 'decrease', start: 4, target: 2.5, unit: '%' },
        pace: 0.5,
      },
    ],
  },
  {
    title: 'Make onboarding effortless for new customers',
    unit: 'Onboarding',
    krs: [
      {
        title: 'Reduce time to first value from 12 to 3 days',
        measure: { type: 'decrease', start: 12, target: 3, unit: 'days' },
        pace: 0.9,
      },
      {
        title: 'Increase activation in week one from 35% to 60%',
        measure: { type: 'increase', start: 35, target: 60, unit: '%' },
        pace: 0.4,
      },
    ],
  },
  {
    title: 'Make every release boring and safe',
    unit: 'Platform',
    kind: 'committed',
    krs: [
      {
        title: 'Keep change failure rate at most 5%',
        measure: { type: 'at_most', threshold: 5, unit: '%' },
        pace: 1,
      },
      {
        title: 'Increase deploys per week from 6 to 20',
        measure: { type: 'increase', start: 6, target: 20, unit: 'deploys' },
        pace: 1.1,
      },
    ],
  },
  {
    title: 'Win the mid-market in our home region',
    unit: 'Mid-market',
    krs: [
      {
        title: 'Grow mid-market ARR from 1.2M to 2M',
        measure: { type: 'increase', start: 1.2, target: 2, unit: 'M$' },
        pace: 0.6,
        quiet: true,
      },
      {
        title: 'Increase win rate from 18% to 28%',
        measure: { type: 'increase', start: 18, target: 28, unit: '%' },
        pace: 0.7,
      },
    ],
  },
  {
    title: 'Delight customers with fast, human support',
    unit: 'Support',
    krs: [
      {
        title: 'Reduce first response time from 6h to 1h',
        measure: { type: 'decrease', start: 6, target: 1, unit: 'h' },
        pace: 1,
      },
      {
        title: 'Keep CSAT between 90 and 100',
        measure: { type: 'between', low: 90, high: 100, unit: '%' },
        pace: 1,
      },
    ],
  },
];

const SMART = [
  'Ship the guided setup checklist',
  'Publish the on-call handover runbook',
  'Run five customer interviews and share the findings',
  'Automate the weekly churn report',
  'Pass the cloud security certification exam',
  'Train the support team on the new console',
];

/**
 * A realistic small organisation made through the services (so every rule, event and rollup
 * applies): a company with departments and teams, people, a closed quarter with grades and
 * lessons, and the current quarter with OKRs, SMART goals under KRs, a few private goals, and
 * check-in history with some goals stale and some at risk.
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
  const units = new Map<string, string>();
  const leads = new Map<string, Actor>();
  const people = new Map<string, Actor[]>();
  const company = await s.units.create(admin, { name: 'Northwind' });
  units.set('Northwind', company.id);
  await s.units.setMember(admin, company.id, { personId: adminId, isLead: true });
  leads.set('Northwind', admin);
  let n = 0;
  for (const [department, teams] of Object.entries(TEAMS)) {
    const d = await s.units.create(admin, { name: department, parentId: company.id });
    units.set(department, d.id);
    for (const team of teams)
      units.set(team, (await s.units.create(admin, { name: team, parentId: d.id })).id);
    for (const unit of [department, ...teams]) {
      const members: Actor[] = [];
      for (let i = 0; i < (unit === department ? 1 : 4); i++) {
        const lead = leads.get(unit === department ? 'Northwind' : department);
        const person = await s.people.add(admin, {
          email: `person${++n}@northwind.test`,
          name: `Person ${n}`,
          managerId: i === 0 ? lead?.personId : members[0]?.personId,
        });
        const actor: Actor = { ...admin, personId: person.id };
        await s.units.setMember(admin, units.get(unit)!, { personId: person.id, isLead: i === 0 });
        if (i === 0) leads.set(unit, actor);
        members.push(actor);
      }
      people.set(unit, members);
    }
  }
  progress('people', 1, 3);

  const prev = await s.cycles.create(admin, { name: previous.name, state: 'active' });
  const next = await s.cycles.create(admin, { name: current.name });
  const cycleGoals = async (cycleId: string, startDate: string, quietFrom: number) => {
    const measured: {
      type: 'key_result' | 'smart_goal';
      id: string;
      owner: Actor;
      measure: Record<string, unknown>;
      pace: number;
      quiet: boolean;
      from: number;
    }[] = [];
    const objectives: string[] = [];
    for (const plan of PLANS) {
      const lead = leads.get(plan.unit)!;
      const o = await s.objectives.create(admin, {
        cycleId,
        title: plan.title,
        unitId: units.get(plan.unit),
        leadId: lead.personId,
        kind: plan.kind ?? 'aspirational',
      });
      objectives.push(o.id);
      for (const kr of plan.krs) {
        const owner = random.pick(people.get(plan.unit) ?? [lead]);
        const row = await s.keyResults.create(admin, {
          objectiveId: o.id,
          title: kr.title,
          measure: kr.measure,
          ownerId: owner.personId,
        });
        measured.push({
          type: 'key_result',
          id: row.id,
          owner,
          measure: kr.measure,
          pace: kr.pace * (0.8 + random.next() * 0.4),
          quiet: kr.quiet ?? false,
          from: parseMoment(startDate, 'UTC')!,
        });
        const helper = random.pick(people.get(plan.unit) ?? [lead]);
        const start = formatDate(addDays(parseMoment(startDate, 'UTC')!, random.int(0, 14), 'UTC'), 'UTC');
        const goal = await s.smartGoals.create(helper, {
          cycleId,
          title: random.pick(SMART),
          definitionOfDone: 'Live, documented and announced',
          measure: { type: 'milestones', milestones: ['Plan', 'Build', 'Review', 'Ship'] },
          startDate: start,
          dueDate: formatDate(addDays(parseMoment(start, 'UTC')!, 49, 'UTC'), 'UTC'),
          visibility: random.chance(0.15) ? 'private' : 'workspace',
          supports: [{ type: 'key_result', id: row.id }],
        });
        measured.push({
          type: 'smart_goal',
          id: goal.id,
          owner: helper,
          measure: { type: 'milestones' },
          pace: 0.6 + random.next() * 0.6,
          quiet: random.chance(0.15),
          from: parseMoment(start, 'UTC')!,
        });
      }
    }
    return { measured, objectives, quietFrom };
  };

  const weekly = async (goals: Awaited<ReturnType<typeof cycleGoals>>, from: number, until: number) => {
    for (let t = from + 4 * DAY + 10 * 3_600_000; t <= until; t += 7 * DAY) {
      clock.set(t);
      for (const g of goals.measured) {
        if (t < g.from || (g.quiet && t > goals.quietFrom)) continue;
        const share = Math.min(1, (t - from) / (91 * DAY)) * g.pace;
        const m = g.measure;
        const item =
          m.type === 'milestones'
            ? { done: ['Plan', 'Build', 'Review', 'Ship'].slice(0, Math.min(4, Math.floor(share * 1.6 * 4))) }
            : m.type === 'increase' || m.type === 'decrease'
              ? {
                  value:
                    Math.round(
                      ((m.start as number) + share * ((m.target as number) - (m.start as number))) * 100,
                    ) / 100,
                }
              : m.type === 'at_most'
                ? { value: random.chance(0.8) ? 3 + random.int(0, 2) : 7 }
                : { value: random.chance(0.75) ? 92 + random.int(0, 6) : 86 };
        await s.checkIns.checkIn(g.owner, {
          goalType: g.type,
          goalId: g.id,
          ...item,
          confidence: random.int(4, 9),
        });
      }
    }
  };

  const prevStart = parseMoment(previous.startDate, 'UTC')!;
  const prevGoals = await cycleGoals(prev.id, previous.startDate, Infinity);
  await weekly(prevGoals, prevStart, parseMoment(previous.endDate, 'UTC')!);
  progress('closed quarter', 2, 3);
  clock.set(parseMoment(current.startDate, 'UTC')! + DAY);
  await s.closeOuts.close(admin, prev.id, {
    notes: prevGoals.measured.map((g) => ({
      goalId: g.id,
      rootCauseNote: 'Started late; the first weeks went to agreeing the baseline.',
      rootCauseTag: 'execution' as const,
    })),
    decisions: prevGoals.objectives.map((id, i) => ({
      objectiveId: id,
      decision: i === 0 ? ('continue' as const) : i % 2 ? ('modify' as const) : ('drop' as const),
      learned: 'Weekly check-ins kept us honest; pick leading metrics earlier.',
    })),
    nextCycleId: next.id,
  });
  await s.cycles.activate(admin, next.id);
  const nowGoals = await cycleGoals(next.id, current.startDate, options.at - 20 * DAY);
  await weekly(nowGoals, parseMoment(current.startDate, 'UTC')!, options.at);
  clock.set(options.at);
  progress('current quarter', 3, 3);
  return { workspaceId: workspace.id, adminId };
}
