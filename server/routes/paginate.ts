import { AppError } from '../../core/errors';

/** A page of a list, and the opaque cursor to the next one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The opaque cursor of a key. */
export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

/** The key of a cursor this API gave out (or a `validation` error). */
export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw new AppError('validation', 'cursor: not a cursor this API gave out', {
      issues: [{ path: 'query.cursor', message: 'not a cursor this API gave out' }],
    });
  }
  return key;
}

/**
 * Cursor pagination over a list ordered by a unique key: the items after the cursor's key, up to
 * `limit`. Keyset-style, so a page never repeats or skips an item when others are added before it.
 *
 * @example
 * paginate(people, (p) => p.email, { limit: 50 }) // { items: [...50], nextCursor: 'YWxp...' }
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  query: { cursor?: string | undefined; limit: number },
): Page<T> {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const start = after === undefined ? 0 : sorted.findIndex((item) => keyOf(item) > after);
  const rest = start < 0 ? [] : sorted.slice(start);
  const items_ = rest.slice(0, query.limit);
  const last = items_[items_.length - 1];
  return {
    items: items_,
    nextCursor: rest.length > query.limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
