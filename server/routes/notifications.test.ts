import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, testApi } from '../app/test-client';
import { type EmailChannel, emailChannel } from '../notify/email';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { type SmtpReceiver, startSmtpReceiver } from '../test/smtp-receiver';

/**
 * The notification endpoints with a real SMTP server on loopback: a person's own settings, the
 * admin's test email and log (a refused message is recorded as failed), and password reset and
 * invitation links that mail themselves.
 */
describeEachDialect('notification settings, test email, log, and links by email', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let smtp: SmtpReceiver;
  let email: EmailChannel;
  let admin: { bearer: string };
  let member: { bearer: string };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    email = emailChannel({ url: smtp.url, from: 'Tandem <tandem@example.com>' });
    api = await testApi(dialect, { channels: [email] });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    member = await api.tokenFor(org.member);
  });
  afterAll(async () => {
    email?.close();
    await smtp?.close();
    await api?.dispose();
  });

  it('a person pauses reminders and picks channels; wrong input is a 400 naming the field', async () => {
    const before = await api.call('GET', '/api/v1/people/me/notifications', { as: member });
    expect(before.body).toEqual({ channels: null, pausedUntil: null, available: ['email'] });
    const until = Date.UTC(2026, 10, 1);
    const paused = await api.call('PATCH', '/api/v1/people/me/notifications', {
      as: member,
      body: { pausedUntil: until, channels: ['email'] },
    });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ channels: ['email'], pausedUntil: until });
    const bad = await api.call('PATCH', '/api/v1/people/me/notifications', {
      as: member,
      body: { channels: ['pigeon'] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details.issues)).toContain('channels');
    // Another person's settings are their own.
    expect(
      (await api.call('GET', '/api/v1/people/me/notifications', { as: admin })).body.pausedUntil,
    ).toBeNull();
  });

  it('the admin sends a test email, reads it in the log, and a refused one is recorded as failed', async () => {
    const sent = await api.call('POST', '/api/v1/workspace/test-email', { as: admin });
    expect(sent.status).toBe(200);
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toBe('admin@org.test');
    expect(mail.subject).toBe('Tandem test email');
    expect(mail.text).toContain('Your email settings work');
    expect(mail.html).toContain(`href="${api.deps.publicUrl}/"`);
    smtp.refuseNext(1);
    const refused = await api.call('POST', '/api/v1/workspace/test-email', { as: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('try again later');
    const log = await api.call('GET', '/api/v1/notifications?limit=1', { as: admin });
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ kind: 'test', state: 'failed', destination: 'admin@org.test' });
    const next = await api.call('GET', `/api/v1/notifications?limit=1&cursor=${log.body.nextCursor}`, {
      as: admin,
    });
    expect(next.body.items[0]).toMatchObject({ kind: 'test', state: 'sent' });
    expect(
      (await api.call('GET', '/api/v1/notifications?state=failed', { as: admin })).body.items,
    ).toHaveLength(1);
    expect((await api.call('GET', '/api/v1/notifications', { as: member })).status).toBe(403);
  });

  it('an invitation and an admin-issued password reset mail their links to the person', async () => {
    const invite = await api.call('POST', '/api/v1/invitations', {
      as: admin,
      body: { personId: org.colleague.personId },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.emailed).toBe(true);
    const invitation = smtp.mails.at(-1)!;
    expect(invitation.to).toBe('colleague@org.test');
    expect(invitation.subject).toBe('You are invited to Org on Tandem');
    expect(invitation.text).toContain(invite.body.url);
    await api.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: invite.body.token, password: 'a long enough password' },
    });
    const reset = await api.call('POST', `/api/v1/people/${org.colleague.personId}/password-reset`, {
      as: admin,
    });
    expect(reset.status).toBe(201);
    expect(reset.body.emailed).toBe(true);
    const resetMail = smtp.mails.at(-1)!;
    expect(resetMail.subject).toBe('Set a new Tandem password');
    expect(resetMail.text).toContain(reset.body.url);
    expect(resetMail.html).toContain(`href="${reset.body.url}"`);
  });
});
