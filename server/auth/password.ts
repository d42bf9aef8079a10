import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum, which `verbatimModuleSyntax` cannot import). */
const ARGON2ID = 2 as Algorithm;

/** Rules for a new password: long enough to resist guessing, short enough to hash quickly. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * Hashes a password with argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane).
 *
 * @example
 * const stored = await hashPassword('correct horse battery');
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** Whether a password matches a stored argon2id hash (false for a malformed hash). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a throwaway password, checked when no account matches so timing does not reveal emails. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
