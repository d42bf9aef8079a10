import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet';

const sheet = (rows: (string | number)[][]) => [{ name: 'Sheet1', rows }];

describe('spreadsheet headers as people write them (issue 14)', () => {
  it.each([
    ['Objective', 'Key Result', 'Owner', 'Baseline', 'Target', 'Current', 'Unit', 'Team', 'Weight'],
    ['  OBJECTIVE ', 'kr', 'owner', 'Start', 'TARGET', ' current', 'unit', 'team', 'weight'],
    [
      'objective',
      'KEY  RESULT',
      'Owner ',
      'start value',
      'Target Value',
      'Actual',
      'UoM',
      'Department',
      'Weighting',
    ],
  ])('%s, %s, %s, %s, ...', (...header) => {
    const read = readSpreadsheet(
      'okrs.csv',
      sheet([
        header,
        ['Ship it', 'Raise NPS from 20 to 40', 'a@b.test', '20', '40', '25', 'pts', 'Platform', '2'],
      ]),
      {
        cycle: '2026-Q4',
        asOf: '2026-11-02T00:00:00.000Z',
      },
    );
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (!read.ok) return;
    const [objective] = read.parsed.content.objectives!;
    expect(objective).toMatchObject({ title: 'Ship it', unit: 'platform' });
    expect(objective!.key_results![0]).toMatchObject({
      title: 'Raise NPS from 20 to 40',
      owner: 'a@b.test',
      measure: { type: 'increase', start: 20, target: 40, unit: 'pts' },
      weight: 2,
      checkins: [{ value: 25 }],
    });
  });

  it('Type and Due columns: a SMART goal with an Excel serial date, a text date, or an ISO date', () => {
    const read = readSpreadsheet(
      'tasks.csv',
      sheet([
        ['Type', 'Title', 'Owner', 'Due'],
        ['SMART', 'Serial date', 'a@b.test', 46387],
        ['SMART', 'Day-first date', 'a@b.test', '31/12/2026'],
        ['SMART', 'ISO date', 'a@b.test', '2026-12-31'],
      ]),
      { cycle: '2026-Q4' },
    );
    expect(read.ok, JSON.stringify(read)).toBe(true);
    if (read.ok)
      expect(read.parsed.content.smart_goals!.map((g) => g.due)).toEqual(Array(3).fill('2026-12-31'));
  });

  it('with skipInvalid, a bad row is left out with its row, column and reason, and the rest is read', () => {
    const read = readSpreadsheet(
      'okrs.csv',
      sheet([
        ['Objective', 'KR', 'Start', 'Target'],
        ['Ship it', 'Raise NPS from 20 to 40', '20', '40'],
        ['', 'Cut churn from 8 to 4', '8', 'four'],
        ['', 'Grow revenue from €1,200 to €1.234,5', '€1,200', '€1.234,5'],
      ]),
      { cycle: '2026-Q4', skipInvalid: true },
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.skipped.map((s) => `${s.line}:${s.column} ${s.message} ${s.key}`)).toEqual([
      '3:4 "four" is not a number cut-churn-from-8-to-4',
    ]);
    expect(read.parsed.content.objectives![0]!.key_results!.map((k) => k.measure)).toEqual([
      { type: 'increase', start: 20, target: 40 },
      { type: 'increase', start: 1200, target: 1234.5, unit: '€' },
    ]);
    // What remains is still placed where it was written.
    expect(read.parsed.locate(['objectives', 0, 'key_results', 1, 'measure', 'target'])).toEqual({
      line: 4,
      column: 4,
    });
  });
});
