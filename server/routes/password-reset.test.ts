import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessionFrom, type TestApi, testApi } from '../app/test-client';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';

describeEachDialect('password reset links and password changes', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: { bearer: string };
  const first = 'the first long password';
  beforeAll(async () => {
    api = await testApi(dialect, { at: Date.UTC(2026, 9, 20, 9) });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    const invite = await api.call('POST', '/api/v1/invitations', {
      as: admin,
      body: { personId: org.member.personId },
    });
    await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password: first },
    });
  });
  afterAll(() => api.dispose());

  const signIn = (password: string) =>
    api.call('POST', '/api/v1/auth/signin', { body: { email: 'member@org.test', password } });
  const issue = () => api.call('POST', `/api/v1/people/${org.member.personId}/password-reset`, { as: admin });

  it('an admin issues a link built from the public URL; only the hash is stored', async () => {
    const issued = await issue();
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^tdm_pwr_/);
    expect(issued.body.url).toBe(`${api.deps.publicUrl}/password-reset#${issued.body.token}`);
    expect(issued.body.expiresAt).toBe(api.clock.now() + 24 * 3_600_000);
    const rows = await api.test.db.kysely.selectFrom('passwordResets').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.body.token);
  });

  it('the link sets a new password once and ends every session of the person', async () => {
    const before = sessionFrom(await signIn(first));
    const bearer = await api.call('POST', '/api/v1/tokens', { as: before, body: { name: 'cli' } });
    const { token } = (await issue()).body;
    const weak = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token, password: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0].path).toBe('password');
    const done = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token, password: 'a second long password' },
    });
    expect(done.status).toBe(200);
    expect((await api.call('GET', '/api/v1/auth/me', { as: before })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/auth/me', { as: { bearer: bearer.body.token } })).status).toBe(
      200,
    );
    expect((await signIn(first)).status).toBe(401);
    expect((await signIn('a second long password')).status).toBe(200);
    const again = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token, password: 'a third long password' },
    });
    expect(again.status).toBe(404);
    expect((await signIn('a third long password')).status).toBe(401);
  });

  it('expires after 24 hours, and a newer link replaces an older one', async () => {
    const older = (await issue()).body.token;
    const newer = (await issue()).body.token;
    const replaced = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token: older, password: 'an older long password' },
    });
    expect(replaced.status).toBe(404);
    api.clock.set(api.clock.now() + 24 * 3_600_000);
    const expired = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token: newer, password: 'a late long password' },
    });
    expect(expired.status).toBe(404);
    expect((await signIn('a second long password')).status).toBe(200);
  });

  it('needs a sign-in to reset (otherwise an invitation) and an active person', async () => {
    const noAccount = await api.call('POST', `/api/v1/people/${org.colleague.personId}/password-reset`, {
      as: admin,
    });
    expect(noAccount.status).toBe(409);
    expect(noAccount.body.error.details.reason).toBe('no_account');
    const member = await api.tokenFor(org.lead);
    const forbidden = await api.call('POST', `/api/v1/people/${org.member.personId}/password-reset`, {
      as: member,
    });
    expect(forbidden.status).toBe(403);
    const { token } = (await issue()).body;
    await api.deps.services.people.deactivate(org.admin, org.member.personId);
    const inactive = await api.call('POST', '/api/v1/auth/password-reset', {
      body: { token, password: 'an inactive long password' },
    });
    expect(inactive.status).toBe(404);
    await api.deps.services.people.reactivate(org.admin, org.member.personId);
  });

  it('a person changes their own password: the new one must differ, and the change is recorded', async () => {
    const session = sessionFrom(await signIn('a second long password'));
    const same = await api.call('POST', '/api/v1/auth/password', {
      as: session,
      body: { currentPassword: 'a second long password', newPassword: 'a second long password' },
    });
    expect(same.status).toBe(400);
    expect(same.body.error.details.issues[0].path).toBe('newPassword');
    const changed = await api.call('POST', '/api/v1/auth/password', {
      as: session,
      body: { currentPassword: 'a second long password', newPassword: 'my own new long password' },
    });
    expect(changed.status).toBe(200);
    expect((await signIn('my own new long password')).status).toBe(200);
    const events = await api.test.db.kysely
      .selectFrom('events')
      .select('action')
      .where('entityId', '=', org.member.personId)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['password_reset_issued', 'password_reset', 'password_changed']),
    );
  });
  it('refuses a reset for an account that also signs in to another workspace', async () => {
    const other = await api.deps.services.workspaces.create({
      name: 'Elsewhere',
      admin: { email: 'boss@elsewhere.test', name: 'Boss' },
    });
    const otherAdmin = await api.tokenFor({
      workspaceId: other.workspace.id,
      personId: other.adminId,
      actorType: 'person',
      source: 'web',
    });
    const invite = await api.call('POST', '/api/v1/invitations', {
      as: otherAdmin,
      body: { email: 'member@org.test', name: 'Member' },
    });
    const joined = await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password: 'my own new long password' },
    });
    expect(joined.status).toBe(200);
    const refused = await issue();
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('other_workspaces');
  });
});
