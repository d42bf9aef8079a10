import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { openApiDocument } from './app';
import { CSRF_HEADER, SESSION_COOKIE } from './middleware';
import { sessionFrom, type TestApi, testApi } from './test-client';

/**
 * Schema-guided fuzzing of every operation of the generated OpenAPI document, in-process: each
 * operation gets malformed and edge requests (wrong types, missing fields, huge numbers, NaN-ish
 * strings, odd bodies and content types, NUL characters, very long strings, unknown keys, odd path
 * ids and query values) as an admin with a session cookie and as nobody. No answer may be a 5xx,
 * every 4xx carries the error envelope, and every status is one the document lists. Seeded, so a
 * failure replays; `FUZZ_RUNS` raises the number of requests per operation.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
};
type Operation = {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = 20261201;

/** Strings that break naive code: NaN-ish, huge, negative, empty, long, NUL, control and odd unicode. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '2026-02-30',
  '2026-13-45T25:61:00Z',
  '9999-12-31',
  '../../etc/passwd',
  '%',
  '%zz',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e',
  '😀'.repeat(50),
  'x'.repeat(5000),
  "'; DROP TABLE people; --",
  '<script>alert(1)</script>',
);
const nastyNumber = fc.constantFrom(
  0,
  -1,
  1.5,
  -0,
  2 ** 31,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
);
/** Strings a real client sends, so that requests get past validation into the services. */
const realistic = fc.constantFrom(
  'Team B',
  'Grow revenue in the enterprise segment',
  'someone@org.test',
  'admin@org.test',
  '2026-11-01',
  '2026-12-31',
  '2026-11-01T10:00:00Z',
  '2026-Q4',
  'Europe/Berlin',
  'https://203.0.113.10/hook',
  'correct horse battery staple',
  'weekly',
);
const anyJson = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
);

function resolve(document: Document, schema: Schema): Schema {
  let current = schema;
  for (let i = 0; current.$ref && i < 10; i++) {
    current = document.components.schemas[current.$ref.split('/').at(-1) ?? ''] ?? {};
  }
  return current;
}

/** A value for a schema: mostly plausible (so requests reach the services), sometimes anything. */
function valueFor(document: Document, raw: Schema, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const choices = schema.oneOf ?? schema.anyOf;
  const plausible = (): fc.Arbitrary<unknown> => {
    if (choices && depth < 4) return fc.oneof(...choices.map((s) => valueFor(document, s, ids, depth + 1)));
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...ids) },
          { weight: 3, arbitrary: realistic },
          { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
          { weight: 1, arbitrary: nastyString },
        );
      case 'number':
      case 'integer': {
        const min = schema.minimum ?? -1000;
        const max = schema.maximum ?? 1000;
        return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), nastyNumber);
      }
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth < 4
          ? fc.array(valueFor(document, schema.items ?? {}, ids, depth + 1), { maxLength: 3 })
          : fc.constant([]);
      case 'object':
        return depth < 4 ? objectFor(document, schema, ids, depth + 1) : fc.constant({});
      default:
        return anyJson;
    }
  };
  return fc.oneof({ weight: 12, arbitrary: plausible() }, { weight: 1, arbitrary: anyJson });
}

/** An object of a schema: each property present or not, sometimes an unknown key or a missing required one. */
function objectFor(document: Document, schema: Schema, ids: readonly string[], depth: number) {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = properties.map(([name, property]) =>
    fc
      .tuple(fc.nat(9), valueFor(document, property, ids, depth))
      .map(([roll, value]) => ({ name, value, isPresent: required.has(name) ? roll > 0 : roll > 4 })),
  );
  return fc
    .tuple(fc.tuple(...fields), fc.option(fc.tuple(fc.string({ maxLength: 12 }), anyJson), { freq: 5 }))
    .map(([values, extra]) => {
      const object: Record<string, unknown> = {};
      for (const { name, value, isPresent } of values) if (isPresent) object[name] = value;
      if (extra) object[extra[0]] = extra[1];
      return object;
    });
}

/** Whole bodies that are wrong before any field is read. */
const oddBody = fc.constantFrom(
  '',
  ' ',
  'null',
  '[]',
  '"text"',
  '1',
  'true',
  '{',
  '{"a":1,}',
  '\u0000',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"x":"${'y'.repeat(200_000)}"}`,
  JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
);
const oddContentType = fc.constantFrom(
  undefined,
  '',
  'application/json;',
  'application/json charset',
  'application/json, text/plain',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'APPLICATION/JSON; charset=utf-8',
);
/** `encodeURIComponent`, with lone surrogates (which it refuses) sent as the raw bytes of one. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}
const pathValue = (ids: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids).map(encode) },
    { weight: 2, arbitrary: nastyString.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%2F', '..', '.', 'a%20b', '%C0%AF', '~') },
  );
const queryValue = (ids: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...ids),
    nastyString,
    fc.string({ maxLength: 20 }),
    fc.constantFrom('-5', '0', '501', '1.5', 'abc', '1e999'),
  );

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function requestFor(document: Document, path: string, method: string, op: Operation, ids: readonly string[]) {
  const parameters = op.parameters ?? [];
  const schema = op.requestBody?.content['application/json']?.schema;
  const goodBody = schema
    ? valueFor(document, schema, ids).map((v) => JSON.stringify(v))
    : fc.constant(undefined as string | undefined);
  const body = schema
    ? fc.oneof({ weight: 5, arbitrary: goodBody }, { weight: 1, arbitrary: oddBody })
    : method === 'get'
      ? fc.constant(undefined)
      : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: oddBody });
  return fc
    .record({
      path: fc.tuple(...parameters.filter((p) => p.in === 'path').map(() => pathValue(ids)), fc.constant(0)),
      query: fc.tuple(
        ...parameters
          .filter((p) => p.in === 'query')
          .map((p) => fc.option(queryValue(ids), { freq: 3 }).map((v) => [p.name, v] as const)),
        fc.constant(['', null] as const),
      ),
      headers: fc.tuple(
        ...parameters
          .filter((p) => p.in === 'header')
          .map((p) => fc.option(fc.string({ maxLength: 300 }), { freq: 2 }).map((v) => [p.name, v] as const)),
        fc.constant(['', null] as const),
      ),
      extraQuery: fc.option(fc.tuple(fc.constantFrom('limit', 'cursor', 'x', 'id'), queryValue(ids)), {
        freq: 4,
      }),
      body,
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: oddContentType },
      ),
    })
    .map(({ path: values, query, headers, extraQuery, body, type }): FuzzRequest => {
      let i = 0;
      const filled = path.replace(/\{[^}]+\}/g, () => String(values[i++] ?? ''));
      const search = new URLSearchParams();
      for (const [name, value] of query) if (name && value !== null) search.append(name, value);
      if (extraQuery) search.append(extraQuery[0], extraQuery[1]);
      const h: Record<string, string> = {};
      for (const [name, value] of headers)
        if (name && value !== null) h[name] = value.replace(/[^\t\x20-\x7e]/g, '?');
      if (body !== undefined && type !== undefined) h['Content-Type'] = type;
      const qs = search.toString();
      return { method: method.toUpperCase(), url: qs ? `${filled}?${qs}` : filled, headers: h, body };
    });
}

describeEachDialect('fuzzing every OpenAPI operation', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let document: Document;
  let session: { cookie: string; csrf: string };
  let ids: string[];
  const password = 'correct horse battery staple';

  async function signIn() {
    const res = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: 'admin@org.test', password },
      headers: { 'X-Forwarded-For': '203.0.113.1' },
    });
    expect(res.status).toBe(200);
    session = sessionFrom(res);
  }

  beforeAll(async () => {
    api = await testApi(dialect, { isProxyTrusted: true });
    org = await smallOrg(api.deps.services);
    await api.deps.accounts.grantSignIn(org.workspaceId, org.admin.personId, password);
    await signIn();
    document = openApiDocument(api.app) as unknown as Document;
    const smart = await api.deps.services.smartGoals.create(org.member, {
      cycleId: org.cycleId,
      title: 'Publish the onboarding guide',
      measure: { type: 'boolean' },
      startDate: '2026-10-01',
      dueDate: '2026-12-15',
    });
    ids = [
      org.workspaceId,
      org.admin.personId,
      org.member.personId,
      org.companyId,
      org.teamId,
      org.cycleId,
      org.nextCycleId,
      org.objectiveId,
      org.krId,
      org.alignedKrId,
      smart.id,
      'key_result',
      'smart_goal',
      'objective',
      'no-such-id',
    ];
  });
  afterAll(() => api.dispose());

  it('answers thousands of malformed requests with a 4xx and the envelope, never a 5xx', async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        // The live stream never ends on success; its validation is covered in stream.test.ts.
        if (path === '/api/v1/stream') continue;
        const documented = new Set(Object.keys(op.responses).map(Number));
        await fc.assert(
          fc.asyncProperty(
            requestFor(document, path, method, op, ids),
            fc.boolean(),
            async (request, isAdmin) => {
              const headers: Record<string, string> = {
                ...request.headers,
                'X-Forwarded-For': '198.51.100.7',
              };
              if (isAdmin) {
                headers.Cookie = `${SESSION_COOKIE}=${session.cookie}`;
                headers[CSRF_HEADER] = session.csrf;
              }
              const res = await api.app.request(request.url, {
                method: request.method,
                headers,
                ...(request.body === undefined ? {} : { body: request.body }),
              });
              sent++;
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              const text = await res.text();
              const where = `${request.method} ${request.url.slice(0, 200)} (${isAdmin ? 'admin' : 'anonymous'}, body ${JSON.stringify(request.body?.slice(0, 200))}, type ${request.headers['Content-Type']}) -> ${res.status} ${text.slice(0, 300)}`;
              if (res.status >= 500) {
                if (failures.length < 3) console.error(where);
                failures.push(where);
              }
              if (res.status >= 400) {
                const body = JSON.parse(text);
                if (
                  typeof body?.error?.code !== 'string' ||
                  typeof body.error.message !== 'string' ||
                  typeof body.error.details !== 'object' ||
                  body.error.requestId !== res.headers.get('x-request-id')
                )
                  failures.push(`no envelope: ${where}`);
              }
              if (
                !documented.has(res.status) &&
                !(res.status === 404 && /\/(%2F|\.\.?|)(\/|$|\?)/.test(request.url))
              )
                failures.push(`undocumented ${res.status}: ${where}`);
              // Keep the admin signed in whatever the fuzz did (signed out, revoked, changed the password).
              if (isAdmin && /auth\/(signout|password)/.test(path)) await signIn();
              return true;
            },
          ),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    console.info(
      `fuzz [${dialect}]: ${sent} requests, by status ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 120_000);
});
