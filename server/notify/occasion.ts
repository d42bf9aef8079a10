import { TZDate } from '@date-fns/tz';
import {
  addDays,
  calendarParts,
  formatDate,
  type Instant,
  isValidTimeZone,
  startOfDay,
  weekday,
} from '../../core/time';

/** A check-in occasion: the instant of the workspace's check-in day and hour in one time zone, and its local date. */
export interface Occasion {
  at: Instant;
  /** `YYYY-MM-DD` in the person's time zone: the period part of a reminder's key. */
  date: string;
}

/**
 * The latest check-in occasion at or before `at`: weekday `day` (0 Sunday) at `hour` local time in
 * `timeZone` (an unknown zone falls back to `fallbackZone`). A reminder belongs to the occasion,
 * so a node that starts late in the week still finds (and sends, once) that week's reminder.
 *
 * @example
 * latestOccasion(Date.UTC(2026, 9, 13, 12), 1, 9, 'Europe/Berlin').date // '2026-10-12'
 */
export function latestOccasion(
  at: Instant,
  day: number,
  hour: number,
  timeZone: string,
  fallbackZone = 'UTC',
): Occasion {
  const zone = isValidTimeZone(timeZone) ? timeZone : fallbackZone;
  const back = (weekday(at, zone) - day + 7) % 7;
  for (const days of [back, back + 7]) {
    const { year, month, day: date } = calendarParts(addDays(startOfDay(at, zone), -days, zone), zone);
    const occasion = +new TZDate(year, month - 1, date, hour, 0, 0, 0, zone);
    if (occasion <= at) return { at: occasion, date: formatDate(occasion, zone) };
  }
  throw new Error('unreachable: an occasion lies within the last 14 days');
}
