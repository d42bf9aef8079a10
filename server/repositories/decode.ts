import type { Bit } from '../db/schema';

/**
 * Rows as services use them: the tables store booleans as 0/1 (`Bit`, the same on SQLite and
 * PostgreSQL) and documents as JSON text; repositories hand out real booleans and parsed JSON,
 * and take them on writes. Decoding rewrites the row the driver made in place (no copy per row);
 * the Kysely table types (`db/schema.ts`) keep the stored shape.
 */

/** A row type `T` with the columns `K` as booleans. */
export type WithBooleans<T, K extends keyof T> = Omit<T, K> & { [P in K]: boolean };

/** `true` as 1, `false` as 0. */
export const bit = (value: boolean): Bit => (value ? 1 : 0);

/**
 * Turns the 0/1 columns `keys` of each row into booleans, in place, and returns the rows as
 * their decoded type.
 *
 * @example
 * const people = decodeBits(await query.execute(), ['isActive']);
 */
export function decodeBits<R, K extends string>(rows: R[], keys: readonly K[]): Decoded<R, K>[] {
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (const key of keys) r[key] = r[key] === 1 || r[key] === true;
  }
  return rows as unknown as Decoded<R, K>[];
}

/** One row (or none): `decodeBits` of a single row. */
export function decodeBitsOf<R, K extends string>(
  row: R | undefined,
  keys: readonly K[],
): Decoded<R, K> | undefined {
  if (row === undefined) return undefined;
  return decodeBits([row], keys)[0];
}

type Decoded<R, K extends string> = Omit<R, K & keyof R> & { [P in K & keyof R]: boolean };

/** A boolean patch field as stored (`undefined` stays absent). */
export function encodeBits<P extends Record<string, unknown>, K extends string>(
  patch: P,
  keys: readonly K[],
): { [Q in keyof P]: Q extends K ? Bit : P[Q] } {
  const out: Record<string, unknown> = { ...patch };
  for (const key of keys) if (typeof out[key] === 'boolean') out[key] = bit(out[key] as boolean);
  return out as { [Q in keyof P]: Q extends K ? Bit : P[Q] };
}
