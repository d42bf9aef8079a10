import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../test/databases';
import { sessionFrom, type TestApi, testApi } from './test-client';

const maria = {
  email: 'maria@acme.test',
  password: 'correct horse battery',
  name: 'Maria',
  workspaceName: 'Acme',
};

describeEachDialect('HTTP platform and accounts', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(dialect);
  });
  afterAll(() => api.dispose());

  it('answers health with security headers and a request id', async () => {
    const res = await api.call('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: dialect });
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await api.call('GET', '/api/health', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
    const unsafe = await api.call('GET', '/api/health', { headers: { 'X-Request-Id': 'a b<script>' } });
    expect(unsafe.headers.get('x-request-id')).not.toContain('<');
  });

  it('answers unknown routes and anonymous calls with the error envelope', async () => {
    const missing = await api.call('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'not_found',
      requestId: missing.headers.get('x-request-id'),
    });
    const anonymous = await api.call('GET', '/api/v1/people');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    const badToken = await api.call('GET', '/api/v1/people', { as: { bearer: 'tdm_pat_nope' } });
    expect(badToken.status).toBe(401);
  });

  it('lists every validation issue, names unknown keys, and rejects malformed or non-JSON bodies', async () => {
    const res = await api.call('POST', '/api/v1/auth/signup', {
      body: { email: 'not-an-email', password: 'short', name: '', workspaceName: 'Acme', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['email', 'extra', 'name', 'password']);
    const malformed = await api.call('POST', '/api/v1/auth/signin', { body: '{"email":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation');
    const form = await api.call('POST', '/api/v1/auth/signin', {
      body: 'email=a',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('refuses bodies over the limit with 413 and the envelope', async () => {
    const small = await testApi(dialect, { bodyLimit: 2048 });
    try {
      const res = await small.call('POST', '/api/v1/auth/signin', {
        body: { email: 'a@b.test', password: 'x'.repeat(5000) },
      });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('validation');
    } finally {
      await small.dispose();
    }
  });

  it('lets the first person sign up, create the workspace and become its admin; later sign-ups need an invitation', async () => {
    expect((await api.call('GET', '/api/v1/auth/signup')).body).toEqual({ isOpen: true });
    const res = await api.call('POST', '/api/v1/auth/signup', { body: maria });
    expect(res.status).toBe(201);
    expect(res.body.person).toMatchObject({ email: 'maria@acme.test', role: 'admin' });
    expect(res.body.csrfToken).toEqual(expect.any(String));
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(JSON.stringify(res.body)).not.toContain(maria.password);
    expect((await api.call('GET', '/api/v1/auth/signup')).body).toEqual({ isOpen: false });
    const second = await api.call('POST', '/api/v1/auth/signup', {
      body: { ...maria, email: 'eve@evil.test', workspaceName: 'Evil' },
    });
    expect(second.status).toBe(403);
    const me = await api.call('GET', '/api/v1/auth/me', { as: sessionFrom(res) });
    expect(me.status).toBe(200);
    expect(me.body.workspace.name).toBe('Acme');
    // The company unit exists from the start, led by the admin, so the first objective is the
    // company's and shows on the company dashboard.
    const units = await api.call('GET', '/api/v1/units', { as: sessionFrom(res) });
    expect(units.body.items).toEqual([expect.objectContaining({ name: 'Acme', parentId: null })]);
    const company = await api.call('GET', `/api/v1/units/${units.body.items[0].id}`, {
      as: sessionFrom(res),
    });
    expect(company.body.leads).toEqual([res.body.person.id]);
  });

  it('signs in, protects unsafe requests with the CSRF token, and signs out', async () => {
    const wrong = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: maria.email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).not.toContain('not the password');
    const res = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: 'MARIA@acme.test', password: maria.password },
    });
    expect(res.status).toBe(200);
    const session = sessionFrom(res);
    const noCsrf = await api.call('POST', '/api/v1/units', {
      body: { name: 'Acme' },
      as: { cookie: session.cookie, csrf: 'wrong' },
    });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.details.reason).toBe('csrf');
    const ok = await api.call('POST', '/api/v1/units', { body: { name: 'Acme' }, as: session });
    expect(ok.status).toBe(201);
    expect((await api.call('POST', '/api/v1/auth/signout', { as: session })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/auth/me', { as: session })).status).toBe(401);
  });

  it('locks an email out after repeated failed sign-ins, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', '/api/v1/auth/signin', {
        body: { email: maria.email, password: `guess number ${i}` },
      });
      expect(res.status).toBe(401);
    }
    const locked = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: maria.email, password: maria.password },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    api.clock.set(api.clock.now() + 16 * 60_000);
    const after = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: maria.email, password: maria.password },
    });
    expect(after.status).toBe(200);
  });

  it('invites by link; the invitee sets a password, joins and signs in; the link works once', async () => {
    const admin = sessionFrom(
      await api.call('POST', '/api/v1/auth/signin', {
        body: { email: maria.email, password: maria.password },
      }),
    );
    const invite = await api.call('POST', '/api/v1/invitations', {
      as: admin,
      body: { email: 'ana@acme.test', name: 'Ana', role: 'member' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toContain(invite.body.token);
    const accept = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password: 'ana has a long password' },
    });
    expect(accept.status).toBe(200);
    expect(accept.body.person).toMatchObject({ email: 'ana@acme.test', role: 'member' });
    const again = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password: 'ana has a long password' },
    });
    expect(again.status).toBe(404);
    const asAna = sessionFrom(accept);
    const forbidden = await api.call('POST', '/api/v1/invitations', {
      as: asAna,
      body: { email: 'bo@acme.test', name: 'Bo' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('changes a password (the current one required) and ends the other sessions', async () => {
    const first = sessionFrom(
      await api.call('POST', '/api/v1/auth/signin', {
        body: { email: 'ana@acme.test', password: 'ana has a long password' },
      }),
    );
    const second = sessionFrom(
      await api.call('POST', '/api/v1/auth/signin', {
        body: { email: 'ana@acme.test', password: 'ana has a long password' },
      }),
    );
    const wrong = await api.call('POST', '/api/v1/auth/password', {
      as: first,
      body: { currentPassword: 'nope', newPassword: 'a brand new password' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.issues[0].path).toBe('currentPassword');
    const ok = await api.call('POST', '/api/v1/auth/password', {
      as: first,
      body: { currentPassword: 'ana has a long password', newPassword: 'a brand new password' },
    });
    expect(ok.status).toBe(200);
    expect((await api.call('GET', '/api/v1/auth/me', { as: first })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/auth/me', { as: second })).status).toBe(401);
    const old = await api.call('POST', '/api/v1/auth/signin', {
      body: { email: 'ana@acme.test', password: 'ana has a long password' },
    });
    expect(old.status).toBe(401);
  });

  it('creates personal API tokens shown once, lists them without secrets, and revokes them', async () => {
    const admin = sessionFrom(
      await api.call('POST', '/api/v1/auth/signin', {
        body: { email: maria.email, password: maria.password },
      }),
    );
    const created = await api.call('POST', '/api/v1/tokens', {
      as: admin,
      body: { name: 'ci', expiresInDays: 30 },
    });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^tdm_pat_/);
    const bearer = { bearer: token };
    const me = await api.call('GET', '/api/v1/auth/me', { as: bearer });
    expect(me.body).toMatchObject({ via: 'token', csrfToken: null });
    const noCsrfNeeded = await api.call('POST', '/api/v1/units', { as: bearer, body: { name: 'Sales' } });
    expect(noCsrfNeeded.status).toBe(201);
    const list = await api.call('GET', '/api/v1/tokens', { as: admin });
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(token);
    const stored = await api.test.db.kysely.selectFrom('apiTokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await api.call('DELETE', `/api/v1/tokens/${created.body.id}`, { as: admin })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/auth/me', { as: bearer })).status).toBe(401);
    expect((await api.call('DELETE', `/api/v1/tokens/${created.body.id}`, { as: admin })).status).toBe(404);
    const expiring = await api.call('POST', '/api/v1/tokens', {
      as: admin,
      body: { name: 'short', expiresInDays: 1 },
    });
    api.clock.set(api.clock.now() + 2 * 86_400_000);
    expect((await api.call('GET', '/api/v1/auth/me', { as: { bearer: expiring.body.token } })).status).toBe(
      401,
    );
  });
});

describe('lock-out per client address behind a trusted proxy', () => {
  it('locks an address that sprays many emails, and only that address', async () => {
    const api = await testApi('sqlite', { isProxyTrusted: true });
    try {
      const from = (address: string, i: number) =>
        api.call('POST', '/api/v1/auth/signin', {
          body: { email: `nobody${i}@acme.test`, password: 'wrong password' },
          headers: { 'X-Forwarded-For': `${address}, 10.0.0.1` },
        });
      for (let i = 0; i < 30; i++) expect((await from('203.0.113.7', i)).status).toBe(401);
      expect((await from('203.0.113.7', 99)).status).toBe(429);
      expect((await from('198.51.100.2', 99)).status).toBe(401);
    } finally {
      await api.dispose();
    }
  });
});

describe('sign-up in open mode', () => {
  it('lets every sign-up create its own workspace', async () => {
    const api = await testApi('sqlite', { signup: 'open' });
    try {
      expect((await api.call('POST', '/api/v1/auth/signup', { body: maria })).status).toBe(201);
      const other = await api.call('POST', '/api/v1/auth/signup', {
        body: { ...maria, email: 'olga@other.test', workspaceName: 'Other' },
      });
      expect(other.status).toBe(201);
      expect(other.body.workspace.name).toBe('Other');
      const duplicate = await api.call('POST', '/api/v1/auth/signup', { body: maria });
      expect(duplicate.status).toBe(409);
    } finally {
      await api.dispose();
    }
  });
});
