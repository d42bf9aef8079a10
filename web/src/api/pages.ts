/** Every item of a paged list, following `nextCursor` (a large organisation has 10,000 people). */
export async function everyPage<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const first = await fetchPage(undefined);
  const items = [...first.items];
  for (let next = first.nextCursor; next !== null; ) {
    const page = await fetchPage(next);
    items.push(...page.items);
    next = page.nextCursor;
  }
  return items;
}

/**
 * The first `limit` items of `items` that match `query` (case and accents ignored) in any of the
 * texts `textsOf` gives, and how many match in all: long lists (10,000 people, 1,000 units) show
 * a page of matches, never every row at once.
 */
export function firstMatches<T>(
  items: readonly T[],
  query: string,
  textsOf: (item: T) => readonly string[],
  limit: number,
): { shown: T[]; matching: number } {
  const wanted = fold(query.trim());
  if (wanted === '') return { shown: items.slice(0, limit), matching: items.length };
  const shown: T[] = [];
  let matching = 0;
  for (const item of items) {
    if (!textsOf(item).some((text) => fold(text).includes(wanted))) continue;
    matching++;
    if (shown.length < limit) shown.push(item);
  }
  return { shown, matching };
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
