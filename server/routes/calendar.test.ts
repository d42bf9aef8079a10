import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loggedPath } from '../app/middleware';
import { type Credentials, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

/**
 * The personal calendar feed over HTTP: created (and rotated) with a session or token, read
 * without one (the secret is the credential) as text/calendar that an independent parser
 * (ical.js) reads, holding the person's own SMART goals only, the check-in in their time zone and
 * the ends of cycles; revoked, rotated, unknown and malformed secrets all answer the same 404.
 */
describeEachDialect('the calendar feed', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let member: Credentials;
  const ownTitle = 'Launch the partner portal, phase 1; then celebrate 🎉 with the whole regional sales team';
  let othersGoalTitle: string;

  beforeAll(async () => {
    api = await testApi(dialect);
    const s = api.deps.services;
    org = await smallOrg(s);
    member = await api.tokenFor(org.member);
    await s.people.update(org.admin, org.member.personId, { timeZone: 'America/New_York' });
    const workspace = await s.workspaces.get(org.admin);
    await s.workspaces.updateSettings(org.admin, {
      version: workspace.version,
      settings: { checkinDay: 3, checkinHour: 8 },
    });
    const goal = { cycleId: org.cycleId, startDate: '2026-10-01', measure: { type: 'boolean' as const } };
    await s.smartGoals.create(org.member, {
      ...goal,
      title: ownTitle,
      dueDate: '2026-11-30',
      visibility: 'private',
    });
    othersGoalTitle = 'Colleague goal visible to everyone';
    await s.smartGoals.create(org.colleague, { ...goal, title: othersGoalTitle, dueDate: '2026-12-01' });
  });
  afterAll(() => api.dispose());

  const create = async (as: Credentials = member) => {
    const res = await api.call('POST', '/api/v1/people/me/calendar-feed', { as });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return new URL(res.body.url as string);
  };
  const read = (url: URL) => api.call('GET', url.pathname);

  it('creates a feed whose URL reads without a session, as a calendar ical.js parses', async () => {
    const url = await create();
    expect(url.pathname).toMatch(/^\/api\/v1\/calendar\/tdm_cal_[A-Za-z0-9_-]{43}\.ics$/);
    const res = await read(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = res.body as string;
    expect(text).toContain('\r\n');
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.reset();
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toContain(`Due: ${ownTitle}`);
    expect(text).not.toContain(othersGoalTitle);
    expect(summaries).toEqual(expect.arrayContaining(['2026-Q4 ends', '2027-Q1 ends', 'Tandem check-in']));
    const checkin = events.find((e) => e.summary === 'Tandem check-in')!;
    expect(checkin.startDate.zone?.tzid).toBe('America/New_York');
    expect(checkin.component.getFirstPropertyValue('rrule')!.toString()).toContain('BYDAY=WE');
    const first = checkin.iterator().next()!.toJSDate().toISOString();
    // The first Wednesday of 2026-Q4 at 08:00 in New York (EDT, UTC-4).
    expect(first).toBe('2026-10-07T12:00:00.000Z');
  });

  it('keeps the secret out of request logs', () => {
    expect(loggedPath(`/api/v1/calendar/tdm_cal_${'A'.repeat(43)}.ics`)).toBe(
      '/api/v1/calendar/tdm_cal_….ics',
    );
    expect(loggedPath('/api/v1/cycles/c1')).toBe('/api/v1/cycles/c1');
  });

  it('stores only a hash of the secret', async () => {
    const url = await create();
    const secret = url.pathname.split('/').at(-1)!.replace('.ics', '');
    const rows = await api.deps.db.kysely.selectFrom('calendarFeeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('rotates: the old URL stops working at once; revoking ends the new one', async () => {
    const old = await create();
    const fresh = await create();
    expect((await read(old)).status).toBe(404);
    expect((await read(fresh)).status).toBe(200);
    expect((await api.call('DELETE', '/api/v1/people/me/calendar-feed', { as: member })).status).toBe(200);
    expect((await read(fresh)).status).toBe(404);
    // Revoking again is fine.
    expect((await api.call('DELETE', '/api/v1/people/me/calendar-feed', { as: member })).status).toBe(200);
  });

  it('answers every unreadable feed with the same 404', async () => {
    const revoked = await create();
    await api.call('DELETE', '/api/v1/people/me/calendar-feed', { as: member });
    const unknown = `/api/v1/calendar/tdm_cal_${'A'.repeat(43)}.ics`;
    const answers = await Promise.all(
      [revoked.pathname, unknown, '/api/v1/calendar/nope.ics', '/api/v1/calendar/x', `${unknown}.txt`].map(
        (path) => api.call('GET', path),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect({ ...res.body.error, requestId: undefined }).toEqual({
        code: 'not_found',
        message: 'no calendar feed at this address',
        details: {},
        requestId: undefined,
      });
    }
  });

  it("ends with the person: a deactivated person's feed is a 404", async () => {
    const viewer = await api.tokenFor(org.viewer);
    const url = await create(viewer);
    expect((await read(url)).status).toBe(200);
    await api.deps.services.people.deactivate(org.admin, org.viewer.personId);
    expect((await read(url)).status).toBe(404);
  });

  it('needs a signed-in caller to create or revoke', async () => {
    expect((await api.call('POST', '/api/v1/people/me/calendar-feed')).status).toBe(401);
    expect((await api.call('DELETE', '/api/v1/people/me/calendar-feed')).status).toBe(401);
  });
});
