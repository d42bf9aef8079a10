import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Credentials, type TestApi, testApi } from '../../app/test-client';
import { OutboundGuard } from '../../outbound/guard';
import { describeEachDialect } from '../../test/databases';
import { type SmallOrg, smallOrg } from '../../test/fixtures';
import { WebhookReceiver } from '../../test/webhook-receiver';
import type { OutboundMessage, Recipient } from '../message';
import { ChatSendError, chatDestination, slackChannel, teamsChannel, webhooksFor } from './channels';
import { slackMessageSchema, teamsMessageSchema } from './documented-shapes';

/**
 * Slack and Teams channels end to end: an admin configures webhooks through the API (per
 * workspace and per unit), a recipient's destinations follow their units up the tree, and a real
 * HTTP receiver on loopback gets payloads that match the documented shapes. Loopback is allowed
 * explicitly (`TANDEM_OUTBOUND_ALLOW`); without it, and for private addresses, nothing is sent.
 */

const message: OutboundMessage = {
  kind: 'reminder',
  subject: 'Your check-in for week 47',
  intro: "One goal waits for this week's number.",
  sections: [
    {
      heading: 'Due this week',
      items: [
        { title: 'Increase weekly active teams', detail: 'last: 42', url: 'https://okr.example.com/g/1' },
      ],
    },
  ],
  action: { label: 'Check in now', url: 'https://okr.example.com/check-ins?person=me' },
};

describe('which webhooks reach a recipient', () => {
  const hook = (id: string, unitId: string | null) => ({
    id,
    unitId,
    workspaceId: 'w',
    kind: 'slack' as const,
    url: `https://hooks.example.com/${id}`,
    description: '',
    createdBy: 'p',
    createdAt: 0,
  });
  // company > dept > team; company > other
  const parentOf = new Map<string, string | null>([
    ['company', null],
    ['dept', 'company'],
    ['team', 'dept'],
    ['other', 'company'],
  ]);
  const ids = (unitIds: string[], hooks: ReturnType<typeof hook>[]) =>
    webhooksFor({ unitIds }, hooks, parentOf).map((h) => h.id);

  it('takes the nearest unit up the tree that has one, for each of the units', () => {
    const hooks = [hook('w1', null), hook('c1', 'company'), hook('d1', 'dept'), hook('d2', 'dept')];
    expect(ids(['team'], hooks)).toEqual(['d1', 'd2']);
    expect(ids(['other'], hooks)).toEqual(['c1']);
    expect(ids(['team', 'other'], hooks)).toEqual(['d1', 'd2', 'c1']);
  });

  it("falls back to the workspace's own when none of the units has one", () => {
    expect(ids(['team'], [hook('w1', null), hook('o1', 'other')])).toEqual(['w1']);
    expect(ids([], [hook('w1', null)])).toEqual(['w1']);
    expect(ids(['team'], [hook('o1', 'other')])).toEqual([]);
  });

  it('survives a cycle in the unit tree', () => {
    const loop = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(webhooksFor({ unitIds: ['a'] }, [hook('w1', null)], loop).map((h) => h.id)).toEqual(['w1']);
  });
});

describeEachDialect('Slack and Teams channels', (dialect) => {
  let api: TestApi;
  let org: SmallOrg;
  let admin: Credentials;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    api = await testApi(dialect, { outboundAllow: '127.0.0.0/8' });
    org = await smallOrg(api.deps.services);
    admin = await api.tokenFor(org.admin);
    receiver = new WebhookReceiver();
    await receiver.start();
  });
  beforeEach(async () => {
    receiver.requests.length = 0;
    for (const hook of await api.deps.services.chatWebhooks.list(org.admin))
      await api.deps.services.chatWebhooks.remove(org.admin, hook.id);
  });
  afterAll(async () => {
    await receiver.stop();
    await api.dispose();
  });

  const add = async (kind: 'slack' | 'teams', path: string, unitId: string | null = null) => {
    const res = await api.call('POST', '/api/v1/chat-webhooks', {
      as: admin,
      body: { kind, url: `${receiver.url}${path}`, unitId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; maskedUrl: string };
  };
  const recipient = (personId: string, unitIds: string[]): Recipient => ({
    personId,
    workspaceId: org.workspaceId,
    name: 'Member',
    email: 'member@org.test',
    timeZone: 'UTC',
    unitIds,
  });

  it("sends a reminder to the Slack webhook of the recipient's unit, as documented Block Kit", async () => {
    await add('slack', '/slack/workspace');
    const team = await add('slack', '/slack/team', org.teamId);
    const slack = slackChannel(api.deps.services.chatWebhooks.deps);
    const destinations = await slack.destinations(recipient(org.member.personId, [org.teamId]));
    expect(destinations).toEqual([chatDestination(team.id)]);
    expect(destinations[0]).not.toContain(receiver.url);
    await slack.send(destinations[0]!, message);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/slack/team']);
    expect(receiver.requests[0]!.headers['content-type']).toBe('application/json');
    const body = slackMessageSchema.parse(JSON.parse(receiver.requests[0]!.body));
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { text: message.subject } });
    expect(JSON.stringify(body)).toContain('<https://okr.example.com/g/1|Increase weekly active teams>');
    // Someone outside the team's units gets the workspace's.
    expect(await slack.destinations(recipient(org.viewer.personId, [org.companyId]))).toHaveLength(1);
    expect(await slack.destinations(recipient(org.viewer.personId, [org.companyId]))).not.toEqual(
      destinations,
    );
  });

  it('sends an Adaptive Card in the Teams envelope; no Teams webhook, no destinations', async () => {
    const teams = teamsChannel(api.deps.services.chatWebhooks.deps);
    expect(await teams.destinations(recipient(org.member.personId, [org.teamId]))).toEqual([]);
    await add('slack', '/slack/workspace');
    expect(await teams.destinations(recipient(org.member.personId, [org.teamId]))).toEqual([]);
    const hook = await add('teams', '/teams/company', org.companyId);
    const [to] = await teams.destinations(recipient(org.member.personId, [org.teamId]));
    expect(to).toBe(chatDestination(hook.id));
    await teams.send(to!, message);
    const body = teamsMessageSchema.parse(JSON.parse(receiver.requests[0]!.body));
    expect(body.attachments[0]!.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Check in now', url: message.action!.url },
    ]);
    // A Slack channel does not send to a Teams webhook.
    await expect(slackChannel(api.deps.services.chatWebhooks.deps).send(to!, message)).rejects.toThrow(
      ChatSendError,
    );
  });

  it('throws on a non-2xx answer (the caller retries), and follows no redirect', async () => {
    const hook = await add('slack', '/slack/gone');
    const slack = slackChannel(api.deps.services.chatWebhooks.deps);
    receiver.replies.push({ status: 404, body: 'no_service' });
    await expect(slack.send(chatDestination(hook.id), message)).rejects.toMatchObject({
      name: 'ChatSendError',
      message: 'HTTP 404',
      statusCode: 404,
      isPermanent: false,
    });
    receiver.replies.push({ status: 302, headers: { location: `${receiver.url}/elsewhere` } });
    await expect(slack.send(chatDestination(hook.id), message)).rejects.toThrow(/HTTP 302: redirects/);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/slack/gone', '/slack/gone']);
    await expect(slack.send('chat-webhook:nope', message)).rejects.toMatchObject({ isPermanent: true });
  });

  it('refuses private addresses at send time too, when the allow list does not name them', async () => {
    const hook = await add('teams', '/teams/loop');
    // The same database, a node whose guard allows public addresses only.
    const strict = teamsChannel({ db: api.deps.db, outbound: new OutboundGuard() });
    await expect(strict.send(chatDestination(hook.id), message)).rejects.toMatchObject({
      message: expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/),
      isPermanent: true,
    });
    expect(receiver.requests).toEqual([]);
  });

  describe('the admin API', () => {
    it('lists webhooks with masked URLs only, and deletes them', async () => {
      const created = await add('slack', '/slack/T000/B000/secretXYZ9');
      expect(created.maskedUrl).toBe(`${receiver.url}/…XYZ9`);
      const list = await api.call('GET', '/api/v1/chat-webhooks', { as: admin });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: created.id,
          kind: 'slack',
          unitId: null,
          maskedUrl: created.maskedUrl,
        }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain('secret');
      const events = await api.call('GET', '/api/v1/events?limit=100', { as: admin });
      expect(JSON.stringify(events.body)).not.toContain('secretXYZ9');
      expect((await api.call('DELETE', `/api/v1/chat-webhooks/${created.id}`, { as: admin })).status).toBe(
        200,
      );
      expect((await api.call('DELETE', `/api/v1/chat-webhooks/${created.id}`, { as: admin })).status).toBe(
        404,
      );
      expect((await api.call('GET', '/api/v1/chat-webhooks', { as: admin })).body.items).toEqual([]);
    });

    it('sends a test message and reports what Slack or Teams answered', async () => {
      const hook = await add('teams', '/teams/test', org.teamId);
      const ok = await api.call('POST', `/api/v1/chat-webhooks/${hook.id}/test`, { as: admin });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ isDelivered: true, statusCode: 200, error: null });
      const card = teamsMessageSchema.parse(JSON.parse(receiver.requests[0]!.body)).attachments[0]!.content;
      expect(card.body[0]!.text).toBe('Tandem is connected');
      expect(card.body[1]!.text).toContain('people in Team');
      receiver.replies.push({ status: 400, body: 'Bad payload' });
      const refused = await api.call('POST', `/api/v1/chat-webhooks/${hook.id}/test`, { as: admin });
      expect(refused.body).toEqual({ isDelivered: false, statusCode: 400, error: 'HTTP 400' });
    });

    it.each([
      [{ kind: 'slack', url: 'not a url' }, 'url', /not a URL/],
      [{ kind: 'slack', url: 'http://hooks.slack.com/services/x' }, 'url', /must be https/],
      [{ kind: 'slack', url: 'ftp://hooks.slack.com/x' }, 'url', /must be https/],
      [{ kind: 'teams', url: 'https://user:pw@example.com/x' }, 'url', /user name or password/],
      [{ kind: 'teams', url: 'https://10.0.0.1/hook' }, 'url', /not allowed: .*private/],
      [{ kind: 'teams', url: 'http://192.168.1.4/hook' }, 'url', /must be https/],
      [{ kind: 'teams', url: 'https://169.254.169.254/' }, 'url', /not allowed: .*metadata/],
      [{ kind: 'discord', url: 'https://hooks.example.com/x' }, 'kind', /./],
      [{ kind: 'slack', url: 'https://hooks.example.com/x', unitId: 'nope' }, 'unitId', /no unit nope/],
      [{ kind: 'slack', url: 'https://hooks.example.com/x', extra: 1 }, 'extra', /unknown field/],
    ])('refuses %j with a 400 naming %s', async (body, path, why) => {
      const res = await api.call('POST', '/api/v1/chat-webhooks', { as: admin, body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details.issues).toEqual([{ path, message: expect.stringMatching(why) }]);
    });
  });
});
