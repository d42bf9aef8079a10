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
  /** Per slug, the suffix to try next: keys are only ever added, so the smaller ones stay taken. */
  readonly #next = new Map<string, number>();

  /** Reserves a key as it is (a unit's or a goal's own key). */
  reserve(key: string): string {
    this.#taken.add(key.toLowerCase());
    return key;
  }

  /** A free key made from `title`. */
  allocate(title: string, fallback?: string): string {
    const base = slugKey(title, fallback);
    let key = base;
    // Many goals share a title (a template copied across teams): resuming where the last search
    // for the same slug ended keeps this linear instead of quadratic in the number of copies.
    let n = this.#next.get(base) ?? 2;
    if (this.#taken.has(key)) {
      key = `${base}-${n}`;
      while (this.#taken.has(key)) key = `${base}-${++n}`;
      this.#next.set(base, n + 1);
    }
    this.#taken.add(key);
    return key;
  }
}
