import { describe, expect, it } from 'vitest';
import { boardOf, columnOf, type SmartGoal, stateForDrop } from './board';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const goal = (over: Partial<SmartGoal> & { status?: SmartGoal['evaluation']['status'] }): SmartGoal =>
  ({
    id: over.id ?? 'g',
    title: over.title ?? 'A goal',
    state: over.state ?? 'open',
    dueDate: over.dueDate ?? '2026-12-31',
    evaluation: {
      status: over.status ?? 'on_track',
      progress: null,
      score: null,
      expected: null,
      flags: [],
      forecast: null,
      grade: null,
    },
  }) as unknown as SmartGoal;

describe('the SMART goal board', () => {
  it('puts each goal in its column', () => {
    expect(columnOf(goal({ state: 'done' }), NOW, 'UTC')).toBe('done');
    expect(columnOf(goal({ status: 'overdue', dueDate: '2026-11-28' }), NOW, 'UTC')).toBe('overdue');
    expect(columnOf(goal({ dueDate: '2026-12-08' }), NOW, 'UTC')).toBe('due_soon');
    expect(columnOf(goal({ dueDate: '2026-12-09' }), NOW, 'UTC')).toBe('open');
    expect(columnOf(goal({ state: 'dropped' }), NOW, 'UTC')).toBeNull();
    expect(columnOf(goal({ state: 'missed' }), NOW, 'UTC')).toBeNull();
  });

  it('reads "due soon" in the workspace time zone', () => {
    // 23:00 on Dec 1 in UTC is already Dec 2 in Auckland: Dec 9 is within 7 days there.
    const late = Date.parse('2026-12-01T23:00:00Z');
    expect(columnOf(goal({ dueDate: '2026-12-09' }), late, 'UTC')).toBe('open');
    expect(columnOf(goal({ dueDate: '2026-12-09' }), late, 'Pacific/Auckland')).toBe('due_soon');
  });

  it('orders each column by due date', () => {
    const board = boardOf(
      [goal({ id: 'b', dueDate: '2026-12-20' }), goal({ id: 'a', dueDate: '2026-12-15' })],
      NOW,
      'UTC',
    );
    expect(board.open.map((g) => g.id)).toEqual(['a', 'b']);
  });

  it('changes the state only when a goal is dropped on Done, or dragged back out of it', () => {
    expect(stateForDrop(goal({}), 'done')).toBe('done');
    expect(stateForDrop(goal({ state: 'done' }), 'done')).toBeUndefined();
    expect(stateForDrop(goal({ state: 'done' }), 'open')).toBe('open');
    expect(stateForDrop(goal({}), 'due_soon')).toBeUndefined();
  });
});
