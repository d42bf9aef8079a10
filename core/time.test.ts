import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addDays, calendarParts, dateWindow, formatDate, parseMoment, startOfWeek, weekday } from './time';

describe('moments in a timezone', () => {
  it.each([
    ['2026-10-01', 'UTC', '2026-10-01T00:00:00.000Z'],
    ['2026-10-01', 'Europe/Berlin', '2026-09-30T22:00:00.000Z'],
    ['2026-01-15', 'America/New_York', '2026-01-15T05:00:00.000Z'],
    ['2026-10-12T09:30', 'America/New_York', '2026-10-12T13:30:00.000Z'],
    ['2026-10-12 09:30:15', 'UTC', '2026-10-12T09:30:15.000Z'],
    ['2026-10-12T09:30:00Z', 'Asia/Tokyo', '2026-10-12T09:30:00.000Z'],
    ['2026-10-12T09:30+02:00', 'UTC', '2026-10-12T07:30:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(new Date(parseMoment(text, zone)!).toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01', 'yesterday', '2026-10-12T25:00', ''])('rejects %j', (text) => {
    expect(parseMoment(text, 'UTC')).toBeUndefined();
  });

  it('adds calendar days across a DST change (a 23-hour day)', () => {
    const start = parseMoment('2026-03-29', 'Europe/Berlin')!;
    const next = addDays(start, 1, 'Europe/Berlin');
    expect(next - start).toBe(23 * 3600_000);
    expect(formatDate(next, 'Europe/Berlin')).toBe('2026-03-30');
  });

  it('runs a window from the start of its first day to the start of the day after its last', () => {
    const w = dateWindow('2026-10-01', '2026-12-31', 'UTC');
    expect(new Date(w.start).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(new Date(w.end).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds week boundaries in the local timezone, not UTC', () => {
    // Sunday 2026-11-22 20:00 UTC is already Monday 2026-11-23 05:00 in Tokyo.
    const at = Date.parse('2026-11-22T20:00:00Z');
    expect(formatDate(startOfWeek(at, 1, 'Asia/Tokyo'), 'Asia/Tokyo')).toBe('2026-11-23');
    expect(formatDate(startOfWeek(at, 1, 'UTC'), 'UTC')).toBe('2026-11-16');
    expect(new Date(startOfWeek(at, 1, 'Asia/Tokyo')).toISOString()).toBe('2026-11-22T15:00:00.000Z');
    // Sunday-start weeks in New York.
    expect(formatDate(startOfWeek(at, 0, 'America/New_York'), 'America/New_York')).toBe('2026-11-22');
  });
});

describe('zones that are UTC all year', () => {
  it('read the same calendar as TZDate, to the digit, over random instants of years -100 to 12000', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const low = Date.UTC(-100, 0, 1);
    const high = Date.UTC(12_000, 0, 1);
    const instants = [
      0,
      -1,
      1,
      86_400_000 - 1,
      86_400_000,
      -86_400_000,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 12),
    ];
    for (let i = 0; i < 2_000; i += 1) instants.push(Math.floor(low + random() * (high - low)));
    for (const zone of [
      'UTC',
      'Etc/UTC',
      'Etc/GMT',
      'GMT',
      'Etc/Universal',
      'Etc/Zulu',
      'Universal',
      'Zulu',
    ]) {
      for (const at of instants) {
        const d = new TZDate(at, zone);
        expect(formatDate(at, zone)).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
        expect(calendarParts(at, zone)).toEqual({
          year: d.getFullYear(),
          month: d.getMonth() + 1,
          day: d.getDate(),
        });
        expect(weekday(at, zone)).toBe(d.getDay());
      }
    }
  });
});
