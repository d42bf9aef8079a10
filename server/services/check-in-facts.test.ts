import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { CheckInRepository } from '../repositories/check-in.repository';
import { repositories } from '../repositories/index';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { FixedClock } from './context';
import { effectiveCheckins, readMeasure, smartGoalWindow, storedFacts, windowOfCycle } from './evaluation';
import type { Services } from './index';
import { Rollups } from './rollup';
import { readSettings } from './workspace-settings';

/**
 * A check-in that sorts after every other extends the goal's stored facts instead of reading its
 * history (`CheckInService#extendedFacts`). Whatever path a check-in takes, the goal's row must
 * hold what a full pass over its history gives: the same facts column and the same numbers.
 */
describeEachDialect('stored facts extended by each check-in', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let clock: FixedClock;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
    ({ services: s, clock } = testServices(test.db, Date.UTC(2026, 9, 10), 'f'));
    org = await smallOrg(s);
  });
  afterAll(() => test.dispose());

  /** The goal's row beside what its whole history gives (`Rollups.derive*` over every check-in). */
  async function compare(goalType: 'key_result' | 'smart_goal', id: string) {
    const repos = repositories(test.db.kysely, test.db.dialect);
    const workspace = (await repos.workspaces.find(org.workspaceId))!;
    const settings = readSettings(workspace.settings, workspace.id);
    const rollups = new Rollups(repos, org.workspaceId, settings, clock.now());
    const rows = await repos.checkIns.factsOfGoal(id);
    if (goalType === 'key_result') {
      const [kr] = await repos.keyResults.findMany(org.workspaceId, [id]);
      const [objective] = await repos.objectives.findMany(org.workspaceId, [kr!.objectiveId]);
      const cycle = (await repos.cycles.find(org.workspaceId, objective!.cycleId))!;
      const full = rollups.deriveKeyResult(kr!, objective!, cycle, rows);
      const window = windowOfCycle(cycle, settings.timeZone);
      expect(kr!.facts).toBe(
        storedFacts(kr!.measure, rows.length, effectiveCheckins(rows, readMeasure(kr!.measure)), window),
      );
      return { stored: kr!, full };
    }
    const [goal] = await repos.smartGoals.findMany(org.workspaceId, [id]);
    const cycle = (await repos.cycles.find(org.workspaceId, goal!.cycleId))!;
    const full = rollups.deriveSmartGoal(goal!, cycle, rows);
    const window = smartGoalWindow(goal!.startDate, goal!.dueDate, settings.timeZone);
    expect(goal!.facts).toBe(
      storedFacts(goal!.measure, rows.length, effectiveCheckins(rows, readMeasure(goal!.measure)), window),
    );
    return { stored: goal!, full };
  }

  async function expectFull(goalType: 'key_result' | 'smart_goal', id: string) {
    const { stored, full } = await compare(goalType, id);
    expect(stored.facts).toBe(full.facts);
    expect(stored.progress).toBe(full.progress);
    expect(stored.score).toBe(full.score);
    expect(stored.latestValue).toBe(full.latestValue);
    expect(stored.latestCheckinAt).toBe(full.latestCheckinAt);
  }

  it('gives the numbers of a full pass after single check-ins, groups, a correction and a back-dated one', async () => {
    const kr = await s.keyResults.create(org.admin, {
      objectiveId: org.objectiveId,
      title: 'Raise weekly active teams from 0 to 10',
      measure: { type: 'increase', start: 0, target: 10 },
    });
    const goal = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Interview 20 customers about onboarding',
      measure: { type: 'increase', start: 0, target: 20 },
      startDate: '2026-10-01',
      dueDate: '2026-12-15',
    });
    const read = vi.spyOn(CheckInRepository.prototype, 'factsByGoals');
    /** Whether the last step read the goal's history. */
    const readHistory = (id: string) => {
      const ids = read.mock.calls.flatMap(([goalIds]) => goalIds);
      read.mockClear();
      return ids.includes(id);
    };
    const on = (value: number, extra: { confidence?: number; at?: string; corrects?: string } = {}) =>
      Promise.all([
        s.checkIns.checkIn(org.admin, { goalType: 'key_result', goalId: kr.id, value, ...extra }),
        s.checkIns.checkIn(org.member, {
          goalType: 'smart_goal',
          goalId: goal.id,
          value: value * 2,
          ...extra,
        }),
      ]);
    try {
      let day = 0;
      const step = async (value: number, extra: Parameters<typeof on>[1] = {}) => {
        clock.set(Date.UTC(2026, 9, 12 + day++, 9));
        const results = await on(value, extra);
        await expectFull('key_result', kr.id);
        await expectFull('smart_goal', goal.id);
        return results;
      };
      // A goal is created with the facts of no check-in: its first check-in extends them.
      await step(3);
      expect(readHistory(kr.id)).toBe(false);
      expect(readHistory(goal.id)).toBe(false);
      // Flat runs (three equal values in a row), a confidence, and the value before the latest.
      for (const [value, confidence] of [
        [3, 6],
        [3, undefined],
        [5, 7],
        [5, undefined],
        [5, undefined],
        [7.5, 4],
      ] as const) {
        await step(value, confidence === undefined ? {} : { confidence });
        expect(readHistory(kr.id)).toBe(false);
        expect(readHistory(goal.id)).toBe(false);
      }
      // Several check-ins on one goal in one group: each caller's answer as its own left it.
      clock.set(Date.UTC(2026, 9, 12 + day++, 9));
      const grouped = await Promise.all(
        [4, 4, 4, 6].map((value) =>
          s.checkIns.checkIn(org.admin, { goalType: 'key_result', goalId: kr.id, value }),
        ),
      );
      await expectFull('key_result', kr.id);
      expect(readHistory(kr.id)).toBe(false);
      for (const result of grouped) expect(result.goal.latestValue).toBe(result.checkIn.value);
      // A correction reads the history; so does a check-in dated before the latest.
      const [corrected] = await step(8);
      readHistory(kr.id);
      await s.checkIns.checkIn(org.admin, {
        goalType: 'key_result',
        goalId: kr.id,
        value: 9,
        corrects: corrected.checkIn.id,
      });
      await expectFull('key_result', kr.id);
      expect(readHistory(kr.id)).toBe(true);
      await step(1, { at: '2026-10-13' });
      expect(readHistory(kr.id)).toBe(true);
      // After them, the facts written by the full pass are extended again.
      await step(2);
      expect(readHistory(kr.id)).toBe(false);
    } finally {
      read.mockRestore();
    }
  });
});
