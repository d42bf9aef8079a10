import { describe, expect, it } from 'vitest';
import { describeDistribution } from '../../charts/GradeDistributionChart';
import { type CycleReport, cycleCalibration, decisionCounts, reportDocumentUrl, rootCauses } from './report';

const kr = (
  id: string,
  grade: number | null,
  extra: Partial<CycleReport['objectives'][number]['keyResults'][number]> = {},
) => ({
  id,
  title: `KR ${id}`,
  score: grade,
  grade,
  band: null,
  mayBeTooSafe: false,
  rootCauseTag: null,
  rootCauseNote: null,
  ...extra,
});

const report: CycleReport = {
  cycle: { id: 'c1', name: '2026-Q3', closedAt: 1 },
  objectives: [
    {
      id: 'o1',
      title: 'Delight customers',
      kind: 'aspirational',
      unitId: 'u1',
      score: 0.6,
      grade: 0.6,
      band: 'yellow',
      decision: 'continue',
      learned: 'Start earlier',
      successorId: null,
      keyResults: [kr('a', 0.7), kr('b', 0.5, { rootCauseTag: 'execution' }), kr('c', 0.9), kr('d', null)],
    },
    {
      id: 'o2',
      title: 'Ship the platform',
      kind: 'committed',
      unitId: 'u1',
      score: 0.9,
      grade: 0.9,
      band: 'red',
      decision: null,
      learned: null,
      successorId: null,
      // A committed KR graded 1.0 from a score of 0.96 was not met in full.
      keyResults: [kr('e', 1), { ...kr('f', 1), score: 0.96, rootCauseNote: 'late vendor' }],
    },
  ],
  smartGoals: [
    {
      id: 's1',
      title: 'Certification',
      ownerId: 'p1',
      score: 1,
      grade: 1,
      band: 'green',
      rootCauseNote: null,
    },
    {
      id: 's2',
      title: 'Runbook',
      ownerId: 'p2',
      score: 0.4,
      grade: 0.4,
      band: 'red',
      rootCauseNote: 'no time',
    },
  ],
  distribution: {
    objectives: { red: 1, yellow: 1, green: 0 },
    keyResults: { red: 1, yellow: 1, green: 3 },
    smartGoals: { red: 1, yellow: 0, green: 1 },
  },
  hiddenGoals: 0,
  hiddenSummary: null,
};

describe('the cycle report page', () => {
  it("computes this cycle's calibration as the report documents do", () => {
    const c = cycleCalibration(report);
    expect(c.ambition.count).toBe(3);
    expect(c.ambition.value).toBeCloseTo(0.7, 12);
    expect(c.ambition.band).toBe('calibrated');
    // e (1.0), f (0.96: not met), s1 (1.0), s2 (0.4): half met.
    expect(c.commitment).toEqual({ value: 0.5, count: 4 });
  });

  it('lists the root causes of KRs and SMART goals in the order of the report', () => {
    expect(rootCauses(report).map((c) => [c.title, c.objective, c.tag, c.note])).toEqual([
      ['KR b', 'Delight customers', 'execution', null],
      ['KR f', 'Ship the platform', null, 'late vendor'],
      ['Runbook', null, null, 'no time'],
    ]);
  });

  it('counts decisions and says a distribution in words', () => {
    expect(decisionCounts(report)).toEqual([
      { decision: 'continue', count: 1 },
      { decision: 'none', count: 1 },
    ]);
    expect(describeDistribution(report.distribution.keyResults)).toBe('3 green, 1 yellow, 1 red (5 graded)');
    expect(describeDistribution({ red: 0, yellow: 0, green: 0 })).toBe('none graded');
  });

  it("links the API's documents", () => {
    expect(reportDocumentUrl('c 1', 'pdf')).toBe('/api/v1/cycles/c%201/report?format=pdf');
  });
});
