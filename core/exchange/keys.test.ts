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

  it('stays fast with tens of thousands of copies of one title', () => {
    const keys = new KeyAllocator();
    const started = performance.now();
    for (let i = 0; i < 30_000; i++) keys.allocate('Launch the partner programme');
    expect(keys.allocate('Launch the partner programme')).toBe('launch-the-partner-programme-30001');
    // Quadratic search took seconds here; linear takes milliseconds (a generous bound for a busy machine).
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
