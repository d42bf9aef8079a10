/**
 * Keys for goals, units and files that have none of their own: readable, stable for the same
 * titles in the same order, and unique within one export.
 */

const MAX_KEY = 48;

/**
 * A key from a title: lower case ASCII letters and digits joined by `-`, at most 48 characters,
 * cut at a word boundary where it can be.
 *
 * @example
 * slugKey('Reduce churn from 4% to 2.5%'); // 'reduce-churn-from-4-to-2-5'
 */
export function slugKey(title: string, fallback = 'goal'): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let key = '';
  for (const word of words) {
    const next = key === '' ? word : `${key}-${word}`;
    if (next.length > MAX_KEY) {
      if (key === '') key = word.slice(0, MAX_KEY);
      break;
    }
    key = next;
  }
  return key === '' ? fallback : key;
}

/** Hands out unique keys: the slug of a title, then `-2`, `-3`... when it is taken. */
export class KeyAllocator {
  readonly #taken = new Set<string>();

  /** Reserves a key as it is (a unit's or a goal's own key). */
  reserve(key: string): string {
    this.#taken.add(key.toLowerCase());
    return key;
  }

  /** A free key made from `title`. */
  allocate(title: string, fallback?: string): string {
    const base = slugKey(title, fallback);
    let key = base;
    for (let n = 2; this.#taken.has(key); n++) key = `${base}-${n}`;
    this.#taken.add(key);
    return key;
  }
}
