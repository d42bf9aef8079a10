import { describe, expect, it } from 'vitest';
import { plannedCascade, planningCycle, proposeNextQuarter } from './plan';

const quarter = (id: string, name: string, startDate: string, endDate: string, state = 'planning') => ({
  id,
  name,
  kind: 'quarter',
  state,
  startDate,
  endDate,
});

describe('the next cycle to propose (SPEC 3.9)', () => {
  it('is the quarter after the latest one, named by the fiscal year', () => {
    const q4 = quarter('c1', '2026-Q4', '2026-10-01', '2026-12-31', 'active');
    expect(proposeNextQuarter([q4], '2026-11-02', 1)).toMatchObject({
      name: '2027-Q1',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
    });
    // A fiscal year starting in April is named by the calendar year in which it ends.
    const fq = quarter('c2', 'FY2027-Q3', '2026-10-01', '2026-12-31', 'active');
    expect(proposeNextQuarter([fq], '2026-11-02', 4).name).toBe('FY2027-Q4');
    expect(proposeNextQuarter([], '2026-11-02', 1).name).toBe('2027-Q1');
  });

  it('opens the plan on the cycle asked for, else the first in planning', () => {
    const cycles = [
      quarter('a', '2026-Q4', '2026-10-01', '2026-12-31', 'active'),
      quarter('c', '2027-Q2', '2027-04-01', '2027-06-30'),
      quarter('b', '2027-Q1', '2027-01-01', '2027-03-31'),
    ];
    expect(planningCycle(cycles)?.id).toBe('b');
    expect(planningCycle(cycles, 'c')?.id).toBe('c');
    expect(planningCycle(cycles.slice(0, 1))).toBeUndefined();
  });
});

describe('the planned cascade', () => {
  const units = [
    { id: 'co', name: 'Acme', parentId: null },
    { id: 'sales', name: 'Sales', parentId: 'co' },
    { id: 'team', name: 'Team East', parentId: 'sales' },
  ];
  const objective = (id: string, unitId: string | null, patch: object = {}) => ({
    id,
    title: `Objective ${id}`,
    unitId,
    ownerId: null,
    leadId: 'p1',
    state: 'draft',
    predecessorId: null,
    keyResults: [],
    alignsTo: [],
    ...patch,
  });
  const cascade = plannedCascade({
    units,
    objectives: [
      objective('o1', 'co', {
        state: 'active',
        predecessorId: 'old',
        keyResults: [{ id: 'k1', title: 'Churn from 18 to 10%', ownerId: 'p2', measure: { start: 18 } }],
      }),
      objective('o2', 'team', { alignsTo: [{ parentType: 'key_result', parentId: 'k1' }] }),
      objective('o3', 'sales'),
    ],
    smartGoals: [
      {
        id: 's1',
        title: 'Write 30 macros',
        unitId: 'team',
        ownerId: 'p3',
        state: 'draft',
        supports: [{ parentType: 'objective', parentId: 'o2' }],
      },
      { id: 's2', title: 'Loose goal', unitId: 'team', ownerId: 'p3', state: 'open', supports: [] },
    ],
    findings: [
      { target: 'o2', severity: 'error' },
      { target: 'o2', severity: 'warning' },
      { target: 's1', severity: 'warning' },
      { target: 'o3', severity: 'info' },
    ],
    predecessors: new Map([
      ['old', [{ id: 'k0', title: 'Churn from 30 to 10%', ownerId: 'p2', measure: { start: 30 } }]],
    ]),
  });

  it('nests units from the company down, each with its goals', () => {
    const company = cascade.roots[0]!;
    expect(company.unit.name).toBe('Acme');
    expect(company.goals.map((g) => g.id)).toEqual(['o1']);
    const sales = company.units[0]!;
    expect(sales.goals.map((g) => g.id)).toEqual(['o3']);
    const team = sales.units[0]!;
    expect(team.goals.map((g) => g.id)).toEqual(['o2', 's2']);
    expect(team.goals[0]!.children.map((g) => g.id)).toEqual(['s1']);
  });

  it('marks carried-over objectives with their KRs’ old and new baselines', () => {
    const o1 = cascade.roots[0]!.goals[0]!;
    expect(o1.state).toBe('carried_over');
    expect(o1.children[0]).toMatchObject({ id: 'k1', baseline: { before: 30, after: 18 } });
  });

  it('gives each goal its parent, owner and coach counts; calls out orphans', () => {
    const o2 = cascade.roots[0]!.units[0]!.units[0]!.goals[0]!;
    expect(o2).toMatchObject({
      state: 'draft',
      ownerId: 'p1',
      coach: { errors: 1, warnings: 1 },
      parent: { id: 'k1', title: 'Churn from 18 to 10%' },
      isOrphan: false,
    });
    expect(cascade.orphans.map((g) => g.id).sort()).toEqual(['o3', 's2']);
    expect(cascade.counts).toEqual({
      objectives: 3,
      smartGoals: 2,
      drafts: 3,
      carriedOver: 1,
      errors: 1,
      warnings: 2,
    });
  });
});
