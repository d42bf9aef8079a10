import { describe, expect, it } from 'vitest';
import { compliance, complianceHeatmap, dueCheckin, type ScheduledGoal, weeksOf } from './checkin-schedule';
import { dateWindow, formatDate, parseMoment } from './time';

const zone = 'America/Los_Angeles';
const d = (text: string) => parseMoment(text, zone)!;
const window = dateWindow('2026-10-01', '2026-10-28', zone); // four weekly periods
const goal = (key: string, ...dates: string[]): ScheduledGoal => ({
  key,
  window,
  cadence: 'weekly',
  checkinTimes: dates.map(d).sort((a, b) => a - b),
});

describe('check-ins due (SPEC 3.9)', () => {
  it('is due in a period with no check-in yet, and not once one is made', () => {
    expect(dueCheckin(goal('g'), d('2026-10-03'), zone)).toMatchObject({ isDue: true });
    expect(dueCheckin(goal('g', '2026-10-02'), d('2026-10-03'), zone)).toMatchObject({ isDue: false });
    expect(dueCheckin(goal('g', '2026-10-02'), d('2026-10-09'), zone)).toMatchObject({ isDue: true });
  });

  it('names the period in the goal window, on local midnight', () => {
    const due = dueCheckin(goal('g'), d('2026-10-09T23:30'), zone)!;
    expect(formatDate(due.period.start, zone)).toBe('2026-10-08');
    expect(formatDate(due.period.end, zone)).toBe('2026-10-15');
  });

  it('is nothing outside the window', () => {
    expect(dueCheckin(goal('g'), d('2026-09-30'), zone)).toBeUndefined();
    expect(dueCheckin(goal('g'), d('2026-10-29'), zone)).toBeUndefined();
  });
});

describe('check-in compliance', () => {
  it('counts (goal, period) pairs with a check-in over pairs due', () => {
    const goals = [goal('a', '2026-10-02', '2026-10-09', '2026-10-16'), goal('b', '2026-10-03')];
    // As of 10-22: three periods have ended for each goal; the fourth is open and empty.
    expect(compliance(goals, window, d('2026-10-22'), zone)).toEqual({ withCheckin: 4, due: 6, rate: 4 / 6 });
  });

  it('counts the open period once it has a check-in, never before', () => {
    const goals = [goal('a', '2026-10-02', '2026-10-09')];
    expect(compliance(goals, window, d('2026-10-09T12:00'), zone)).toEqual({
      withCheckin: 2,
      due: 2,
      rate: 1,
    });
    expect(compliance(goals, window, d('2026-10-08T12:00'), zone)).toEqual({
      withCheckin: 1,
      due: 1,
      rate: 1,
    });
  });

  it('has no rate when nothing was due', () => {
    expect(compliance([goal('a')], window, d('2026-10-02'), zone)).toEqual({
      withCheckin: 0,
      due: 0,
      rate: null,
    });
  });

  it('builds a heatmap of groups by calendar week, Monday weeks in the workspace timezone', () => {
    const weeks = weeksOf(window, 1, zone);
    expect(weeks.map((w) => formatDate(w.start, zone))).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    const map = complianceHeatmap(
      new Map([['platform', [goal('a', '2026-10-02', '2026-10-16')]]]),
      window,
      d('2026-11-01'),
      1,
      zone,
    );
    expect(map.rows[0]!.cells.map((c) => c.rate)).toEqual([1, 0, 1, 0, null]);
  });
});
