import type { z } from 'zod';
import { AppError } from '../../core/errors';
import { isValidTimeZone } from '../../core/time';
import { authorize } from '../policies/authorize';
import { repositories } from '../repositories/index';
import { type Actor, type ServiceDeps, transact } from '../services/context';
import { accessNotice, publishNotices } from '../services/notices';
import type { PersonView } from '../services/person.service';
import { openSession, recordEvents } from '../services/session';
import { accept, invalid, notFound } from '../services/validate';
import { insertWorkspace } from '../services/workspace.service';
import { AccountRepository } from './account.repository';
import { decoyHash, hashPassword, verifyPassword } from './password';
import {
  acceptInvitationSchema,
  changePasswordSchema,
  inviteSchema,
  signinSchema,
  signupSchema,
} from './schemas';
import { hashSecret, newSecret } from './secrets';
import { SignInLimiter } from './sign-in-limiter';

const DAY = 86_400_000;

/** How accounts behave; parsed from the configuration. */
export interface AuthOptions {
  /** `first`: only the first sign-up creates a workspace (later people are invited); `open`: every sign-up creates one. */
  signup: 'first' | 'open';
  sessionDays: number;
  invitationDays: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = { signup: 'first', sessionDays: 14, invitationDays: 7 };

/** Who a request acts as, and how it proved it. */
export interface Principal {
  actor: Actor;
  via: 'session' | 'token';
  accountId: string | null;
  sessionId: string | null;
  /** The API token's id (bearer tokens only). */
  tokenId: string | null;
  /** The session's CSRF token (cookie sessions only). */
  csrfToken: string | null;
}

/** A new session: the secret for the cookie (shown once) and the CSRF token for unsafe requests. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: number;
}

/** What `me` returns. */
export interface Me {
  person: { id: string; email: string; name: string; role: string; timeZone: string };
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string }[];
  /** The units the person belongs to here (isLead: they lead it). */
  units: { id: string; isLead: boolean }[];
  via: 'session' | 'token';
  csrfToken: string | null;
}

const FIRST_WORKSPACE = 'first_workspace';

interface PendingSession {
  public: NewSession;
  tokenHash: string;
}

/** Sign-up, sign-in, sessions, invitations and password changes (SPEC 10, issue 5). */
export class AccountService {
  readonly limiter: SignInLimiter;

  constructor(
    readonly deps: ServiceDeps,
    readonly options: AuthOptions = DEFAULT_AUTH_OPTIONS,
  ) {
    this.limiter = new SignInLimiter(deps);
  }

  #repo(): AccountRepository {
    return new AccountRepository(this.deps.db.kysely);
  }

  /** Whether a sign-up would create a workspace now (the web app shows sign-up or sign-in). */
  async isSignupOpen(): Promise<boolean> {
    return this.options.signup === 'open' || !(await this.#repo().hasFact(FIRST_WORKSPACE));
  }

  /**
   * Creates an account, a workspace and its admin in one transaction, and signs in. With
   * `signup: 'first'` only the very first sign-up of the instance may do so.
   */
  async signup(
    input: z.input<typeof signupSchema>,
  ): Promise<{ session: NewSession; workspaceId: string; personId: string }> {
    const data = accept(signupSchema, input);
    if (data.timeZone !== undefined && !isValidTimeZone(data.timeZone))
      invalid('timeZone', 'not an IANA time zone');
    const passwordHash = await hashPassword(data.password);
    const session = this.#newSession();
    const at = this.deps.clock.now();
    return transact(this.deps, async (trx) => {
      const repo = new AccountRepository(trx);
      const isFirst = await repo.claimFact(FIRST_WORKSPACE, data.email, at);
      if (!isFirst && this.options.signup === 'first') {
        throw new AppError(
          'forbidden',
          'this Tandem already has its workspace: ask an admin for an invitation',
        );
      }
      if (await repo.findAccountByEmail(data.email)) {
        throw new AppError('conflict', 'an account with this email exists: sign in instead', {
          field: 'email',
        });
      }
      const { workspace, adminId } = await insertWorkspace(
        this.deps,
        trx,
        {
          name: data.workspaceName,
          settings: data.timeZone ? { timeZone: data.timeZone } : {},
          admin: { email: data.email, name: data.name, timeZone: data.timeZone },
        },
        { companyUnit: true },
      );
      const accountId = this.deps.newId();
      await repo.insertAccount({
        id: accountId,
        email: data.email,
        passwordHash,
        createdAt: at,
        updatedAt: at,
      });
      await repo.insertMembership(accountId, workspace.id, adminId, at);
      await repo.insertSession(this.#sessionRow(session, accountId, workspace.id, adminId, at));
      return { session: session.public, workspaceId: workspace.id, personId: adminId };
    });
  }

  /**
   * Signs in with email and password. Repeated failures lock the email (and, past a larger
   * limit, the client address) for a while, counted in the database so every node agrees; the
   * same lock-out covers every other place a password is checked.
   */
  async signin(
    input: z.input<typeof signinSchema>,
    client: string,
  ): Promise<{ session: NewSession; workspaceId: string }> {
    const data = accept(signinSchema, input);
    const repo = this.#repo();
    let account: Awaited<ReturnType<AccountRepository['findAccountByEmail']>>;
    let membership: Awaited<ReturnType<AccountRepository['memberships']>>[number] | undefined;
    const isValid = await this.limiter.attempt(data.email, client, async () => {
      account = await repo.findAccountByEmail(data.email);
      const isRight = await verifyPassword(account?.passwordHash ?? (await decoyHash()), data.password);
      const memberships = account && isRight ? await repo.memberships(account.id) : [];
      membership = data.workspaceId
        ? memberships.find((m) => m.workspaceId === data.workspaceId)
        : memberships[0];
      return membership !== undefined;
    });
    if (!isValid || !account || !membership)
      throw new AppError('unauthenticated', 'email or password is wrong');
    const session = this.#newSession();
    const at = this.deps.clock.now();
    await repo.deleteExpiredSessions(account.id, at);
    await repo.insertSession(
      this.#sessionRow(session, account.id, membership.workspaceId, membership.personId, at),
    );
    return { session: session.public, workspaceId: membership.workspaceId };
  }

  /** Ends the current session (a no-op for API tokens, which are revoked instead). */
  async signout(principal: Principal): Promise<void> {
    if (principal.sessionId) await this.#repo().deleteSession(principal.sessionId);
    // The session's open streams end now, on every node.
    publishNotices(this.deps.notices, [accessNotice(principal.actor, 'signed_out', this.deps.clock.now())]);
  }

  /** The signed-in person, their workspace and the other workspaces they may switch to. */
  async me(principal: Principal): Promise<Me> {
    const session = await openSession(this.deps, this.deps.db.kysely, principal.actor);
    const person = await session.repos.people.find(principal.actor.workspaceId, principal.actor.personId);
    const workspace = await session.repos.workspaces.find(principal.actor.workspaceId);
    if (!person || !workspace) throw new AppError('unauthenticated', 'sign in again');
    const memberships = principal.accountId ? await this.#repo().memberships(principal.accountId) : [];
    const units = await session.repos.units.membershipsOf(person.id);
    return {
      person: {
        id: person.id,
        email: person.email,
        name: person.name,
        role: person.role,
        timeZone: person.timeZone,
      },
      workspace: { id: workspace.id, name: workspace.name },
      workspaces: memberships.map((m) => ({ id: m.workspaceId, name: m.workspaceName })),
      units: units.map((m) => ({ id: m.unitId, isLead: m.isLead })),
      via: principal.via,
      csrfToken: principal.csrfToken,
    };
  }

  /**
   * Changes the password (the current one is required, the new one must differ), ends every other
   * session of the account, and records a `password_changed` event (never the password). Wrong
   * current passwords count towards the sign-in lock-out.
   */
  async changePassword(
    principal: Principal,
    input: z.input<typeof changePasswordSchema>,
    client: string,
  ): Promise<void> {
    const data = accept(changePasswordSchema, input);
    if (!principal.accountId) throw new AppError('forbidden', 'sign in with a password to change it');
    const repo = this.#repo();
    const account = await repo.findAccount(principal.accountId);
    if (!account) throw new AppError('unauthenticated', 'sign in again');
    const isRight = await this.limiter.attempt(account.email, client, () =>
      verifyPassword(account.passwordHash, data.currentPassword),
    );
    if (!isRight) invalid('currentPassword', 'is not your current password');
    if (data.newPassword === data.currentPassword)
      invalid('newPassword', 'must differ from the current password');
    const passwordHash = await hashPassword(data.newPassword);
    await transact(this.deps, async (trx) => {
      const txRepo = new AccountRepository(trx);
      await txRepo.setPassword(account.id, passwordHash, this.deps.clock.now());
      await txRepo.deleteOtherSessions(account.id, principal.sessionId);
      const session = await openSession(this.deps, trx, principal.actor);
      await recordEvents(session, [
        { entityType: 'person', entityId: principal.actor.personId, action: 'password_changed' },
      ]);
    });
  }

  /**
   * Invites someone (admins): adds the person when new, and returns a one-time link secret. The
   * secret is shown once; only its hash is stored.
   */
  async invite(
    actor: Actor,
    input: z.input<typeof inviteSchema>,
  ): Promise<{ person: PersonView; token: string; expiresAt: number }> {
    const data = accept(inviteSchema, input);
    const token = newSecret('tdm_inv_');
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'person');
      const { repos } = session;
      let personId: string;
      if ('personId' in data) {
        personId = data.personId;
        if (!(await repos.people.find(actor.workspaceId, personId))) notFound('person', personId);
      } else {
        if (await repos.people.findByEmail(actor.workspaceId, data.email)) {
          throw new AppError('conflict', `${data.email} is already a member: invite them by personId`, {
            field: 'email',
          });
        }
        if (data.managerId && !(await repos.people.find(actor.workspaceId, data.managerId)))
          invalid('managerId', 'no such person in this workspace');
        personId = this.deps.newId();
        await repos.people.insert({
          id: personId,
          workspaceId: actor.workspaceId,
          email: data.email,
          name: data.name,
          role: data.role,
          timeZone: session.settings.timeZone,
          managerId: data.managerId ?? null,
          isActive: true,
          createdAt: session.at,
        });
      }
      const repo = new AccountRepository(trx);
      if (await repo.findMembershipOfPerson(personId))
        throw new AppError('conflict', 'this person has already joined', { field: 'personId' });
      const expiresAt = session.at + this.options.invitationDays * DAY;
      await repo.insertInvitation({
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        personId,
        tokenHash: hashSecret(token),
        createdBy: actor.personId,
        createdAt: session.at,
        expiresAt,
      });
      const person = (await repos.people.find(actor.workspaceId, personId))!;
      await recordEvents(session, [
        {
          entityType: 'person',
          entityId: personId,
          action: 'invited',
          after: { email: person.email, role: person.role },
        },
      ]);
      const { createdAt: _, isActive, ...rest } = person;
      return { person: { ...rest, isActive }, token, expiresAt };
    });
  }

  /**
   * Accepts an invitation: creates the account (or, for an email that has one, checks its
   * password), links it to the invited person, and signs in to that workspace.
   */
  async acceptInvitation(
    input: z.input<typeof acceptInvitationSchema>,
    client: string,
  ): Promise<{ session: NewSession; workspaceId: string }> {
    const data = accept(acceptInvitationSchema, input);
    const repo = this.#repo();
    const invitation = await repo.findInvitationByHash(hashSecret(data.token));
    const at = this.deps.clock.now();
    if (!invitation || invitation.acceptedAt !== null || invitation.expiresAt <= at) {
      throw new AppError('not_found', 'this invitation does not exist, was used, or has expired');
    }
    const people = repositories(this.deps.db.kysely, this.deps.db.dialect).people;
    const person = await people.find(invitation.workspaceId, invitation.personId);
    if (person?.isActive !== true) throw new AppError('not_found', 'this invitation is no longer valid');
    const existing = await repo.findAccountByEmail(person.email);
    // The account's password is checked under the same lock-out as sign-in: an invitation must
    // not be a way to guess the password of a locked-out account.
    if (
      existing &&
      !(await this.limiter.attempt(existing.email, client, () =>
        verifyPassword(existing.passwordHash, data.password),
      ))
    ) {
      invalid('password', 'an account with this email exists: give its password to join');
    }
    const passwordHash = existing ? null : await hashPassword(data.password);
    const session = this.#newSession();
    return transact(this.deps, async (trx) => {
      const txRepo = new AccountRepository(trx);
      if (!(await txRepo.acceptInvitation(invitation.id, at)))
        throw new AppError('conflict', 'this invitation was just used');
      let accountId = existing?.id;
      if (!accountId) {
        accountId = this.deps.newId();
        await txRepo.insertAccount({
          id: accountId,
          email: person.email,
          passwordHash: passwordHash!,
          createdAt: at,
          updatedAt: at,
        });
      }
      await txRepo.insertMembership(accountId, invitation.workspaceId, person.id, at);
      await txRepo.insertSession(this.#sessionRow(session, accountId, invitation.workspaceId, person.id, at));
      return { session: session.public, workspaceId: invitation.workspaceId };
    });
  }

  /**
   * Gives an existing person a sign-in (for `tandem serve --demo`, whose people are generated):
   * creates the account for their email with this password and links it.
   */
  async grantSignIn(workspaceId: string, personId: string, password: string): Promise<void> {
    const person = await repositories(this.deps.db.kysely, this.deps.db.dialect).people.find(
      workspaceId,
      personId,
    );
    if (!person) return notFound('person', personId);
    const passwordHash = await hashPassword(password);
    const at = this.deps.clock.now();
    await transact(this.deps, async (trx) => {
      const repo = new AccountRepository(trx);
      const accountId = (await repo.findAccountByEmail(person.email))?.id ?? this.deps.newId();
      if (!(await repo.findAccount(accountId)))
        await repo.insertAccount({
          id: accountId,
          email: person.email,
          passwordHash,
          createdAt: at,
          updatedAt: at,
        });
      await repo.insertMembership(accountId, workspaceId, personId, at);
      await repo.claimFact(FIRST_WORKSPACE, person.email, at);
    });
  }

  /**
   * Whether a principal still holds: its session or token not ended, revoked or expired, and the
   * person still active (long-lived streams ask this now and then).
   */
  async isStillSignedIn(principal: Principal): Promise<boolean> {
    const repo = this.#repo();
    const now = this.deps.clock.now();
    if (principal.sessionId) {
      const session = await repo.findSession(principal.sessionId);
      if (!session || session.expiresAt <= now) return false;
    }
    if (principal.tokenId) {
      const token = await repo.findToken(principal.tokenId);
      if (!token || token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= now))
        return false;
    }
    const people = repositories(this.deps.db.kysely, this.deps.db.dialect).people;
    const person = await people.find(principal.actor.workspaceId, principal.actor.personId);
    return person?.isActive === true;
  }

  /** The principal of a session cookie's secret, or undefined when unknown or expired. */
  async authenticateSession(token: string): Promise<Principal | undefined> {
    const row = await this.#repo().findSessionByHash(hashSecret(token));
    if (!row || row.expiresAt <= this.deps.clock.now()) return undefined;
    return {
      actor: { workspaceId: row.workspaceId, personId: row.personId, actorType: 'person', source: 'web' },
      via: 'session',
      accountId: row.accountId,
      sessionId: row.id,
      tokenId: null,
      csrfToken: row.csrfToken,
    };
  }

  #newSession(): PendingSession {
    const token = newSecret('tdm_s_');
    const csrfToken = newSecret('');
    const expiresAt = this.deps.clock.now() + this.options.sessionDays * DAY;
    return { public: { token, csrfToken, expiresAt }, tokenHash: hashSecret(token) };
  }

  #sessionRow(session: PendingSession, accountId: string, workspaceId: string, personId: string, at: number) {
    return {
      id: this.deps.newId(),
      tokenHash: session.tokenHash,
      csrfToken: session.public.csrfToken,
      accountId,
      workspaceId,
      personId,
      createdAt: at,
      expiresAt: session.public.expiresAt,
    };
  }
}
