import { describe, expect, it } from 'vitest';
import {
  type HiddenGoals,
  hiddenSummary,
  idsIn,
  NOTHING_HIDDEN,
  redactIds,
  visibleRef,
  withhold,
} from './visibility';

const hiding = (...ids: string[]): HiddenGoals => ({
  has: (id) => typeof id === 'string' && ids.includes(id),
});

describe('the visibility helpers', () => {
  it('finds the values of id fields at any depth, once each', () => {
    const event = {
      before: { parentId: 'kr-1', weight: 1, title: 'kr-9' },
      after: [{ childId: 'o-1', goalIds: ['g-1', 'g-2', 3], nested: { successorId: 'o-2', note: 'x' } }],
      objectiveId: 'kr-1',
    };
    expect([...idsIn(event)].sort()).toEqual(['g-1', 'g-2', 'kr-1', 'o-1', 'o-2']);
  });

  it('replaces hidden ids by null wherever they stand, and counts them', () => {
    const value = { parentId: 'kr-1', list: ['kr-1', 'o-1'], deep: { predecessorId: 'o-2', n: 2 } };
    expect(redactIds(hiding('kr-1', 'o-2'), value)).toEqual({
      value: { parentId: null, list: [null, 'o-1'], deep: { predecessorId: null, n: 2 } },
      hidden: 3,
    });
    expect(redactIds(NOTHING_HIDDEN, value)).toEqual({ value, hidden: 0 });
  });

  it('withholds hidden references from lists and single fields', () => {
    const links = [{ parentId: 'a' }, { parentId: 'b' }, { parentId: 'c' }];
    expect(withhold(hiding('b'), links, (l) => l.parentId)).toEqual({
      visible: [{ parentId: 'a' }, { parentId: 'c' }],
      hidden: 1,
    });
    expect(visibleRef(hiding('b'), 'b')).toBeNull();
    expect(visibleRef(hiding('b'), 'a')).toBe('a');
    expect(visibleRef(hiding('b'), null)).toBeNull();
    expect([0, 1, 2].map(hiddenSummary)).toEqual([null, '1 private goal', '2 private goals']);
  });
});
