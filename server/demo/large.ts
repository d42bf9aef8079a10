import { quarterAt, quarterContaining } from '../../core/cycle';
import { calendarParts, parseMoment } from '../../core/time';
import { analyze, bulkInsert } from '../db/bulk';
import type { Db } from '../db/database';
import type { CyclesTable, PeopleTable, UnitMembersTable, UnitsTable } from '../db/schema';
import { workspaceSettingsSchema } from '../services/workspace-settings';
import { generateCycle } from './large-cycle';
import { Random } from './random';
import { DEPARTMENTS, TEAM_WORDS } from './words';

/** How big a generated organisation is; goal counts are per cycle. */
export interface OrgSize {
  people: number;
  units: number;
  objectives: number;
  keyResults: number;
  smartGoals: number;
  cycles: number;
}

/** The large organisation of SPEC section 11, and smaller ones for tests. */
export const ORG_SIZES = {
  large: {
    people: 10_000,
    units: 1_000,
    objectives: 3_000,
    keyResults: 10_000,
    smartGoals: 20_000,
    cycles: 5,
  },
  medium: { people: 1_000, units: 100, objectives: 300, keyResults: 1_000, smartGoals: 2_000, cycles: 5 },
  tiny: { people: 60, units: 8, objectives: 20, keyResults: 60, smartGoals: 100, cycles: 2 },
} satisfies Record<string, OrgSize>;

/** Reports progress: a step name, units done, units in total. */
export type OnProgress = (step: string, done: number, total: number) => void;

/** What a generated organisation is made of, for benchmarks and messages. */
export interface GeneratedOrg {
  workspaceId: string;
  adminId: string;
  activeCycleId: string;
  cycleIds: string[];
  rootUnitId: string;
  unitIds: string[];
  /** People by unit: the unit lead first. */
  peopleByUnit: Map<string, string[]>;
  counts: Record<string, number>;
}

/** Structure shared by every cycle: units with their parents and people. */
export interface OrgStructure {
  workspaceId: string;
  units: UnitsTable[];
  leadOf: Map<string, string>;
  peopleByUnit: Map<string, string[]>;
  people: PeopleTable[];
}

/**
 * Generates an organisation straight into the database with bulk inserts (no services, no
 * events): units, people, five quarterly cycles ending with the one containing `at` (the earlier
 * ones closed, with frozen grades and lessons), goals, weekly check-ins, and rollups computed by
 * core exactly as the services would store them.
 */
export async function generateOrganisation(
  db: Db,
  options: { size: OrgSize; at: number; seed?: number; onProgress?: OnProgress },
): Promise<GeneratedOrg> {
  const { size, at } = options;
  const random = new Random(options.seed ?? 42);
  const progress = options.onProgress ?? (() => {});
  const workspaceId = `ws-${random.int(1e6, 9e6)}`;
  const settings = workspaceSettingsSchema.parse({});
  await bulkInsert(db, 'workspaces', [
    {
      id: workspaceId,
      name: 'Acme Corporation',
      settings: JSON.stringify(settings),
      version: 1,
      directoryVersion: 0,
      rollupsPending: 0,
      createdAt: at,
    },
  ]);

  const units: UnitsTable[] = [];
  const departments = Math.min(DEPARTMENTS.length, Math.max(1, Math.round(Math.sqrt(size.units) * 0.6)));
  for (let i = 0; i < size.units; i++) {
    const id = `${workspaceId}-u${i}`;
    const parent = i === 0 ? null : i <= departments ? units[0]!.id : units[1 + ((i - 1) % departments)]!.id;
    const name =
      i === 0
        ? 'Acme Corporation'
        : i <= departments
          ? DEPARTMENTS[i - 1]!
          : `${DEPARTMENTS[(i - 1) % departments]} ${TEAM_WORDS[i % TEAM_WORDS.length]} ${Math.floor(i / TEAM_WORDS.length)}`;
    units.push({ id, workspaceId, parentId: parent, name, createdAt: at });
  }
  await bulkInsert(db, 'units', units);
  progress('units', 1, 1);

  const people: PeopleTable[] = [];
  const members: UnitMembersTable[] = [];
  const peopleByUnit = new Map<string, string[]>();
  const leadOf = new Map<string, string>();
  for (let i = 0; i < size.people; i++) {
    const unit = units[i % units.length]!;
    const id = `${workspaceId}-p${i}`;
    const list = peopleByUnit.get(unit.id) ?? [];
    const isLead = list.length === 0;
    list.push(id);
    peopleByUnit.set(unit.id, list);
    if (isLead) leadOf.set(unit.id, id);
    members.push({ workspaceId, unitId: unit.id, personId: id, isLead: isLead ? 1 : 0 });
    const managerId = isLead
      ? unit.parentId
        ? (leadOf.get(unit.parentId) ?? null)
        : null
      : leadOf.get(unit.id)!;
    people.push({
      id,
      workspaceId,
      email: `person${i}@acme.test`,
      name: `Person ${i}`,
      role: i < 5 ? 'admin' : !isLead && random.chance(0.05) ? 'viewer' : 'member',
      timeZone: 'UTC',
      managerId,
      isActive: 1,
      createdAt: at,
    });
  }
  await bulkInsert(db, 'people', people);
  await bulkInsert(db, 'unitMembers', members);
  progress('people', 1, 1);

  const cycles: CyclesTable[] = [];
  let quarter = quarterAt(at, settings.fiscalYearStartMonth, settings.timeZone);
  for (let i = 0; i < size.cycles; i++) {
    cycles.unshift({
      id: `${workspaceId}-c${quarter.name}`,
      workspaceId,
      name: quarter.name,
      kind: 'quarter',
      startDate: quarter.startDate,
      endDate: quarter.endDate,
      parentId: null,
      state: i === 0 ? 'active' : 'closed',
      closedAt: null,
      createdAt: at,
    });
    const start = calendarParts(parseMoment(quarter.startDate, 'UTC')! - 86_400_000, 'UTC');
    quarter = quarterContaining(start.year, start.month, settings.fiscalYearStartMonth);
  }
  const structure: OrgStructure = { workspaceId, units, leadOf, peopleByUnit, people };
  const counts: Record<string, number> = { units: units.length, people: people.length };
  for (const [index, cycle] of cycles.entries()) {
    if (cycle.state === 'closed') cycle.closedAt = parseMoment(cycle.endDate, 'UTC')! + 2 * 86_400_000;
    await bulkInsert(db, 'cycles', [cycle]);
    const made = await generateCycle(db, structure, cycle, { size, at, random, settings });
    for (const [key, n] of Object.entries(made)) counts[key] = (counts[key] ?? 0) + n;
    progress('cycles', index + 1, cycles.length);
  }
  await analyze(db);
  progress('statistics', 1, 1);
  return {
    workspaceId,
    adminId: people[0]!.id,
    activeCycleId: cycles[cycles.length - 1]!.id,
    cycleIds: cycles.map((c) => c.id),
    rootUnitId: units[0]!.id,
    unitIds: units.map((u) => u.id),
    peopleByUnit,
    counts,
  };
}
