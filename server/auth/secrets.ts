import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret with a readable prefix (`tdm_s_...` sessions, `tdm_pat_...` API tokens,
 * `tdm_inv_...` invitations): 32 random bytes, base64url.
 *
 * @example
 * newSecret('tdm_pat_') // 'tdm_pat_Qm9...'
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of a secret, as stored. High-entropy random secrets need no slow hash: guessing one is
 * infeasible, and a fast hash lets every request be authenticated with one indexed lookup.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Compares two strings in constant time (for CSRF tokens). */
export function isSameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
