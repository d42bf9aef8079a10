import { describe, expect, it } from 'vitest';
import { everyPage } from './dashboard.queries';

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
