import { zonedDayStart } from '../../core/time';
import { type CalendarEvent, utcStamp, writeCalendar } from './ical';
import { vtimezone } from './timezone';

/** What a person's feed is made of. */
export interface FeedInput {
  person: { id: string; name: string; timeZone: string };
  /** The workspace's check-in day (0 Sunday to 6 Saturday) and hour (0-23), in each person's time zone. */
  checkin: { day: number; hour: number };
  /** The person's own SMART goals (dropped ones left out by the caller). */
  goals: { id: string; title: string; dueDate: string; state: string; definitionOfDone: string | null }[];
  cycles: { id: string; name: string; startDate: string; endDate: string; state: string }[];
  /** Where Tandem's pages are (TANDEM_PUBLIC_URL), for each event's link. */
  publicUrl: string;
  /** When the feed is written (DTSTAMP). */
  at: number;
}

export const PRODID = '-//Tandem//Calendar feed 1//EN';
const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const vtimezones = new Map<string, string[]>();

/** A zone's VTIMEZONE for a reference year, remembered (working it out asks Intl a few thousand times). */
function cachedVtimezone(timeZone: string, year: number): string[] {
  const key = `${timeZone}\u0000${year}`;
  let lines = vtimezones.get(key);
  if (!lines) {
    lines = vtimezone(timeZone, year);
    if (vtimezones.size >= 500) vtimezones.clear();
    vtimezones.set(key, lines);
  }
  return lines;
}

/** The first date on or after `date` (`YYYY-MM-DD`) that falls on `weekday`. */
export function firstWeekdayOnOrAfter(date: string, weekday: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  at.setUTCDate(at.getUTCDate() + ((weekday - at.getUTCDay() + 7) % 7));
  return at.toISOString().slice(0, 10);
}

/**
 * The weekly check-in: at the workspace's day and hour in the person's time zone, from the first
 * such day of the earliest cycle not closed to the last one of the latest, none when every
 * cycle is closed. One UID per person, so a calendar updates the series in place.
 */
function checkinEvent(input: FeedInput): CalendarEvent | undefined {
  const open = input.cycles.filter((c) => c.state !== 'closed');
  if (open.length === 0) return undefined;
  const start = open.map((c) => c.startDate).sort()[0]!;
  const end = open
    .map((c) => c.endDate)
    .sort()
    .at(-1)!;
  const first = firstWeekdayOnOrAfter(start, input.checkin.day);
  const [y, m, d] = end.split('-').map(Number) as [number, number, number];
  const hour = String(input.checkin.hour).padStart(2, '0');
  const lastMoment = zonedDayStart(y, m, d, input.person.timeZone) + input.checkin.hour * 3_600_000;
  return {
    uid: `check-in-${input.person.id}@tandem`,
    summary: 'Tandem check-in',
    description: 'Update your goals: the value, a confidence and a note. It takes a minute.',
    url: `${input.publicUrl}/check-in`,
    start: { localTime: `${first}T${hour}:00`, timeZone: input.person.timeZone },
    durationMinutes: 15,
    rrule: `FREQ=WEEKLY;BYDAY=${BYDAY[input.checkin.day]};UNTIL=${utcStamp(lastMoment)}`,
    categories: ['Tandem'],
  };
}

/**
 * A person's calendar feed as iCalendar text: an all-day event on the due date of each of their
 * SMART goals, the weekly check-in (a recurring event in their time zone, with its VTIMEZONE),
 * and an all-day event on the last day of each cycle. UIDs are stable per item
 * (`smart-goal-<id>@tandem`, `check-in-<person>@tandem`, `cycle-end-<id>@tandem`).
 *
 * @example
 * const ics = calendarFeed({ person, checkin: { day: 1, hour: 9 }, goals, cycles, publicUrl, at: Date.now() });
 */
export function calendarFeed(input: FeedInput): string {
  const events: CalendarEvent[] = [];
  for (const goal of input.goals) {
    const done = goal.state === 'done' ? ' (done)' : goal.state === 'missed' ? ' (missed)' : '';
    events.push({
      uid: `smart-goal-${goal.id}@tandem`,
      summary: `Due: ${goal.title}${done}`,
      description: goal.definitionOfDone ? `Done when: ${goal.definitionOfDone}` : undefined,
      url: `${input.publicUrl}/smart-goals/${encodeURIComponent(goal.id)}`,
      start: { date: goal.dueDate },
      categories: ['Tandem', 'SMART goal'],
    });
  }
  const checkin = checkinEvent(input);
  if (checkin) events.push(checkin);
  for (const cycle of input.cycles)
    events.push({
      uid: `cycle-end-${cycle.id}@tandem`,
      summary: `${cycle.name} ends`,
      description: 'The last day of the cycle: close-out follows.',
      start: { date: cycle.endDate },
      categories: ['Tandem', 'Cycle'],
    });
  const timeZones = new Map<string, string[]>();
  if (checkin && 'timeZone' in checkin.start) {
    const year = Number(checkin.start.localTime.slice(0, 4));
    timeZones.set(checkin.start.timeZone, cachedVtimezone(checkin.start.timeZone, year));
  }
  return writeCalendar({
    prodId: PRODID,
    name: `Tandem: ${input.person.name}`,
    stamp: input.at,
    refreshMinutes: 60,
    events,
    timeZones,
  });
}
