import { describe, expect, it } from 'vitest';
import { actionItems, matchScore, searchPalette, sourceItems } from './palette';

const items = [
  ...actionItems(false),
  ...sourceItems({
    objectives: [
      {
        id: 'o1',
        title: 'Customers love the product',
        keyResults: [
          { id: 'k1', title: 'NPS from 20 to 50' },
          { id: 'k2', title: 'Monthly churn from 5 % to 2 %' },
        ],
      },
      { id: 'o2', title: 'Grow the product line', keyResults: [] },
    ],
    smartGoals: [{ id: 's1', title: 'Pass the cloud certification exam' }],
    people: [
      { id: 'p1', name: 'Zoë Lead', email: 'zoe@acme.test' },
      { id: 'p2', name: 'Gone Person', email: 'gone@acme.test', isActive: false },
    ],
    units: [{ id: 'u1', name: 'Product' }],
  }),
];

const titles = (query: string) =>
  searchPalette(items, query).map((s) => [s.label, s.items.map((i) => i.title)]);

describe('the command palette search', () => {
  it('shows only the jumps before anything is typed, and no admin jump for a member', () => {
    const sections = searchPalette(items, '');
    expect(sections.map((s) => s.label)).toEqual(['Jump to']);
    expect(sections[0]!.items.map((i) => i.title)).toContain('Check in');
    expect(sections[0]!.items.map((i) => i.title)).not.toContain('Administration');
    expect(actionItems(true).map((i) => i.title)).toContain('Administration');
  });

  it('finds goals, people and units by every word typed, accents and case aside, best first', () => {
    expect(titles('product')).toEqual([
      ['Objectives', ['Customers love the product', 'Grow the product line']],
      ['Key results', ['NPS from 20 to 50', 'Monthly churn from 5 % to 2 %']],
      ['Units', ['Product']],
    ]);
    expect(titles('CHURN month')).toEqual([['Key results', ['Monthly churn from 5 % to 2 %']]]);
    expect(titles('zoe')).toEqual([['People', ['Zoë Lead']]]);
    expect(titles('gone')).toEqual([]);
    expect(titles('cert')).toEqual([['SMART goals', ['Pass the cloud certification exam']]]);
  });

  it('finds the jumps by their other words too', () => {
    expect(titles('confidence')).toEqual([['Jump to', ['Check in']]]);
    expect(titles('spreadsheet')).toEqual([['Jump to', ['Import goals']]]);
  });

  it('ranks a title that starts with the query over a word in it, over a match anywhere', () => {
    const [objective] = sourceItems({
      objectives: [{ id: 'o', title: 'Grow revenue', keyResults: [] }],
      smartGoals: [],
      people: [],
      units: [],
    });
    expect(matchScore(objective!, 'grow')).toBe(4);
    expect(matchScore(objective!, 'revenue')).toBe(3);
    expect(matchScore(objective!, 'even')).toBe(2);
    expect(matchScore(objective!, 'objective')).toBe(1);
    expect(matchScore(objective!, 'nothing')).toBe(0);
  });

  it('leads each item to its page', () => {
    const kr = items.find((i) => i.id === 'key_result:k1')!;
    expect(kr.target).toEqual({ to: '/key-results/$keyResultId', params: { keyResultId: 'k1' } });
    expect(kr.detail).toBe('Key result of Customers love the product');
    expect(items.find((i) => i.id === 'person:p1')!.target).toEqual({
      to: '/',
      search: { unit: 'all', owner: 'p1' },
    });
  });
});
