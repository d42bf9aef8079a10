import { AppError } from '../../core/errors';
import type { ServiceDeps } from '../services/context';
import { AccountRepository, type SignInFailureRow } from './account.repository';

/** Limits on failed sign-ins: per email (lock-out) and per client address (spraying many emails). */
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

/**
 * Counts failed sign-ins in the database (so the limit holds across server nodes) and locks an
 * email or a client address for a while once it fails too often. A locked key is refused before
 * the password is checked, so a lock-out cannot be used to test passwords.
 */
export class SignInLimiter {
  constructor(
    readonly deps: ServiceDeps,
    readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  #repo() {
    return new AccountRepository(this.deps.db.kysely);
  }

  /** Throws `rate_limited` (with `retryAfterSeconds`) while the email or the client is locked. */
  async assertAllowed(email: string, client: string): Promise<void> {
    const now = this.deps.clock.now();
    for (const key of [`email:${email}`, `client:${client}`]) {
      const row = await this.#repo().findFailures(key);
      if (row?.lockedUntil && row.lockedUntil > now) {
        throw new AppError('rate_limited', 'too many failed sign-ins: try again later', {
          retryAfterSeconds: Math.ceil((row.lockedUntil - now) / 1000),
        });
      }
    }
  }

  /** Counts a failure against the email and the client. */
  async recordFailure(email: string, client: string): Promise<void> {
    await this.#bump(`email:${email}`, this.limits.maxPerEmail);
    await this.#bump(`client:${client}`, this.limits.maxPerClient);
  }

  /** Forgets an email's failures after a successful sign-in. */
  async clear(email: string): Promise<void> {
    await this.#repo().clearFailures(`email:${email}`);
  }

  async #bump(key: string, max: number): Promise<void> {
    const now = this.deps.clock.now();
    const repo = this.#repo();
    const row = await repo.findFailures(key);
    const isFresh = !row || now - row.windowStart > this.limits.windowMs;
    const next: SignInFailureRow = {
      key,
      failures: isFresh ? 1 : row.failures + 1,
      windowStart: isFresh ? now : row.windowStart,
      lockedUntil: null,
    };
    if (next.failures >= max) next.lockedUntil = now + this.limits.lockMs;
    await repo.saveFailures(next);
  }
}
