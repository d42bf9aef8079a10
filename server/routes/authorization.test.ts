import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Credentials, TestApi } from '../app/test-client';
import { testApi } from '../app/test-client';
import type { Actor } from '../services/context';
import { acceptParseCount } from '../services/validate';
import { describeEachDialect } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { actorFor } from '../test/scenario';

/**
 * The authorization matrix (issue 5): every endpoint tried as every kind of caller, asserting
 * exactly who may read and write what. Statuses: 2xx allowed; 400/409 allowed past the policies
 * (the input or state is what is refused); 401 anonymous; 403 visible but not allowed; 404 not
 * visible (or in another workspace), so existence never leaks.
 */

const WHO = [
  'anonymous',
  'viewer',
  'member',
  'otherUnit',
  'owner',
  'someoneElse',
  'lead',
  'admin',
  'otherAdmin',
] as const;
type Who = (typeof WHO)[number];

interface Fixture {
  org: SmallOrg;
  salesId: string;
  privateGoalId: string;
  unitGoalId: string;
  webhookId: string;
  /** A pending delivery of `webhookId` (no dispatcher runs here). */
  deliveryId: string;
  people: Record<Who, Actor | null>;
}

interface Case {
  name: string;
  /** Builds the request; runs per caller, so writes get fresh targets when they need them. */
  request: (f: Fixture, api: TestApi) => Promise<{ method: string; path: string; body?: unknown }>;
  expect: Partial<Record<Who, number>> & { default: number };
}

const freshSmartGoal = async (api: TestApi, f: Fixture, visibility: 'private' | 'unit') =>
  (
    await api.deps.services.smartGoals.create(f.org.member, {
      cycleId: f.org.cycleId,
      title: 'Write the onboarding runbook',
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' },
      visibility,
    })
  ).id;

const freshWebhook = async (api: TestApi, f: Fixture) =>
  (await api.deps.services.webhooks.create(f.org.admin, { url: 'https://hooks.example.com/fresh' })).id;

const freshChatWebhook = async (api: TestApi, f: Fixture) =>
  (
    await api.deps.services.chatWebhooks.create(f.org.admin, {
      kind: 'slack',
      url: 'https://hooks.example.com/services/T0/B0/fresh',
    })
  ).id;

const ADMINS_ONLY = { anonymous: 401, admin: 200, otherAdmin: 404, default: 403 };

const CASES: Case[] = [
  {
    name: 'GET workspace',
    request: async () => ({ method: 'GET', path: '/api/v1/workspace' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'PATCH workspace settings',
    request: async () => ({
      method: 'PATCH',
      path: '/api/v1/workspace/settings',
      body: { version: 1, settings: {} },
    }),
    expect: { anonymous: 401, admin: 200, otherAdmin: 200, default: 403 },
  },
  {
    name: 'GET people',
    request: async () => ({ method: 'GET', path: '/api/v1/people' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET a person',
    request: async (f) => ({ method: 'GET', path: `/api/v1/people/${f.org.member.personId}` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'PATCH a person',
    request: async (f) => ({
      method: 'PATCH',
      path: `/api/v1/people/${f.org.viewer.personId}`,
      body: { name: 'Vi' },
    }),
    expect: { anonymous: 401, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'POST an invitation',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/invitations',
      body: { email: `x${Math.random()}@o.test`, name: 'X' },
    }),
    expect: { anonymous: 401, admin: 201, otherAdmin: 201, default: 403 },
  },
  {
    name: 'GET a unit',
    request: async (f) => ({ method: 'GET', path: `/api/v1/units/${f.org.teamId}` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'PUT a unit member',
    request: async (f, api) => {
      const newcomer = await api.deps.services.people.add(f.org.admin, {
        email: `newcomer${Math.random()}@org.test`,
        name: 'Newcomer',
      });
      return {
        method: 'PUT',
        path: `/api/v1/units/${f.salesId}/members/${newcomer.id}`,
        body: { isLead: false },
      };
    },
    expect: { anonymous: 401, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'POST a cycle',
    request: async () => ({ method: 'POST', path: '/api/v1/cycles', body: { name: '2030-Q1' } }),
    expect: { anonymous: 401, admin: 201, otherAdmin: 201, default: 403 },
  },
  {
    name: 'POST close a cycle',
    request: async (f) => ({ method: 'POST', path: `/api/v1/cycles/${f.org.cycleId}/close`, body: {} }),
    expect: { anonymous: 401, admin: 400, otherAdmin: 404, default: 403 },
  },
  {
    name: 'GET a workspace-visible objective',
    request: async (f) => ({ method: 'GET', path: `/api/v1/objectives/${f.org.objectiveId}` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'POST an objective for the team',
    request: async (f) => ({
      method: 'POST',
      path: '/api/v1/objectives',
      body: { cycleId: f.org.cycleId, unitId: f.org.teamId, title: 'Team objective for the quarter' },
    }),
    expect: { anonymous: 401, viewer: 403, otherUnit: 403, otherAdmin: 404, default: 201 },
  },
  {
    name: 'PATCH the company objective',
    request: async (f, api) => {
      const o = await api.deps.services.reads.getObjective(f.org.admin, f.org.objectiveId);
      return {
        method: 'PATCH',
        path: `/api/v1/objectives/${o.id}`,
        body: { version: o.version, description: 'x' },
      };
    },
    expect: { anonymous: 401, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'GET a private SMART goal',
    request: async (f) => ({ method: 'GET', path: `/api/v1/smart-goals/${f.privateGoalId}` }),
    expect: { anonymous: 401, owner: 200, member: 200, lead: 200, admin: 200, default: 404 },
  },
  {
    name: 'GET a unit-visible SMART goal',
    request: async (f) => ({ method: 'GET', path: `/api/v1/smart-goals/${f.unitGoalId}` }),
    expect: {
      anonymous: 401,
      owner: 200,
      member: 200,
      someoneElse: 200,
      lead: 200,
      admin: 200,
      default: 404,
    },
  },
  {
    name: 'PATCH a private SMART goal',
    request: async (f, api) => ({
      method: 'PATCH',
      path: `/api/v1/smart-goals/${await freshSmartGoal(api, f, 'private')}`,
      body: { version: 1, title: 'Changed title' },
    }),
    expect: { anonymous: 401, owner: 200, member: 200, lead: 200, admin: 200, default: 404 },
  },
  {
    name: 'PATCH a unit-visible SMART goal',
    request: async (f, api) => ({
      method: 'PATCH',
      path: `/api/v1/smart-goals/${await freshSmartGoal(api, f, 'unit')}`,
      body: { version: 1, title: 'Changed title' },
    }),
    expect: {
      anonymous: 401,
      owner: 200,
      member: 200,
      lead: 200,
      admin: 200,
      someoneElse: 403,
      default: 404,
    },
  },
  {
    name: "GET a private goal's history",
    request: async (f) => ({
      method: 'GET',
      path: `/api/v1/events?goalType=smart_goal&goalId=${f.privateGoalId}`,
    }),
    expect: { anonymous: 401, owner: 200, member: 200, lead: 200, admin: 200, default: 404 },
  },
  {
    name: "GET a private goal's check-ins",
    request: async (f) => ({
      method: 'GET',
      path: `/api/v1/check-ins?goalType=smart_goal&goalId=${f.privateGoalId}`,
    }),
    expect: { anonymous: 401, owner: 200, member: 200, lead: 200, admin: 200, default: 404 },
  },
  {
    name: 'POST a check-in on a KR the member owns',
    request: async (f) => ({
      method: 'POST',
      path: '/api/v1/check-ins',
      body: { goalType: 'key_result', goalId: f.org.krId, value: 10 },
    }),
    expect: { anonymous: 401, owner: 201, member: 201, admin: 201, otherAdmin: 404, default: 403 },
  },
  {
    name: 'POST a check-in on a private SMART goal',
    request: async (f) => ({
      method: 'POST',
      path: '/api/v1/check-ins',
      body: { goalType: 'smart_goal', goalId: f.privateGoalId, done: true },
    }),
    expect: { anonymous: 401, owner: 201, member: 201, lead: 201, admin: 201, default: 404 },
  },
  {
    name: 'POST an alignment of a unit goal',
    request: async (f, api) => ({
      method: 'POST',
      path: '/api/v1/alignments',
      body: {
        childType: 'smart_goal',
        childId: await freshSmartGoal(api, f, 'unit'),
        parentType: 'key_result',
        parentId: f.org.alignedKrId,
      },
    }),
    expect: {
      anonymous: 401,
      owner: 200,
      member: 200,
      lead: 200,
      admin: 200,
      someoneElse: 403,
      default: 404,
    },
  },
  {
    name: 'GET the dashboard',
    request: async (f) => ({ method: 'GET', path: `/api/v1/dashboard?cycle=${f.org.cycleId}` }),
    expect: { anonymous: 401, otherAdmin: 400, default: 200 }, // another workspace's cycle is unknown here: the same 400 as a cycle that does not exist
  },
  {
    name: 'GET the team page',
    request: async (f) => ({
      method: 'GET',
      path: `/api/v1/dashboard/units/${f.org.teamId}?cycle=${f.org.cycleId}`,
    }),
    expect: { anonymous: 401, otherAdmin: 400, default: 200 },
  },
  {
    name: 'GET the export of a cycle',
    request: async (f) => ({ method: 'GET', path: `/api/v1/cycles/${f.org.cycleId}/export?format=csv` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET the export of every cycle',
    request: async () => ({ method: 'GET', path: '/api/v1/export?format=csv' }),
    // Every signed-in person exports what they may see of their own workspace.
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET the goal keys of a cycle',
    request: async (f) => ({ method: 'GET', path: `/api/v1/cycles/${f.org.cycleId}/goal-keys` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET the export of a cycle as a workbook',
    request: async (f) => ({ method: 'GET', path: `/api/v1/cycles/${f.org.cycleId}/export?format=xlsx` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET the report of a cycle as a PDF',
    request: async (f) => ({ method: 'GET', path: `/api/v1/cycles/${f.org.cycleId}/report?format=pdf` }),
    // The cycle is open: no report yet, for anyone who may see the cycle.
    expect: { anonymous: 401, otherAdmin: 404, default: 409 },
  },
  {
    name: 'GET the active dashboard (no cycle given)',
    request: async () => ({ method: 'GET', path: '/api/v1/dashboard' }),
    // The other workspace has no active cycle: a 404 naming what to pass.
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET a cycle by name',
    request: async () => ({ method: 'GET', path: '/api/v1/cycles/2026-Q4' }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET a cycle by id',
    request: async (f) => ({ method: 'GET', path: `/api/v1/cycles/${f.org.cycleId}` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET key results',
    request: async (f) => ({ method: 'GET', path: `/api/v1/key-results?cycle=${f.org.cycleId}` }),
    // Another workspace's cycle is unknown here: the same 400 as a cycle that does not exist.
    expect: { anonymous: 401, otherAdmin: 400, default: 200 },
  },
  {
    name: 'GET the alignment graph',
    request: async (f) => ({ method: 'GET', path: `/api/v1/alignment?cycle=${f.org.cycleId}` }),
    expect: { anonymous: 401, otherAdmin: 400, default: 200 },
  },
  {
    name: "GET a KR's children in the alignment graph",
    request: async (f) => ({
      method: 'GET',
      path: `/api/v1/alignment?cycle=${f.org.cycleId}&parent=${f.org.alignedKrId}`,
    }),
    expect: { anonymous: 401, otherAdmin: 400, default: 200 },
  },
  {
    name: "GET a KR's children in the alignment graph (the active cycle)",
    request: async (f) => ({ method: 'GET', path: `/api/v1/alignment?parent=${f.org.alignedKrId}` }),
    // The other workspace has no active cycle (404), and could not see the KR either.
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET my due check-ins',
    request: async () => ({ method: 'GET', path: '/api/v1/check-ins/due?person=me' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: "GET the owner's due check-ins",
    request: async (f) => ({ method: 'GET', path: `/api/v1/check-ins/due?person=${f.org.member.personId}` }),
    // Themselves, their manager (the lead, who also leads their unit) and admins.
    expect: { anonymous: 401, owner: 200, member: 200, lead: 200, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'GET tokens',
    request: async () => ({ method: 'GET', path: '/api/v1/tokens' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'POST coach lint',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/coach/lint',
      body: { goals: { version: 1, cycle: '2026-Q4', objectives: [] } },
    }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET coach findings of a cycle',
    request: async (f) => ({ method: 'GET', path: `/api/v1/coach/findings?cycle=${f.org.cycleId}` }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'GET coach findings of a unit',
    request: async (f) => ({
      method: 'GET',
      path: `/api/v1/coach/findings?cycle=${f.org.cycleId}&unit=${f.org.teamId}`,
    }),
    expect: { anonymous: 401, otherAdmin: 404, default: 200 },
  },
  {
    name: 'POST advisor',
    request: async () => ({ method: 'POST', path: '/api/v1/advisor', body: { statement: 'Grow revenue' } }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET my notification settings',
    request: async () => ({ method: 'GET', path: '/api/v1/people/me/notifications' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'PATCH my notification settings',
    request: async () => ({
      method: 'PATCH',
      path: '/api/v1/people/me/notifications',
      body: { pausedUntil: null },
    }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET the notification log',
    request: async () => ({ method: 'GET', path: '/api/v1/notifications' }),
    expect: { anonymous: 401, admin: 200, otherAdmin: 200, default: 403 },
  },
  {
    // No SMTP in this test: admins pass the check and hear that email is not set up.
    name: 'POST a test email',
    request: async () => ({ method: 'POST', path: '/api/v1/workspace/test-email' }),
    expect: { anonymous: 401, admin: 409, otherAdmin: 409, default: 403 },
  },
  {
    name: 'GET webhooks',
    request: async () => ({ method: 'GET', path: '/api/v1/webhooks' }),
    expect: { anonymous: 401, admin: 200, otherAdmin: 200, default: 403 },
  },
  {
    name: 'POST a webhook',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/webhooks',
      body: { url: 'https://hooks.example.com/new', events: ['key_result.checked_in'] },
    }),
    expect: { anonymous: 401, admin: 201, otherAdmin: 201, default: 403 },
  },
  {
    name: 'GET a webhook',
    request: async (f) => ({ method: 'GET', path: `/api/v1/webhooks/${f.webhookId}` }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'PATCH a webhook',
    request: async (f, api) => ({
      method: 'PATCH',
      path: `/api/v1/webhooks/${await freshWebhook(api, f)}`,
      body: { version: 1, description: 'changed' },
    }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'DELETE a webhook',
    request: async (f, api) => ({ method: 'DELETE', path: `/api/v1/webhooks/${await freshWebhook(api, f)}` }),
    expect: ADMINS_ONLY,
  },
  {
    name: "POST rotate a webhook's secret",
    request: async (f) => ({ method: 'POST', path: `/api/v1/webhooks/${f.webhookId}/rotate-secret` }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST a test message to a webhook',
    request: async (f) => ({ method: 'POST', path: `/api/v1/webhooks/${f.webhookId}/test` }),
    expect: { ...ADMINS_ONLY, admin: 202 },
  },
  {
    name: "GET a webhook's deliveries",
    request: async (f) => ({ method: 'GET', path: `/api/v1/webhooks/${f.webhookId}/deliveries` }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST retry a pending delivery',
    request: async (f) => ({
      method: 'POST',
      path: `/api/v1/webhooks/${f.webhookId}/deliveries/${f.deliveryId}/retry`,
    }),
    expect: { ...ADMINS_ONLY, admin: 409 },
  },
  {
    name: 'GET chat webhooks',
    request: async () => ({ method: 'GET', path: '/api/v1/chat-webhooks' }),
    expect: { anonymous: 401, admin: 200, otherAdmin: 200, default: 403 },
  },
  {
    name: 'POST a chat webhook',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/chat-webhooks',
      body: { kind: 'teams', url: 'https://hooks.example.com/workflows/new' },
    }),
    expect: { anonymous: 401, admin: 201, otherAdmin: 201, default: 403 },
  },
  {
    name: 'DELETE a chat webhook',
    request: async (f, api) => ({
      method: 'DELETE',
      path: `/api/v1/chat-webhooks/${await freshChatWebhook(api, f)}`,
    }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST a test message to a chat webhook (its name does not resolve: an outcome, not an error)',
    request: async (f, api) => ({
      method: 'POST',
      path: `/api/v1/chat-webhooks/${await freshChatWebhook(api, f)}/test`,
    }),
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST create or rotate my calendar feed',
    request: async () => ({ method: 'POST', path: '/api/v1/people/me/calendar-feed' }),
    expect: { anonymous: 401, default: 201 },
  },
  {
    name: 'DELETE my calendar feed',
    request: async () => ({ method: 'DELETE', path: '/api/v1/people/me/calendar-feed' }),
    expect: { anonymous: 401, default: 200 },
  },
  {
    name: 'GET a calendar feed: the secret is the credential, whoever calls',
    request: async (f, api) => {
      const { url } = await api.deps.services.calendarFeeds.create(f.org.member, 'http://tandem.test');
      return { method: 'GET', path: new URL(url).pathname };
    },
    expect: { default: 200 },
  },
  {
    name: 'GET a calendar feed with an unknown secret',
    request: async () => ({ method: 'GET', path: `/api/v1/calendar/tdm_cal_${'A'.repeat(43)}.ics` }),
    expect: { default: 404 },
  },
  {
    name: 'DELETE a unit-visible SMART goal with no check-ins',
    request: async (f, api) => ({
      method: 'DELETE',
      path: `/api/v1/smart-goals/${await freshSmartGoal(api, f, 'unit')}`,
    }),
    expect: {
      anonymous: 401,
      owner: 200,
      member: 200,
      lead: 200,
      admin: 200,
      someoneElse: 403,
      default: 404,
    },
  },
  {
    name: 'DELETE a unit-visible SMART goal with a check-in (others archive it)',
    request: async (f, api) => {
      const id = await freshSmartGoal(api, f, 'unit');
      await api.deps.services.checkIns.checkIn(f.org.member, {
        goalType: 'smart_goal',
        goalId: id,
        done: false,
      });
      return { method: 'DELETE', path: `/api/v1/smart-goals/${id}` };
    },
    expect: {
      anonymous: 401,
      owner: 409,
      member: 409,
      lead: 409,
      admin: 200,
      someoneElse: 403,
      default: 404,
    },
  },
  {
    name: 'DELETE a team objective with no check-ins',
    request: async (f, api) => {
      const o = await api.deps.services.objectives.create(f.org.admin, {
        cycleId: f.org.cycleId,
        unitId: f.org.teamId,
        title: 'An objective made by mistake',
      });
      return { method: 'DELETE', path: `/api/v1/objectives/${o.id}` };
    },
    expect: { anonymous: 401, lead: 200, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'DELETE a KR with no check-ins',
    request: async (f, api) => {
      const kr = await api.deps.services.keyResults.create(f.org.admin, {
        objectiveId: f.org.objectiveId,
        title: 'A KR made by mistake',
        ownerId: f.org.member.personId,
      });
      return { method: 'DELETE', path: `/api/v1/key-results/${kr.id}` };
    },
    expect: { anonymous: 401, owner: 200, member: 200, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'POST move a KR to another objective',
    request: async (f, api) => {
      const s = api.deps.services;
      const kr = await s.keyResults.create(f.org.admin, {
        objectiveId: f.org.objectiveId,
        title: 'A KR on the wrong objective',
        ownerId: f.org.member.personId,
      });
      const target = await s.objectives.create(f.org.member, {
        cycleId: f.org.cycleId,
        unitId: f.org.teamId,
        title: 'The objective it belongs to',
      });
      return {
        method: 'POST',
        path: `/api/v1/key-results/${kr.id}/move`,
        body: { version: kr.version, objectiveId: target.id },
      };
    },
    expect: { anonymous: 401, owner: 200, member: 200, admin: 200, otherAdmin: 404, default: 403 },
  },
  {
    name: 'DELETE an empty unit',
    request: async (f, api) => {
      const unit = await api.deps.services.units.create(f.org.admin, {
        name: 'Made by mistake',
        parentId: f.org.companyId,
      });
      return { method: 'DELETE', path: `/api/v1/units/${unit.id}` };
    },
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST deactivate a person',
    request: async (f, api) => {
      const person = await api.deps.services.people.add(f.org.admin, {
        email: `leaver${Math.random()}@org.test`,
        name: 'Leaver',
      });
      return { method: 'POST', path: `/api/v1/people/${person.id}/deactivate` };
    },
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST reactivate a person',
    request: async (f, api) => {
      const person = await api.deps.services.people.add(f.org.admin, {
        email: `returner${Math.random()}@org.test`,
        name: 'Returner',
      });
      await api.deps.services.people.deactivate(f.org.admin, person.id);
      return { method: 'POST', path: `/api/v1/people/${person.id}/reactivate` };
    },
    expect: ADMINS_ONLY,
  },
  {
    name: 'POST a password reset link for a person with a sign-in',
    request: async (f, api) => {
      const invited = await api.deps.accounts.invite(f.org.admin, {
        email: `forgetful${Math.random()}@org.test`,
        name: 'Forgetful',
      });
      await api.deps.accounts.acceptInvitation(
        { token: invited.token, password: 'a long enough password' },
        'test',
      );
      return { method: 'POST', path: `/api/v1/people/${invited.person.id}/password-reset` };
    },
    expect: { ...ADMINS_ONLY, admin: 201 },
  },
  {
    name: 'POST a new password with an unknown reset link (public)',
    request: async () => ({
      method: 'POST',
      path: '/api/v1/auth/password-reset',
      body: { token: 'tdm_pwr_unknown', password: 'a long enough password' },
    }),
    expect: { default: 404 },
  },
  {
    name: 'GET health',
    request: async () => ({ method: 'GET', path: '/api/health' }),
    expect: { default: 200 },
  },
];

describeEachDialect('authorization matrix', (dialect) => {
  let api: TestApi;
  let f: Fixture;
  const creds = new Map<Who, Credentials>();
  beforeAll(async () => {
    api = await testApi(dialect, { at: Date.UTC(2026, 9, 5) });
    const s = api.deps.services;
    const org = await smallOrg(s);
    const sales = await s.units.create(org.admin, { name: 'Sales', parentId: org.companyId });
    const seller = await s.people.add(org.admin, { email: 'seller@org.test', name: 'Seller' });
    await s.units.setMember(org.admin, sales.id, { personId: seller.id });
    const other = await s.workspaces.create({
      name: 'Other',
      admin: { email: 'admin@other.test', name: 'O' },
    });
    const base = {
      cycleId: org.cycleId,
      startDate: '2026-10-01',
      dueDate: '2026-11-30',
      measure: { type: 'boolean' as const },
    };
    const privateGoalId = (
      await s.smartGoals.create(org.member, {
        ...base,
        title: 'Pass the cloud certification exam',
        visibility: 'private',
      })
    ).id;
    const unitGoalId = (
      await s.smartGoals.create(org.member, {
        ...base,
        title: 'Publish the team runbook',
        visibility: 'unit',
      })
    ).id;
    const webhook = await s.webhooks.create(org.admin, { url: 'https://hooks.example.com/matrix' });
    const delivery = await s.webhooks.test(org.admin, webhook.id);
    f = {
      org,
      salesId: sales.id,
      privateGoalId,
      unitGoalId,
      webhookId: webhook.id,
      deliveryId: delivery.id,
      people: {
        anonymous: null,
        viewer: org.viewer,
        member: org.member,
        otherUnit: actorFor(org.workspaceId, seller.id),
        owner: org.member,
        someoneElse: org.colleague,
        lead: org.lead,
        admin: org.admin,
        otherAdmin: actorFor(other.workspace.id, other.adminId),
      },
    };
    for (const who of WHO) {
      const actor = f.people[who];
      creds.set(who, actor ? await api.tokenFor(actor) : null);
    }
  });
  afterAll(() => api.dispose());

  it('gives every caller exactly the access SPEC 8 describes, on every endpoint', async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      for (const who of WHO) {
        const request = await c.request(f, api);
        const parsesBefore = acceptParseCount();
        const res = await api.call(request.method, request.path, {
          as: creds.get(who) ?? null,
          body: request.body,
        });
        const expected = c.expect[who] ?? c.expect.default;
        if (res.status !== expected)
          failures.push(
            `${c.name} as ${who}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body).slice(0, 160)}`,
          );
        // Validated once: the route's validator parsed the body, so the service's `accept` did not.
        if (acceptParseCount() !== parsesBefore)
          failures.push(`${c.name} as ${who}: the service parsed again what the route had validated`);
      }
    }
    expect(failures).toEqual([]);
    // Every endpoint times every caller: about 900 requests, slow on a busy machine.
  }, 120_000);

  it('never shows another workspace anything, not even in lists', async () => {
    const otherAdmin = creds.get('otherAdmin')!;
    const people = await api.call('GET', '/api/v1/people?limit=500', { as: otherAdmin });
    const emails: string[] = people.body.items.map((p: { email: string }) => p.email);
    expect(emails).toContain('admin@other.test');
    expect(emails.filter((e) => e.endsWith('@org.test'))).toEqual([]);
    const objectives = await api.call('GET', '/api/v1/objectives', { as: otherAdmin });
    expect(objectives.body.items).toEqual([]);
    const goals = await api.call('GET', '/api/v1/smart-goals', { as: otherAdmin });
    expect(goals.body.items).toEqual([]);
    const units = await api.call('GET', '/api/v1/units', { as: otherAdmin });
    expect(units.body.items).toEqual([]);
    const viewerGoals = await api.call('GET', `/api/v1/smart-goals?cycle=${f.org.cycleId}`, {
      as: creds.get('viewer')!,
    });
    const ids = viewerGoals.body.items.map((g: { id: string }) => g.id);
    expect(ids).not.toContain(f.privateGoalId);
    expect(ids).not.toContain(f.unitGoalId);
    const page = await api.call('GET', `/api/v1/dashboard/units/${f.org.teamId}?cycle=${f.org.cycleId}`, {
      as: creds.get('someoneElse')!,
    });
    expect(JSON.stringify(page.body)).not.toContain('certification');
    expect(page.body.hiddenGoals).toBeGreaterThan(0);
  });
});
