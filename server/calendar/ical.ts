/**
 * A small iCalendar (RFC 5545) writer: what Tandem's calendar feed needs and no more. Lines end
 * in CRLF and are folded at 75 octets (never inside a UTF-8 character); TEXT values escape `\`,
 * `;`, `,` and newlines; every TZID has its VTIMEZONE, derived from the runtime's time zone data
 * (`timezone.ts`). Pure: no clock, no I/O.
 */

/** When an event happens: a whole day (`2026-11-30`), or a local time in a time zone. */
export type EventStart = { date: string } | { localTime: string; timeZone: string };

/** One VEVENT. */
export interface CalendarEvent {
  /** Stable across feeds: a calendar recognises an item it has seen by it. */
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  /** `{ date }`: an all-day event (one day long); `{ localTime: '2026-10-05T09:00', timeZone }`: timed. */
  start: EventStart;
  /** Length of a timed event (default 15 minutes). */
  durationMinutes?: number;
  /** A recurrence rule such as `FREQ=WEEKLY;BYDAY=MO` (RFC 5545 3.3.10), written as given. */
  rrule?: string;
  categories?: string[];
}

/** A whole calendar. */
export interface Calendar {
  /** PRODID, such as `-//Tandem//Calendar feed//EN`. */
  prodId: string;
  name: string;
  /** DTSTAMP of every event: when this feed was written (epoch ms). */
  stamp: number;
  /** How often clients should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  refreshMinutes: number;
  events: CalendarEvent[];
  /** The VTIMEZONE of each time zone a timed event names (see `vtimezone`). */
  timeZones: Map<string, string[]>;
}

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
 *
 * @example
 * escapeText('Grow, then; win\n') // 'Grow\\, then\\; win\\n'
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): continuation lines start with one space; a
 * UTF-8 character (an emoji is four octets) is never split.
 *
 * @example
 * foldLine('SUMMARY:' + 'x'.repeat(100)) // two lines joined by CRLF + space
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = octets(char);
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + length > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `2026-10-15T12:00:00.000Z` as `20261015T120000Z`. */
export function utcStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** `2026-11-30` as `20261130`. */
const compactDate = (date: string) => date.replace(/-/g, '');

/** The day after a `YYYY-MM-DD` date. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** `2026-10-05T09:00` as `20261005T090000`. */
const compactLocal = (local: string) => `${local.replace(/[-:]/g, '').slice(0, 13)}00`;

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
  if ('date' in event.start) {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(event.start.date)}`);
    lines.push(`DTEND;VALUE=DATE:${compactDate(nextDate(event.start.date))}`);
    lines.push('TRANSP:TRANSPARENT');
  } else {
    lines.push(`DTSTART;TZID=${event.start.timeZone}:${compactLocal(event.start.localTime)}`);
    lines.push(`DURATION:PT${event.durationMinutes ?? 15}M`);
  }
  if (event.rrule) lines.push(`RRULE:${event.rrule}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL;VALUE=URI:${event.url}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * Writes a calendar as iCalendar text: CRLF line endings, folded lines, a VTIMEZONE for each
 * time zone used, DTSTAMP on every event.
 *
 * @example
 * const ics = writeCalendar({ prodId, name: 'Tandem', stamp: Date.now(), refreshMinutes: 60, events, timeZones });
 */
export function writeCalendar(calendar: Calendar): string {
  const stamp = utcStamp(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
    `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
  ];
  const used = new Set<string>();
  for (const event of calendar.events) if ('timeZone' in event.start) used.add(event.start.timeZone);
  for (const zone of used) {
    const block = calendar.timeZones.get(zone);
    if (!block) throw new Error(`no VTIMEZONE for ${zone}`);
    lines.push(...block);
  }
  for (const event of calendar.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
