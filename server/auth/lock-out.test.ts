import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/app';
import { sessionFrom, type TestApi, type TestResponse, testApi } from '../app/test-client';
import { openDatabase } from '../db/database';
import { createAppDeps } from '../http/deps';
import { describeEachDialect } from '../test/databases';

const maria = {
  email: 'maria@acme.test',
  password: 'correct horse battery',
  name: 'Maria',
  workspaceName: 'Acme',
};
const olga = {
  email: 'olga@other.test',
  password: 'olga has a password',
  name: 'Olga',
  workspaceName: 'Other',
};

const statuses = (responses: TestResponse[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
};

describeEachDialect('one lock-out for every password check', (dialect) => {
  let api: TestApi;
  let olgaSession: { cookie: string; csrf: string };
  beforeAll(async () => {
    api = await testApi(dialect, { signup: 'open', isProxyTrusted: true });
    expect((await api.call('POST', '/api/v1/auth/signup', { body: maria })).status).toBe(201);
    olgaSession = sessionFrom(await api.call('POST', '/api/v1/auth/signup', { body: olga }));
  });
  afterAll(() => api.dispose());

  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const signin = (email: string, password: string, address = '198.51.100.1') =>
    api.call('POST', '/api/v1/auth/signin', { body: { email, password }, headers: from(address) });
  const invite = async (email: string) => {
    const res = await api.call('POST', '/api/v1/invitations', {
      as: olgaSession,
      body: { email, name: 'Someone', role: 'member' },
    });
    expect(res.status).toBe(201);
    return res.body.token as string;
  };

  it('refuses the invitation path to an account locked out by sign-ins, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signin(maria.email, `guess number ${i}`)).status).toBe(401);
    expect((await signin(maria.email, maria.password)).status).toBe(429);
    const token = await invite(maria.email);
    const accept = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token, password: maria.password },
      headers: from('203.0.113.50'),
    });
    expect(accept.status).toBe(429);
    expect(accept.body.error.code).toBe('rate_limited');
    // Nothing was joined: the account still belongs to its own workspace only.
    api.clock.set(api.clock.now() + 16 * 60_000);
    const after = await signin(maria.email, maria.password);
    expect(after.status).toBe(200);
    expect(after.body.workspaces).toHaveLength(1);
  });

  it('counts wrong passwords given to an invitation towards the account lock-out', async () => {
    const token = await invite('ann@acme.test');
    // Ann has no account yet: the invitation creates one (no password to guess).
    const created = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token, password: 'ann has a long password' },
    });
    expect(created.status).toBe(200);
    const second = sessionFrom(
      await api.call('POST', '/api/v1/auth/signup', {
        body: {
          email: 'petra@third.test',
          password: 'petra password',
          name: 'Petra',
          workspaceName: 'Third',
        },
      }),
    );
    const invitation = await api.call('POST', '/api/v1/invitations', {
      as: second,
      body: { email: 'ann@acme.test', name: 'Ann', role: 'member' },
    });
    for (let i = 0; i < 5; i++) {
      const guess = await api.call('POST', '/api/v1/auth/invitations/accept', {
        body: { token: invitation.body.token, password: `a wrong guess ${i}` },
        headers: from(`203.0.113.${60 + i}`),
      });
      expect(guess.status).toBe(400);
    }
    const locked = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invitation.body.token, password: 'ann has a long password' },
    });
    expect(locked.status).toBe(429);
    expect((await signin('ann@acme.test', 'ann has a long password')).status).toBe(429);
  });

  it('counts wrong current passwords of a password change towards the same lock-out', async () => {
    const session = sessionFrom(await signin(olga.email, olga.password));
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', '/api/v1/auth/password', {
        as: session,
        body: { currentPassword: `not it ${i}`, newPassword: 'a brand new password' },
      });
      expect(res.status).toBe(400);
    }
    const change = await api.call('POST', '/api/v1/auth/password', {
      as: session,
      body: { currentPassword: olga.password, newPassword: 'a brand new password' },
    });
    expect(change.status).toBe(429);
    expect((await signin(olga.email, olga.password)).status).toBe(429);
  });

  it('checks at most 5 of 25 concurrent wrong passwords for one account', async () => {
    await api.call('POST', '/api/v1/auth/signup', {
      body: { email: 'race@acme.test', password: 'the race password', name: 'R', workspaceName: 'Race' },
    });
    const all = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signin('race@acme.test', `wrong ${i}`, `192.0.2.${i}`)),
    );
    const counts = statuses(all);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(5);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(25);
    expect((await signin('race@acme.test', 'the race password')).status).toBe(429);
  });

  it('locks a client address that sprays many emails at once, past its limit of 30', async () => {
    const all = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signin(`nobody${i}@spray.test`, 'wrong password', '203.0.113.7')),
    );
    const counts = statuses(all);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(30);
    expect(counts[429] ?? 0).toBeGreaterThanOrEqual(30);
    expect((await signin('nobody99@spray.test', 'wrong password', '203.0.113.7')).status).toBe(429);
    expect((await signin('nobody99@spray.test', 'wrong password', '203.0.113.8')).status).toBe(401);
  });

  it('does not count right passwords against the client address', async () => {
    for (let i = 0; i < 35; i++)
      expect((await signin(maria.email, maria.password, '203.0.113.99')).status).toBe(200);
  });
});

describe('the lock-out across two nodes sharing one PostgreSQL', () => {
  it.runIf(process.env.TANDEM_TEST_PG_URL)(
    'checks at most 5 of 25 wrong passwords sent to two nodes at once',
    async () => {
      const api = await testApi('postgres', { isProxyTrusted: true });
      const other = openDatabase(api.test.location);
      try {
        await api.call('POST', '/api/v1/auth/signup', { body: maria });
        const second = createApp(
          createAppDeps({
            db: other,
            clock: api.clock,
            logger: pino({ level: 'silent' }),
            isProxyTrusted: true,
          }),
        );
        const call = async (i: number): Promise<number> => {
          const init = {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${i}` },
            body: JSON.stringify({ email: maria.email, password: `wrong ${i}` }),
          };
          const res = await (i % 2 === 0 ? api.app : second).request('/api/v1/auth/signin', init);
          return res.status;
        };
        const all = await Promise.all(Array.from({ length: 25 }, (_, i) => call(i)));
        expect(all.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
        expect(all.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
      } finally {
        await other.close();
        await api.dispose();
      }
    },
  );
});
