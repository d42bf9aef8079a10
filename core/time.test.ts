import { describe, expect, it } from 'vitest';
import { addDays, dateWindow, formatDate, parseMoment, startOfWeek } from './time';

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
