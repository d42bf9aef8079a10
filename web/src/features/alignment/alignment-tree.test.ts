import { describe, expect, it } from 'vitest';
import {
  type AlignmentNode,
  buildRows,
  type Children,
  isOrphan,
  moveFocus,
  resolveFocus,
  toggleFor,
} from './alignment-tree';

const node = (id: string, over: Partial<AlignmentNode> = {}): AlignmentNode => ({
  id,
  type: 'objective',
  title: id,
  unitId: 'co',
  ownerId: null,
  status: 'on_track',
  score: 0.5,
  progress: 0.5,
  parentIds: [],
  childCount: 0,
  ...over,
});

const o1 = node('o1', { title: 'Customers love us', childCount: 2 });
const kr1 = node('kr1', { type: 'key_result', title: 'NPS to 50', parentIds: ['o1'], childCount: 2 });
const kr2 = node('kr2', { type: 'key_result', title: 'Churn to 2 %', parentIds: ['o1'], childCount: 1 });
const shared = node('g1', { type: 'smart_goal', title: 'Onboarding guide', parentIds: ['kr1', 'kr2'] });
const late = node('g2', { type: 'smart_goal', title: 'Fix sign-in', status: 'overdue', parentIds: ['kr1'] });

const children: Record<string, Children> = {
  o1: { nodes: [kr1, kr2], hiddenSummary: null, isLoading: false },
  kr1: { nodes: [shared, late], hiddenSummary: '2 private goals', isLoading: false },
  kr2: { nodes: [shared], hiddenSummary: null, isLoading: false },
};
const base = {
  roots: [o1],
  childrenOf: (id: string) => children[id],
  topUnits: new Set(['co']),
};

describe('the alignment tree rows', () => {
  it('shows only the top while collapsed, children in order when expanded, with their set positions', () => {
    expect(buildRows({ ...base, expanded: new Set() }).map((r) => r.key)).toEqual(['o1']);
    const rows = buildRows({ ...base, expanded: new Set(['o1', 'o1/kr1']) });
    expect(rows.map((r) => [r.key, r.level, r.posInSet, r.setSize])).toEqual([
      ['o1', 1, 1, 1],
      ['o1/kr1', 2, 1, 2],
      ['o1/kr1/g1', 3, 1, 3],
      ['o1/kr1/g2', 3, 2, 3],
      ['o1/kr1/#hidden', 3, 3, 3],
      ['o1/kr2', 2, 2, 2],
    ]);
    expect(rows[4]!.text).toBe('2 private goals');
  });

  it('shows a goal with two parents under each, naming the other one', () => {
    const rows = buildRows({ ...base, expanded: new Set(['o1', 'o1/kr1', 'o1/kr2']) });
    const copies = rows.filter((r) => r.node?.id === 'g1');
    expect(copies.map((r) => [r.key, r.otherParents])).toEqual([
      ['o1/kr1/g1', ['kr2']],
      ['o1/kr2/g1', ['kr1']],
    ]);
  });

  it('says "loading" under a node whose children are on their way', () => {
    const rows = buildRows({ ...base, childrenOf: () => undefined, expanded: new Set(['o1']) });
    expect(rows.map((r) => r.kind)).toEqual(['goal', 'loading']);
  });

  it('keeps the path to every match when filtering, and drops the rest', () => {
    const expanded = new Set(['o1', 'o1/kr1', 'o1/kr2']);
    const byText = buildRows({ ...base, expanded, filter: { text: 'sign-in' } });
    expect(byText.map((r) => r.key)).toEqual(['o1', 'o1/kr1', 'o1/kr1/g2']);
    const byStatus = buildRows({ ...base, expanded, filter: { status: 'overdue' } });
    expect(byStatus.map((r) => r.key)).toEqual(['o1', 'o1/kr1', 'o1/kr1/g2']);
    expect(buildRows({ ...base, expanded, filter: { text: 'nothing like it' } })).toEqual([]);
  });

  it('marks as orphans the goals aligned to nothing, except company objectives', () => {
    const topUnits = new Set(['co']);
    expect(isOrphan(o1, topUnits)).toBe(false);
    expect(isOrphan(node('t1', { unitId: 'team' }), topUnits)).toBe(true);
    expect(isOrphan(node('g9', { type: 'smart_goal' }), topUnits)).toBe(true);
    expect(isOrphan(shared, topUnits)).toBe(false);
  });

  it('lists a group of orphans that loads page by page', () => {
    const orphan = node('g9', { type: 'smart_goal', title: 'Learn Rust' });
    const group = {
      id: '#orphans',
      title: 'Aligned to nothing',
      nodes: [orphan],
      isLoading: false,
      hasMore: true,
    };
    const rows = buildRows({ ...base, groups: [group], expanded: new Set(['#orphans']) });
    expect(rows.map((r) => [r.key, r.kind, r.isOrphan])).toEqual([
      ['o1', 'goal', false],
      ['#orphans', 'group', false],
      ['#orphans/g9', 'goal', true],
      ['#orphans/#more', 'more', false],
    ]);
    expect(rows.at(-1)!.moreOf).toBe('#orphans');
  });
});

describe('tree keys (WAI-ARIA tree view)', () => {
  const rows = buildRows({ ...base, expanded: new Set(['o1', 'o1/kr1']) });
  it('moves down, up, home and end', () => {
    expect(moveFocus(rows, 'o1', 'ArrowDown')).toBe('o1/kr1');
    expect(moveFocus(rows, 'o1/kr1', 'ArrowUp')).toBe('o1');
    expect(moveFocus(rows, 'o1/kr1/g2', 'Home')).toBe('o1');
    expect(moveFocus(rows, 'o1', 'End')).toBe('o1/kr2');
    expect(moveFocus(rows, 'o1/kr2', 'ArrowDown')).toBe('o1/kr2');
  });

  it('Right opens a closed node, then goes to its first child; Left closes, then goes to the parent', () => {
    const closed = rows.find((r) => r.key === 'o1/kr2')!;
    expect(toggleFor(closed, 'ArrowRight')).toBe('expand');
    const open = rows.find((r) => r.key === 'o1/kr1')!;
    expect(toggleFor(open, 'ArrowRight')).toBeUndefined();
    expect(moveFocus(rows, 'o1/kr1', 'ArrowRight')).toBe('o1/kr1/g1');
    expect(toggleFor(open, 'ArrowLeft')).toBe('collapse');
    expect(moveFocus(rows, 'o1/kr1/g1', 'ArrowLeft')).toBe('o1/kr1');
    const leaf = rows.find((r) => r.key === 'o1/kr1/g1')!;
    expect(toggleFor(leaf, 'ArrowRight')).toBeUndefined();
    expect(moveFocus(rows, 'o1/kr1/g1', 'Tab')).toBeUndefined();
  });
});

describe('focus when its row goes away', () => {
  it('moves from a loading row to the first child that arrived, else up the path', () => {
    const rows = buildRows({ ...base, expanded: new Set(['o1']) });
    expect(resolveFocus(rows, 'o1/#loading')).toBe('o1/kr1');
    expect(resolveFocus(rows, 'o1/kr1/g2')).toBe('o1/kr1');
    expect(resolveFocus(rows, undefined)).toBe('o1');
    expect(resolveFocus(rows, 'gone')).toBe('o1');
  });
});
