import { describe, expect, it } from 'vitest';
import { everyPage, firstMatches } from './pages';

describe('everyPage', () => {
  it('follows nextCursor to the last page and keeps the order', async () => {
    const all = Array.from({ length: 1234 }, (_, i) => `person ${i}`);
    const asked: (string | undefined)[] = [];
    const items = await everyPage(async (cursor) => {
      asked.push(cursor);
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = Math.min(all.length, start + 500);
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    });
    expect(items).toEqual(all);
    expect(asked).toEqual([undefined, '500', '1000']);
  });

  it('one page when there is no next cursor', async () => {
    expect(await everyPage(async () => ({ items: [1, 2], nextCursor: null }))).toEqual([1, 2]);
  });
});

describe('firstMatches', () => {
  const people = Array.from({ length: 250 }, (_, i) => ({
    name: i === 200 ? 'Zoë Ångström' : `Person ${i}`,
    email: `p${i}@acme.test`,
  }));
  const texts = (p: { name: string; email: string }) => [p.name, p.email];

  it('shows the first page of everything when nothing is asked', () => {
    const { shown, matching } = firstMatches(people, '  ', texts, 100);
    expect(shown).toEqual(people.slice(0, 100));
    expect(matching).toBe(250);
  });

  it('matches any text, ignoring case and accents, and counts past the page', () => {
    expect(firstMatches(people, 'zoe angstrom', texts, 10).shown.map((p) => p.email)).toEqual([
      'p200@acme.test',
    ]);
    const ones = firstMatches(people, 'person 1', texts, 5);
    expect(ones.shown.map((p) => p.name)).toEqual([
      'Person 1',
      'Person 10',
      'Person 11',
      'Person 12',
      'Person 13',
    ]);
    expect(ones.matching).toBe(111);
    expect(firstMatches(people, 'P7@ACME', texts, 10).shown.map((p) => p.name)).toEqual(['Person 7']);
  });
});
