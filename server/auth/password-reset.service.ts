import type { z } from 'zod';
import { AppError } from '../../core/errors';
import { authorize } from '../policies/authorize';
import { repositories } from '../repositories/index';
import { type Actor, type ServiceDeps, transact } from '../services/context';
import { openSession, recordEvents } from '../services/session';
import { accept, notFound } from '../services/validate';
import { AccountRepository } from './account.repository';
import { hashPassword } from './password';
import { resetPasswordSchema } from './schemas';
import { hashSecret, newSecret } from './secrets';
import type { SignInLimiter } from './sign-in-limiter';

const HOUR = 3_600_000;

/** How long a reset link works. */
export const PASSWORD_RESET_HOURS = 24;

/** A reset link's secret (shown once) and when it stops working. */
export interface IssuedReset {
  personId: string;
  token: string;
  expiresAt: number;
}

/**
 * Password resets for people who forgot theirs: an admin issues a one-time link (email delivery
 * comes with notifications); the person sets a new password with it, which ends all their
 * sessions. Only the SHA-256 of a link's secret is stored.
 */
export class PasswordResetService {
  constructor(
    readonly deps: ServiceDeps,
    readonly limiter: SignInLimiter,
  ) {}

  /**
   * Issues a reset link for a person of the admin's workspace who has a sign-in. The newest link
   * is the only one that works; it expires after `PASSWORD_RESET_HOURS`.
   */
  async issue(actor: Actor, personId: string): Promise<IssuedReset> {
    const token = newSecret('tdm_pwr_');
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'person');
      const person =
        (await session.repos.people.find(actor.workspaceId, personId)) ?? notFound('person', personId);
      if (person.isActive !== true)
        throw new AppError('conflict', 'this person is deactivated: reactivate them first', {
          reason: 'inactive',
        });
      const repo = new AccountRepository(trx);
      const membership = await repo.findMembershipOfPerson(personId);
      if (!membership)
        throw new AppError('conflict', 'this person has no sign-in yet: send them an invitation instead', {
          reason: 'no_account',
        });
      // An account may belong to several workspaces (open sign-up): its password is theirs too,
      // so one workspace's admin may not set it.
      const workspaces = await repo.workspacesOfAccount(membership.accountId);
      if (workspaces.some((id) => id !== actor.workspaceId))
        throw new AppError(
          'conflict',
          'this person signs in to other workspaces too: only they can change their password',
          { reason: 'other_workspaces' },
        );
      const expiresAt = session.at + PASSWORD_RESET_HOURS * HOUR;
      await repo.insertPasswordReset({
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        personId,
        accountId: membership.accountId,
        tokenHash: hashSecret(token),
        createdBy: actor.personId,
        createdAt: session.at,
        expiresAt,
      });
      await recordEvents(session, [
        { entityType: 'person', entityId: personId, action: 'password_reset_issued', after: { expiresAt } },
      ]);
      return { personId, token, expiresAt };
    });
  }

  /**
   * Sets a new password with a reset link's secret: once, before it expires, for an active
   * person. Every session of the account ends (API tokens stay: they do not depend on the
   * password); the person then signs in with the new password. Returns whose password it was,
   * so that their open streams can be ended at once.
   */
  async reset(
    input: z.input<typeof resetPasswordSchema>,
  ): Promise<{ workspaceId: string; personId: string }> {
    const data = accept(resetPasswordSchema, input);
    const repo = new AccountRepository(this.deps.db.kysely);
    const reset = await repo.findPasswordResetByHash(hashSecret(data.token));
    const at = this.deps.clock.now();
    const gone = () => new AppError('not_found', 'this reset link does not exist, was used, or has expired');
    if (!reset || reset.usedAt !== null || reset.expiresAt <= at) throw gone();
    const people = repositories(this.deps.db.kysely, this.deps.db.dialect).people;
    const person = await people.find(reset.workspaceId, reset.personId);
    if (person?.isActive !== true) throw gone();
    const passwordHash = await hashPassword(data.password);
    await transact(this.deps, async (trx) => {
      const txRepo = new AccountRepository(trx);
      if (!(await txRepo.usePasswordReset(reset.id, at))) throw gone();
      await txRepo.setPassword(reset.accountId, passwordHash, at);
      await txRepo.deleteOtherSessions(reset.accountId, null);
      const session = await openSession(this.deps, trx, {
        workspaceId: reset.workspaceId,
        personId: reset.personId,
        actorType: 'person',
        source: 'web',
      });
      await recordEvents(session, [
        { entityType: 'person', entityId: reset.personId, action: 'password_reset' },
      ]);
    });
    await this.limiter.clear(person.email);
    return { workspaceId: reset.workspaceId, personId: reset.personId };
  }
}
