import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFeed, type FeedInput, firstWeekdayOnOrAfter } from './feed';
import { escapeText, foldLine } from './ical';
import { vtimezone } from './timezone';

/**
 * The iCalendar writer against RFC 5545, checked with an independent parser (ical.js, as
 * calendar applications built on it read feeds): escaping, folding at 75 octets without splitting
 * a character, CRLF, VTIMEZONEs that put local times at the right instants across daylight
 * saving, and the feed's events.
 */

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Parses a feed the way a client does: the VTIMEZONEs it carries registered first. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

const input = (overrides: Partial<FeedInput> = {}): FeedInput => ({
  person: { id: 'p1', name: 'Ana Silva', timeZone: 'Europe/Berlin' },
  checkin: { day: 1, hour: 9 },
  goals: [
    {
      id: 'g1',
      title:
        'Launch the partner portal, phase 1; then review 🚀 with every regional sales lead and the support team',
      dueDate: '2026-11-30',
      state: 'open',
      definitionOfDone: 'Live for 3 partners\nwith SSO',
    },
    { id: 'g2', title: 'Certify', dueDate: '2026-12-15', state: 'done', definitionOfDone: null },
  ],
  cycles: [
    { id: 'c1', name: '2026-Q4', startDate: '2026-10-01', endDate: '2026-12-31', state: 'active' },
    { id: 'c0', name: '2026-Q3', startDate: '2026-07-01', endDate: '2026-09-30', state: 'closed' },
  ],
  publicUrl: 'https://okr.example.com',
  at: Date.UTC(2026, 9, 15, 12),
  ...overrides,
});

describe('content lines', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets and never inside a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(30)}🚀${'x'.repeat(100)}🚀🚀`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const [i, part] of folded.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('the feed', () => {
  const ics = calendarFeed(input());

  it('is RFC 5545 text: CRLF only, lines at most 75 octets, a PRODID, DTSTAMP on every event', () => {
    expect(
      ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Calendar feed 1//EN\r\n'),
    ).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const { events } = parse(ics);
    for (const event of events) expect(event.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
  });

  it('has an all-day event on each SMART goal due date, the title with commas and an emoji intact', () => {
    const { events } = parse(ics);
    const due = events.find((e) => e.uid === 'smart-goal-g1@tandem')!;
    expect(due.summary).toBe(`Due: ${input().goals[0]!.title}`);
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe('2026-11-30');
    expect(due.endDate.toString()).toBe('2026-12-01');
    expect(due.description).toBe('Done when: Live for 3 partners\nwith SSO');
    expect(due.component.getFirstPropertyValue('url')).toBe('https://okr.example.com/smart-goals/g1');
    expect(events.find((e) => e.uid === 'smart-goal-g2@tandem')!.summary).toBe('Due: Certify (done)');
    // The long title was folded, and unfolds to the same text.
    expect(ics).toMatch(/SUMMARY:Due: Launch the partner portal\\, phase 1\\; then review[^\r]*\r\n /);
  });

  it("has the weekly check-in at 09:00 in the person's time zone, across daylight saving", () => {
    const { events } = parse(ics);
    const checkin = events.find((e) => e.uid === 'check-in-p1@tandem')!;
    expect(checkin.isRecurring()).toBe(true);
    expect(checkin.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(checkin.component.getFirstPropertyValue('rrule')!.toString()).toMatch(/FREQ=WEEKLY;.*BYDAY=MO/);
    const it = checkin.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    // Mondays from 5 Oct (the first Monday of the open cycle) to 28 Dec: CEST, then CET after 25 Oct.
    expect(starts[0]).toBe('2026-10-05T07:00:00.000Z');
    expect(starts[3]).toBe('2026-10-26T08:00:00.000Z');
    expect(starts.at(-1)).toBe('2026-12-28T08:00:00.000Z');
    expect(starts).toHaveLength(13);
    expect(checkin.duration.toSeconds()).toBe(15 * 60);
  });

  it('has the end of each cycle, and no check-in when every cycle is closed', () => {
    const { events } = parse(ics);
    expect(events.find((e) => e.uid === 'cycle-end-c1@tandem')).toMatchObject({ summary: '2026-Q4 ends' });
    expect(events.find((e) => e.uid === 'cycle-end-c1@tandem')!.startDate.toString()).toBe('2026-12-31');
    const closed = parse(calendarFeed(input({ cycles: [input().cycles[1]!] })));
    expect(closed.events.map((e) => e.uid)).toEqual([
      'smart-goal-g1@tandem',
      'smart-goal-g2@tandem',
      'cycle-end-c0@tandem',
    ]);
    expect(closed.calendar.getAllSubcomponents('vtimezone')).toEqual([]);
  });

  it('keeps UIDs stable from one read to the next', () => {
    const later = calendarFeed(input({ at: Date.UTC(2026, 10, 1) }));
    expect(parse(later).events.map((e) => e.uid)).toEqual(parse(ics).events.map((e) => e.uid));
  });
});

describe('time zones', () => {
  /** Where 09:00 local on a date lands, read back through the VTIMEZONE by ical.js. */
  function nineAm(timeZone: string, date: string): string {
    const ics = calendarFeed(
      input({
        person: { id: 'p', name: 'P', timeZone },
        checkin: { day: new Date(`${date}T00:00:00Z`).getUTCDay(), hour: 9 },
        goals: [],
        cycles: [{ id: 'c', name: 'C', startDate: date, endDate: date, state: 'active' }],
      }),
    );
    return parse(ics)
      .events.find((e) => e.uid === 'check-in-p@tandem')!
      .startDate.toJSDate()
      .toISOString();
  }

  it.each([
    ['America/New_York', '2026-07-06', '2026-07-06T13:00:00.000Z'],
    ['America/New_York', '2026-12-07', '2026-12-07T14:00:00.000Z'],
    ['Australia/Sydney', '2026-07-06', '2026-07-05T23:00:00.000Z'],
    ['Australia/Sydney', '2026-12-07', '2026-12-06T22:00:00.000Z'],
    ['Asia/Kolkata', '2026-12-07', '2026-12-07T03:30:00.000Z'],
    ['UTC', '2026-12-07', '2026-12-07T09:00:00.000Z'],
    ['Asia/Jerusalem', '2027-07-05', '2027-07-05T06:00:00.000Z'],
    ['America/Santiago', '2028-12-04', '2028-12-04T12:00:00.000Z'],
  ])('puts 09:00 in %s on %s at %s', (zone, date, utc) => {
    expect(nineAm(zone, date)).toBe(utc);
  });

  it('writes yearly rules where the zone follows them', () => {
    expect(vtimezone('Europe/Berlin', 2026)).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(vtimezone('America/New_York', 2026)).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  });

  it('finds the first check-in day of a cycle', () => {
    expect(firstWeekdayOnOrAfter('2026-10-01', 1)).toBe('2026-10-05');
    expect(firstWeekdayOnOrAfter('2026-10-05', 1)).toBe('2026-10-05');
    expect(firstWeekdayOnOrAfter('2026-10-01', 4)).toBe('2026-10-01');
  });
});
