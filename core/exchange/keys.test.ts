import { describe, expect, it } from 'vitest';
import { KeyAllocator, slugKey } from './keys';

describe('KeyAllocator', () => {
  it('numbers copies of a title in order, around reserved keys', () => {
    const keys = new KeyAllocator();
    keys.reserve('grow-revenue-3');
    const given = Array.from({ length: 5 }, () => keys.allocate('Grow revenue'));
    expect(given).toEqual([
      'grow-revenue',
      'grow-revenue-2',
      'grow-revenue-4',
      'grow-revenue-5',
      'grow-revenue-6',
    ]);
    keys.reserve('grow-revenue-7');
    expect(keys.allocate('Grow revenue!')).toBe('grow-revenue-8');
    expect(slugKey('Reduce churn from 4% to 2.5%')).toBe('reduce-churn-from-4-to-2-5');
  });

  it('numbers tens of thousands of copies of one title (the large organisation has them)', () => {
    const keys = new KeyAllocator();
    for (let i = 0; i < 30_000; i++) keys.allocate('Launch the partner programme');
    expect(keys.allocate('Launch the partner programme')).toBe('launch-the-partner-programme-30001');
  });
});
