import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_LIMITS } from '../../core/errors';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { openApiDocument } from './app';
import { isJsonContentType } from './middleware';
import type { TestApi, TestResponse } from './test-client';
import { testApi } from './test-client';

/** Every 4xx carries the envelope, with the request id of its response. */
function expectEnvelope(res: TestResponse, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(res.body.error.details).toBeTypeOf('object');
  expect(res.body.error.requestId).toBe(res.headers.get('x-request-id'));
}

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/json; charset=utf-8', true],
    ['application/json;charset="UTF-8"', true],
    ['application/json; foo=bar', true],
    ['', false],
    ['application/json;', false],
    ['application/json charset', false],
    ['application/json, text/plain', false],
    ['application/json; charset=latin1', false],
    ['application/vnd.api+json', false],
    ['text/plain', false],
    ['multipart/form-data; boundary=x', false],
  ])('%j is JSON: %s', (type, expected) => {
    expect(isJsonContentType(type)).toBe(expected);
  });
});

describeEachDialect('malformed requests answer 4xx with the envelope', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  let bodyRoutes: { method: string; path: string }[];
  beforeAll(async () => {
    api = await testApi(dialect);
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    const document = openApiDocument(api.app) as unknown as { paths: Record<string, Record<string, object>> };
    bodyRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => 'requestBody' in op)
        .map(([method, _]) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, org.krId) })),
    );
  });
  afterAll(() => api.dispose());

  it('refuses every odd Content-Type with a 415 on every route with a JSON body', async () => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(25);
    const odd = [
      '',
      'application/json;',
      'application/json charset',
      'application/json, text/plain',
      'text/plain',
      'multipart/form-data; boundary=x',
    ];
    for (const { method, path } of bodyRoutes) {
      for (const type of odd) {
        const res = await api.call(method, path, {
          as: admin,
          body: '{}',
          headers: { 'Content-Type': type },
        });
        expectEnvelope(res, 415);
        expect(res.body.error.details.issues[0].path).toBe('(headers).content-type');
      }
    }
  });

  it('accepts application/json with a charset, in any case', async () => {
    const res = await api.call('POST', '/api/v1/units', {
      as: admin,
      body: { name: 'Charset' },
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' },
    });
    expect(res.status).toBe(201);
  });

  it('refuses a body sent without a Content-Type', async () => {
    const res = await api.app.request('/api/v1/units', {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.bearer}`, 'Content-Length': '2' },
      body: new Blob(['{}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(415);
  });

  it('answers an empty PATCH on every resource with the resource as it is, writing nothing', async () => {
    const s = api.deps.services;
    const smart = await s.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Ship the onboarding guide by December',
      ownerId: org.member.personId,
      measure: { type: 'boolean' },
      startDate: '2026-10-01',
      dueDate: '2026-12-15',
    });
    const hook = await s.webhooks.create(org.admin, { url: 'https://hooks.example.com/hook', events: ['*'] });
    const objective = (await api.call('GET', `/api/v1/objectives/${org.objectiveId}`, { as: admin })).body;
    const kr = (await api.call('GET', `/api/v1/key-results/${org.krId}`, { as: admin })).body;
    const workspace = (await api.call('GET', '/api/v1/workspace', { as: admin })).body;
    const cases: [string, unknown, number | undefined][] = [
      [`/api/v1/people/${org.member.personId}`, {}, undefined],
      [`/api/v1/units/${org.teamId}`, {}, undefined],
      [`/api/v1/objectives/${org.objectiveId}`, { version: objective.version }, objective.version],
      [`/api/v1/key-results/${org.krId}`, { version: kr.version }, kr.version],
      [`/api/v1/smart-goals/${smart.id}`, { version: smart.version }, smart.version],
      [`/api/v1/webhooks/${hook.id}`, { version: hook.version }, hook.version],
      ['/api/v1/workspace/settings', { version: workspace.version }, workspace.version],
      ['/api/v1/workspace/settings', { version: workspace.version, settings: {} }, workspace.version],
    ];
    const eventsBefore = await api.test.db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [path, body, version] of cases) {
      const before = await api.call('GET', path.replace('/settings', ''), { as: admin });
      const res = await api.call('PATCH', path, { as: admin, body });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
      if (version !== undefined) expect(res.body.version).toBe(version);
      if (before.status === 200) expect(res.body.id).toBe(before.body.id);
    }
    const eventsAfter = await api.test.db.kysely
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n));
    const stale = await api.call('PATCH', `/api/v1/objectives/${org.objectiveId}`, {
      as: admin,
      body: { version: objective.version + 5 },
    });
    expectEnvelope(stale, 409);
    // A change of one setting keeps the others (it used to reset them to their defaults).
    const zone = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version: workspace.version, settings: { timeZone: 'Europe/Berlin' } },
    });
    const hour = await api.call('PATCH', '/api/v1/workspace/settings', {
      as: admin,
      body: { version: zone.body.version, settings: { checkinHour: 10 } },
    });
    expect(hour.body.settings).toMatchObject({ timeZone: 'Europe/Berlin', checkinHour: 10 });
    // A real change still steps the version.
    const changed = await api.call('PATCH', `/api/v1/objectives/${org.objectiveId}`, {
      as: admin,
      body: { version: objective.version, title: 'Delight our customers every single week' },
    });
    expect(changed.body.version).toBe(objective.version + 1);
  });

  it('keeps the answer to 12,000 unknown keys small, on a route and in a service', async () => {
    const keys = Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`unknown_key_${i}`, i]));
    for (const [path, body] of [
      ['/api/v1/units', { name: 'x', ...keys }],
      ['/api/v1/coach/lint', { goals: { version: 1, cycle: '2026-Q4', ...keys } }],
      ['/api/v1/advisor', { ...keys }],
    ] as const) {
      const res = await api.call('POST', path, { as: admin, body });
      expectEnvelope(res, 400);
      expect(JSON.stringify(res.body).length).toBeLessThan(40_000);
      expect(res.body.error.details.issues.length).toBeLessThanOrEqual(ISSUE_LIMITS.count);
      for (const issue of res.body.error.details.issues)
        expect(issue.message.length).toBeLessThanOrEqual(ISSUE_LIMITS.messageLength);
    }
    const unit = await api.call('POST', '/api/v1/units', { as: admin, body: { name: 'x', ...keys } });
    expect(unit.body.error.details.omittedIssues).toBe(12_000 - ISSUE_LIMITS.count);
    expect(unit.body.error.details.issues[0]).toEqual({ path: 'unknown_key_0', message: 'unknown field' });
  });

  it('refuses a NUL character in path ids, query values and any string of a body', async () => {
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/v1/objectives/${org.objectiveId}%00`],
      ['GET', '/api/v1/people/a%00b'],
      ['GET', `/api/v1/objectives?owner=a%00`],
      ['GET', `/api/v1/check-ins?goalType=key_result&goalId=${org.krId}%00`],
      ['POST', '/api/v1/units', { name: 'Team\u0000B' }],
      ['POST', '/api/v1/check-ins', { goalType: 'key_result', goalId: org.krId, value: 5, note: 'a\u0000' }],
      ['PATCH', `/api/v1/people/${org.member.personId}`, { name: '\u0000' }],
      ['POST', '/api/v1/coach/lint', { yaml: 'version: 1\u0000' }],
      ['POST', '/api/v1/coach/lint', { goals: { 'key\u0000': 1 } }],
      ['POST', '/api/v1/auth/signin', { email: 'a@b.test\u0000', password: 'correct horse battery' }],
    ];
    for (const [method, path, body] of requests) {
      const res = await api.call(method, path, { as: admin, body });
      expectEnvelope(res, 400);
      expect(res.body.error.code).toBe('validation');
      expect(res.body.error.details.issues[0].message).toContain('NUL');
    }
    const note = await api.call('POST', '/api/v1/check-ins', {
      as: admin,
      body: { goalType: 'key_result', goalId: org.krId, value: 5, note: 'fine\\u0000 as text' },
    });
    expect(note.status).toBe(201);
  });

  it('answers YAML aliases, alias bombs and deep nesting sent to the coach with a 400 naming the line', async () => {
    const bomb = [
      'version: 1',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ].join('\n');
    const deepFlow = `version: 1\ngoals: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
    const deepBlock = `version: 1\ngoals:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`;
    const cases: [unknown, RegExp][] = [
      [{ yaml: 'version: 1\ncycle: *nope\n' }, /unresolved alias \*nope \(line 2, column 8\)/],
      [{ yaml: bomb }, /aliases expand to too many nodes.*\(line 3/],
      [{ yaml: deepFlow }, /nested more than 64 levels deep \(line 2/],
      [{ yaml: deepBlock }, /nested more than 64 levels deep \(line 67/],
    ];
    for (const [body, message] of cases) {
      const res = await api.call('POST', '/api/v1/coach/lint', { as: admin, body });
      expectEnvelope(res, 400);
      expect(res.body.error.details.issues[0].message).toMatch(message);
    }
    const deep = `{"goals":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`;
    const object = await api.call('POST', '/api/v1/coach/lint', { as: admin, body: deep });
    expectEnvelope(object, 400);
    expect(object.body.error.details.issues[0]).toMatchObject({ path: 'goals' });
    // Any JSON body nested 100,000 deep is a plain 400, never a stack overflow.
    const deepest = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expectEnvelope(await api.call('POST', '/api/v1/units', { as: admin, body: deepest }), 400);
  });

  it('bounds the goals file the coach parses: lines and characters', async () => {
    const long = `version: 1\n${'# a comment\n'.repeat(2500)}`;
    const lines = await api.call('POST', '/api/v1/coach/lint', { as: admin, body: { yaml: long } });
    expectEnvelope(lines, 400);
    expect(lines.body.error.details.issues[0]).toEqual({ path: 'yaml', message: 'at most 2000 lines' });
    const wide = await api.call('POST', '/api/v1/coach/lint', {
      as: admin,
      body: { goals: { version: 1, cycle: '2026-Q4', notes: 'x'.repeat(300_000) } },
    });
    expectEnvelope(wide, 400);
    expect(wide.body.error.details.issues[0].path).toBe('goals');
  });
});

describe('the OpenAPI document', () => {
  it('documents 413 and 415 on every operation with a body (every write), and the common errors on every operation', async () => {
    const api = await testApi('sqlite');
    try {
      const document = openApiDocument(api.app) as unknown as {
        paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
      };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          const codes = Object.keys(op.responses);
          const where = `${method} ${path}`;
          expect(codes, where).toContain('400');
          if (op.requestBody || method !== 'get')
            expect(codes, where).toEqual(expect.arrayContaining(['413', '415']));
          else expect(codes, where).not.toContain('415');
        }
      }
      expect(Object.keys(document.paths['/api/health']?.get?.responses ?? {})).not.toContain('401');
    } finally {
      await api.dispose();
    }
  });
});
