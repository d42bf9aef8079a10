import { describe, expect, it } from 'vitest';
import {
  cadencePeriods,
  cycleWindow,
  fiscalYearOf,
  parseCycleName,
  quarterAt,
  quarterContaining,
  quarterDates,
  yearDates,
} from './cycle';
import { formatDate, parseMoment } from './time';

describe('quarters from the fiscal-year start (SPEC 3.9)', () => {
  it.each([
    // [year, month, fiscal start, name, first day, last day]
    [2026, 11, 1, '2026-Q4', '2026-10-01', '2026-12-31'],
    [2026, 1, 1, '2026-Q1', '2026-01-01', '2026-03-31'],
    [2026, 4, 4, 'FY2027-Q1', '2026-04-01', '2026-06-30'],
    [2026, 3, 4, 'FY2026-Q4', '2026-01-01', '2026-03-31'],
    [2026, 12, 4, 'FY2027-Q3', '2026-10-01', '2026-12-31'],
    [2027, 2, 4, 'FY2027-Q4', '2027-01-01', '2027-03-31'],
    [2026, 7, 7, 'FY2027-Q1', '2026-07-01', '2026-09-30'],
    [2026, 6, 7, 'FY2026-Q4', '2026-04-01', '2026-06-30'],
    [2026, 11, 11, 'FY2027-Q1', '2026-11-01', '2027-01-31'],
    [2026, 2, 2, 'FY2027-Q1', '2026-02-01', '2026-04-30'],
  ])('%i-%i with a start in month %i is %s', (year, month, start, name, first, last) => {
    const q = quarterContaining(year, month, start);
    expect(q).toEqual({ name, kind: 'quarter', startDate: first, endDate: last });
  });

  it('names the fiscal year by the calendar year in which it ends', () => {
    expect(fiscalYearOf(2026, 4, 4)).toBe(2027);
    expect(fiscalYearOf(2026, 3, 4)).toBe(2026);
    expect(fiscalYearOf(2026, 12, 1)).toBe(2026);
    expect(yearDates(2027, 4)).toEqual({
      name: 'FY2027',
      kind: 'year',
      startDate: '2026-04-01',
      endDate: '2027-03-31',
    });
    expect(yearDates(2026, 1).name).toBe('2026');
  });

  it('reads cycle names back to their dates', () => {
    expect(parseCycleName('2026-Q4', 1)).toEqual({ ok: true, cycle: quarterDates(2026, 4, 1) });
    expect(parseCycleName('FY2027-Q1', 4)).toEqual({ ok: true, cycle: quarterDates(2027, 1, 4) });
    expect(parseCycleName('fy2027', 4)).toMatchObject({ ok: true, cycle: { startDate: '2026-04-01' } });
    expect(parseCycleName('FY2027-Q1', 1)).toMatchObject({ ok: false, message: /starts in January/ });
    expect(parseCycleName('2026-Q1', 4)).toMatchObject({ ok: false, message: /FY2026-Q1/ });
    expect(parseCycleName('2026-Q5', 1)).toMatchObject({ ok: false, message: /not a cycle name/ });
  });

  it('finds the quarter of an instant in the workspace timezone', () => {
    // 2026-09-30 23:30 UTC is already October in Berlin.
    const at = Date.parse('2026-09-30T23:30:00Z');
    expect(quarterAt(at, 1, 'UTC').name).toBe('2026-Q3');
    expect(quarterAt(at, 1, 'Europe/Berlin').name).toBe('2026-Q4');
  });
});

describe('cadence periods', () => {
  const zone = 'Europe/Berlin';
  const q4 = cycleWindow(quarterDates(2026, 4, 1), zone);

  it('cuts a quarter into 7-day periods from its start, the last one shorter', () => {
    const periods = cadencePeriods(q4, 'weekly', zone);
    expect(periods).toHaveLength(14);
    expect(periods.map((p) => formatDate(p.start, zone)).slice(0, 3)).toEqual([
      '2026-10-01',
      '2026-10-08',
      '2026-10-15',
    ]);
    expect(formatDate(periods[13]!.start, zone)).toBe('2026-12-31');
    expect(periods[13]!.end).toBe(q4.end);
  });

  it('keeps periods on local midnight across the end of summer time', () => {
    const periods = cadencePeriods(q4, 'weekly', zone);
    // 2026-10-25 is the DST change in Berlin: the period from 10-22 is 7 days and one hour long.
    const p = periods[3]!;
    expect(formatDate(p.start, zone)).toBe('2026-10-22');
    expect(p.end - p.start).toBe(7 * 86_400_000 + 3_600_000);
    expect(new Date(periods[4]!.start).toISOString()).toBe('2026-10-28T23:00:00.000Z');
  });

  it('uses 14-day and calendar-month periods', () => {
    expect(cadencePeriods(q4, 'biweekly', zone)).toHaveLength(7);
    const months = cadencePeriods(q4, 'monthly', zone);
    expect(months.map((p) => formatDate(p.start, zone))).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
    const fromThe31st = cadencePeriods(
      { start: parseMoment('2026-01-31', 'UTC')!, end: parseMoment('2026-04-01', 'UTC')! },
      'monthly',
      'UTC',
    );
    expect(fromThe31st.map((p) => formatDate(p.start, 'UTC'))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
  });
});
