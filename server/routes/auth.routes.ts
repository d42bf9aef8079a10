import { z } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import type { Api, AppDeps } from '../app/env';
import { SESSION_COOKIE } from '../app/middleware';
import { PASSWORD_RESET_HOURS } from '../auth/password-reset.service';
import {
  acceptInvitationSchema,
  changePasswordSchema,
  inviteSchema,
  resetPasswordSchema,
  signinSchema,
  signupSchema,
} from '../auth/schemas';
import { invitationMessage, passwordResetMessage } from '../notify/messages';
import { actorOf, setSessionCookie, signedIn } from './context';
import { idParams, json, jsonBody, okSchema, route } from './openapi';
import { meSchema, personSchema } from './schemas';

const tags = ['auth'];

const signup = route({
  method: 'post',
  path: '/api/v1/auth/signup',
  tags,
  isPublic: true,
  summary: 'Sign up: the first person creates the workspace and becomes its admin',
  request: { body: jsonBody(signupSchema, 'SignupInput') },
  responses: { 201: json(meSchema, 'Signed in; the session cookie is set') },
});

const signupState = route({
  method: 'get',
  path: '/api/v1/auth/signup',
  tags,
  isPublic: true,
  summary: 'Whether a sign-up would create a workspace now',
  responses: { 200: json(z.object({ isOpen: z.boolean() }), 'Sign-up state') },
});

const signin = route({
  method: 'post',
  path: '/api/v1/auth/signin',
  tags,
  isPublic: true,
  summary: 'Sign in with email and password (locked for a while after repeated failures)',
  request: { body: jsonBody(signinSchema, 'SigninInput') },
  responses: { 200: json(meSchema, 'Signed in; the session cookie is set') },
});

const signout = route({
  method: 'post',
  path: '/api/v1/auth/signout',
  tags,
  summary: 'Sign out (ends this session)',
  responses: { 200: json(okSchema, 'Signed out') },
});

const me = route({
  method: 'get',
  path: '/api/v1/auth/me',
  tags,
  summary: 'Who is signed in, and the CSRF token for unsafe requests',
  responses: { 200: json(meSchema, 'The signed-in person') },
});

const password = route({
  method: 'post',
  path: '/api/v1/auth/password',
  tags,
  summary: 'Change the password (ends every other session)',
  request: { body: jsonBody(changePasswordSchema, 'ChangePasswordInput') },
  responses: { 200: json(okSchema, 'Changed') },
});

const invite = route({
  method: 'post',
  path: '/api/v1/invitations',
  tags: ['people'],
  summary: 'Invite someone by link (admins); the link is shown once',
  request: { body: jsonBody(inviteSchema, 'InviteInput') },
  responses: {
    201: json(
      z.object({
        person: personSchema,
        url: z.string(),
        token: z.string(),
        expiresAt: z.number(),
        emailed: z.boolean().openapi({
          description: 'Whether the link was also emailed (email is set up and the server took it)',
        }),
      }),
      'The invitation link',
    ),
  },
});

const accept = route({
  method: 'post',
  path: '/api/v1/auth/invitations/accept',
  tags,
  isPublic: true,
  summary: 'Accept an invitation with a password, and sign in',
  request: { body: jsonBody(acceptInvitationSchema, 'AcceptInvitationInput') },
  responses: { 200: json(meSchema, 'Signed in; the session cookie is set') },
});

const issueReset = route({
  method: 'post',
  path: '/api/v1/people/{id}/password-reset',
  tags: ['people'],
  summary:
    'Issue a one-time password reset link for a person who has a sign-in (admins); shown once, valid 24 hours, only the newest works',
  request: { params: idParams },
  responses: {
    201: json(
      z.object({
        personId: z.string(),
        url: z.string(),
        token: z.string(),
        expiresAt: z.number(),
        emailed: z.boolean().openapi({
          description: 'Whether the link was also emailed (email is set up and the server took it)',
        }),
      }),
      'The reset link',
    ),
  },
});

const reset = route({
  method: 'post',
  path: '/api/v1/auth/password-reset',
  tags,
  isPublic: true,
  summary:
    "Set a new password with a reset link's secret (once, before it expires); ends every session of the account",
  request: { body: jsonBody(resetPasswordSchema, 'ResetPasswordInput') },
  responses: { 200: json(okSchema, 'The password is set; sign in with it') },
});

/** How long an invitation link works (AccountService's `invitationDays`, set in server/http/deps.ts). */
const INVITATION_DAYS = 7;

/** Sign-up, sign-in, sign-out, me, password change and reset, and invitations. */
export function registerAuthRoutes(app: Api, deps: AppDeps): void {
  const signedInAs = async (token: string) => {
    const principal = await deps.accounts.authenticateSession(token);
    return deps.accounts.me(principal!);
  };
  app.openapi(signup, async (c) => {
    const { session } = await deps.accounts.signup(c.req.valid('json'));
    setSessionCookie(c, deps, session);
    return c.json(await signedInAs(session.token), 201);
  });
  app.openapi(signupState, async (c) => c.json({ isOpen: await deps.accounts.isSignupOpen() }, 200));
  app.openapi(signin, async (c) => {
    const { session } = await deps.accounts.signin(c.req.valid('json'), c.get('client'));
    setSessionCookie(c, deps, session);
    return c.json(await signedInAs(session.token), 200);
  });
  app.openapi(signout, async (c) => {
    const principal = signedIn(c);
    await deps.accounts.signout(principal);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(me, async (c) => c.json(await deps.accounts.me(signedIn(c)), 200));
  app.openapi(password, async (c) => {
    const principal = signedIn(c);
    await deps.accounts.changePassword(principal, c.req.valid('json'), c.get('client'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(invite, async (c) => {
    const actor = actorOf(c);
    const result = await deps.accounts.invite(actor, c.req.valid('json'));
    const url = `${deps.publicUrl}/invitations#${result.token}`;
    const emailed = await deps.notifications.emailPerson(
      actor.workspaceId,
      result.person.id,
      (person, workspace) => invitationMessage(person.name, workspace, url, INVITATION_DAYS),
    );
    return c.json({ ...result, url, emailed }, 201);
  });
  app.openapi(issueReset, async (c) => {
    const actor = actorOf(c);
    const issued = await deps.passwordResets.issue(actor, c.req.valid('param').id);
    const url = `${deps.publicUrl}/password-reset#${issued.token}`;
    const emailed = await deps.notifications.emailPerson(actor.workspaceId, issued.personId, (person) =>
      passwordResetMessage(person.name, url, PASSWORD_RESET_HOURS),
    );
    return c.json({ ...issued, url, emailed }, 201);
  });
  app.openapi(reset, async (c) => {
    await deps.passwordResets.reset(c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(accept, async (c) => {
    const { session } = await deps.accounts.acceptInvitation(c.req.valid('json'), c.get('client'));
    setSessionCookie(c, deps, session);
    return c.json(await signedInAs(session.token), 200);
  });
}
