import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../app/env';
import { principalOf, SESSION_COOKIE } from '../app/middleware';
import type { Principal } from '../auth/account.service';
import type { Actor } from '../services/context';

/** The actor of a signed-in request (or `unauthenticated`). */
export function actorOf(c: Context<AppEnv>): Actor {
  return principalOf(c).actor;
}

/** The principal of a signed-in request (or `unauthenticated`). */
export function signedIn(c: Context<AppEnv>): Principal {
  return principalOf(c);
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure behind https. */
export function setSessionCookie(
  c: Context<AppEnv>,
  deps: AppDeps,
  session: { token: string; expiresAt: number },
): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.isSecureCookie,
    path: '/',
    expires: new Date(session.expiresAt),
  });
}
