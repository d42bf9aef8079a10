/**
 * VTIMEZONE components (RFC 5545 3.6.5) from the runtime's time zone data (Intl), so a feed's
 * local times mean the same thing in every calendar application, daylight saving included.
 * A zone's changes in a reference year become yearly rules (`BYMONTH=3;BYDAY=-1SU`) when those
 * rules reproduce the next years' changes; otherwise the changes of the years around are listed
 * one by one. Pure (no clock): the reference year is a parameter.
 */

const HOUR = 3_600_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset from UTC in minutes of a time zone at an instant. */
export function offsetMinutes(at: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** A change of offset: the instant, and the offsets before and after. */
interface Change {
  at: number;
  from: number;
  to: number;
}

/** The changes of offset of a zone in a calendar year (UTC), found to the minute. */
export function offsetChanges(timeZone: string, year: number): Change[] {
  const changes: Change[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let at = Date.UTC(year, 0, 1);
  let offset = offsetMinutes(at, timeZone);
  for (let next = at + 6 * HOUR; next <= end; at = next, next += 6 * HOUR) {
    const after = offsetMinutes(next, timeZone);
    if (after === offset) continue;
    let lo = at;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) === offset) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: offset, to: after });
    offset = after;
  }
  return changes;
}

/** `+0130`, `-0500`. */
const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** The local wall time just before a change, as `YYYYMMDDTHHMMSS` and its calendar parts. */
function localBefore(change: Change) {
  const local = new Date(change.at + change.from * 60_000);
  const text = local.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return {
    text,
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
    time: text.slice(9),
  };
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The yearly rule of a change: its month, and the n-th (or last) weekday. */
function ruleOf(change: Change): { month: number; nth: number; weekday: number; time: string } {
  const local = localBefore(change);
  const isLast = local.day + 7 > daysIn(local.year, local.month);
  return {
    month: local.month,
    nth: isLast ? -1 : Math.ceil(local.day / 7),
    weekday: local.weekday,
    time: local.time,
  };
}

/** Whether a rule puts a change of `year` on the same local day and time as the zone does. */
function ruleMatches(rule: ReturnType<typeof ruleOf>, actual: Change | undefined, year: number): boolean {
  if (!actual) return false;
  const local = localBefore(actual);
  const other = ruleOf(actual);
  return (
    local.year === year &&
    other.month === rule.month &&
    other.nth === rule.nth &&
    other.weekday === rule.weekday &&
    other.time === rule.time
  );
}

function observance(change: Change, rrule?: string): string[] {
  const kind = change.to > change.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localBefore(change).text}`,
    `TZOFFSETFROM:${formatOffset(change.from)}`,
    `TZOFFSETTO:${formatOffset(change.to)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE of an IANA zone as content lines, valid from `year` on: a zone without daylight
 * saving is one STANDARD observance; one with yearly rules gets a DAYLIGHT and a STANDARD with
 * RRULEs; anything else lists its changes from `year - 1` to `year + 10`.
 *
 * @example
 * vtimezone('Europe/Berlin', 2026) // ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'BEGIN:DAYLIGHT', ...]
 */
export function vtimezone(timeZone: string, year: number): string[] {
  const head = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const changes = offsetChanges(timeZone, year);
  if (changes.length === 0) {
    const offset = formatOffset(offsetMinutes(Date.UTC(year, 6, 1), timeZone));
    return [
      ...head,
      'BEGIN:STANDARD',
      `DTSTART:${year - 1}0101T000000`,
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
  }
  const rules = changes.map(ruleOf);
  const isYearly =
    changes.length === 2 &&
    [1, 2, 3].every((ahead) => {
      const later = offsetChanges(timeZone, year + ahead);
      return later.length === 2 && rules.every((rule, i) => ruleMatches(rule, later[i], year + ahead));
    });
  if (isYearly)
    return [
      ...head,
      ...changes.flatMap((change, i) => {
        const rule = rules[i]!;
        return observance(change, `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.nth}${DAYS[rule.weekday]}`);
      }),
      'END:VTIMEZONE',
    ];
  const listed: Change[] = [];
  for (let y = year - 1; y <= year + 10; y++) listed.push(...offsetChanges(timeZone, y));
  return [...head, ...listed.flatMap((change) => observance(change)), 'END:VTIMEZONE'];
}
