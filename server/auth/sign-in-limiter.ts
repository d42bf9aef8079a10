import { AppError } from '../../core/errors';
import type { ServiceDeps } from '../services/context';
import { AccountRepository, type AttemptCount } from './account.repository';

/** Limits on password attempts: per account (lock-out) and per client address (spraying many emails). */
export interface SignInLimits {
  windowMs: number;
  lockMs: number;
  maxPerEmail: number;
  maxPerClient: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerEmail: 5,
  maxPerClient: 30,
};

interface Reservation {
  key: string;
  max: number;
  count: AttemptCount;
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const clientKey = (client: string) => `client:${client}`;

/**
 * The one lock-out of every place that checks a password (sign-in, accepting an invitation with an
 * existing account, a password change): per account email and per client address, counted in the
 * database so the limit holds across server nodes.
 *
 * Each attempt is counted before its password is checked, by one atomic statement per key (an
 * upsert that increments and returns the count), so concurrent guesses cannot all pass a check
 * made before any of them failed: of 25 at once against a limit of 5, at most 5 are checked. A
 * right password forgets the account's count and gives the client's attempt back; a wrong one
 * keeps both, and the attempt that reaches a limit locks its key for `lockMs`. A locked key is
 * refused before the password is checked, so a lock-out cannot be used to test passwords.
 *
 * @example
 * const isRight = await limiter.attempt(email, client, () => verifyPassword(hash, password));
 */
export class SignInLimiter {
  constructor(
    readonly deps: ServiceDeps,
    readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  #repo() {
    return new AccountRepository(this.deps.db.kysely);
  }

  /**
   * Counts one password attempt for `email` from `client`, then runs `check` (true when the
   * password is right). Throws `rate_limited` (with `retryAfterSeconds`) without running `check`
   * while the email or the client is locked or has used up its attempts.
   */
  async attempt(email: string, client: string, check: () => Promise<boolean>): Promise<boolean> {
    const byEmail = await this.#reserve(emailKey(email), this.limits.maxPerEmail);
    const byClient = await this.#reserve(clientKey(client), this.limits.maxPerClient).catch(
      async (error: unknown) => {
        await this.#repo().releaseAttempt(byEmail.key);
        throw error;
      },
    );
    const isRight = await check();
    const repo = this.#repo();
    if (isRight) {
      await repo.clearFailures(byEmail.key);
      await repo.releaseAttempt(byClient.key);
      return true;
    }
    const lockedUntil = this.deps.clock.now() + this.limits.lockMs;
    for (const r of [byEmail, byClient])
      if (r.count.failures >= r.max) await repo.lockAttempts(r.key, lockedUntil);
    return false;
  }

  /** Forgets an account's failed attempts (after its password was reset by an admin's link). */
  async clear(email: string): Promise<void> {
    await this.#repo().clearFailures(emailKey(email));
  }

  async #reserve(key: string, max: number): Promise<Reservation> {
    const now = this.deps.clock.now();
    const count = await this.#repo().countAttempt(key, {
      now,
      windowStartAfter: now - this.limits.windowMs,
      max,
      lockedUntil: now + this.limits.lockMs,
    });
    const lockedUntil = count.lockedUntil ?? 0;
    if (lockedUntil > now || count.failures > max) {
      throw new AppError('rate_limited', 'too many failed sign-ins: try again later', {
        retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil - now) / 1000)),
      });
    }
    return { key, max, count };
  }
}
