import { describe, expect, it } from 'vitest';
import { readDate, readNumber } from './cells';

describe('numbers as people type them', () => {
  it.each([
    ['42', {}, { value: 42 }],
    ['1,234', {}, { value: 1234 }],
    ['1,234.5', {}, { value: 1234.5 }],
    ['1.234,5', {}, { value: 1234.5 }],
    ['12,5', {}, { value: 12.5 }],
    ['1.234', { isDecimalComma: true }, { value: 1234 }],
    ['1.5', { isDecimalComma: true }, { value: 1.5 }],
    ['1 234,5', {}, { value: 1234.5 }],
    ['45%', {}, { value: 45, unit: '%' }],
    ['12,5 %', { isDecimalComma: true }, { value: 12.5, unit: '%' }],
    ['$1,200', {}, { value: 1200, unit: '$' }],
    ['€1,200', {}, { value: 1200, unit: '€' }],
    ['€ 1.200,50', {}, { value: 1200.5, unit: '€' }],
    ['$1.2M', {}, { value: 1_200_000, unit: '$' }],
    ['900k', {}, { value: 900_000 }],
    ['-3', {}, { value: -3 }],
    ['(3)', {}, { value: -3 }],
    ['\u22123.5', {}, { value: -3.5 }],
    [7, {}, { value: 7 }],
  ] as const)('%s', (text, hints, expected) => {
    expect(readNumber(text, hints)).toEqual(expected);
  });

  it.each(['', 'abc', '1,2,3', '12 apples', '1.2.3', 'NaN'])('"%s" is not a number', (text) => {
    expect(readNumber(text)).toBeUndefined();
  });
});

describe('dates as people type them', () => {
  it.each([
    [46296, '2026-10-01'],
    ['2026-10-01', '2026-10-01'],
    ['2026/10/01', '2026-10-01'],
    ['2026-10-01T09:00:00Z', '2026-10-01'],
    ['10/01/2026', '2026-10-01'],
    ['31/10/2026', '2026-10-31'],
    ['01.10.2026', '2026-10-01'],
    ['1 Oct 2026', '2026-10-01'],
    ['1st October 2026', '2026-10-01'],
    ['Oct 1, 2026', '2026-10-01'],
    ['November 30 2026', '2026-11-30'],
    [new Date(Date.UTC(2026, 10, 30)), '2026-11-30'],
  ] as const)('%s', (cell, expected) => {
    expect(readDate(cell)).toBe(expected);
  });

  it('reads a slash date day first in a sheet with decimal commas', () => {
    expect(readDate('03/04/2026', { isDecimalComma: true })).toBe('2026-04-03');
    expect(readDate('03/04/2026')).toBe('2026-03-04');
  });

  it.each(['2026-02-30', '13/13/2026', 'soon', 5, '31 Foo 2026'])('%s is not a date', (cell) => {
    expect(readDate(cell)).toBeUndefined();
  });
});
