import { describe, expect, it } from 'vitest';
import { changedFields, describeEvent, showValue } from './history';

describe('a goal history in words', () => {
  const before = { title: 'NPS to 45', dueDate: '2026-12-01', version: 3, score: 0.2, ownerId: 'p1' };
  const after = { title: 'NPS to 50', dueDate: '2026-12-15', version: 4, score: 0.3, ownerId: 'p1' };

  it('names the fields a person changed, leaving out versions and rollups', () => {
    expect(changedFields({ before, after }).map((c) => [c.field, c.before, c.after])).toEqual([
      ['title', 'NPS to 45', 'NPS to 50'],
      ['dueDate', '2026-12-01', '2026-12-15'],
    ]);
    expect(describeEvent({ action: 'updated', before, after })).toBe('changed the title and due date');
    expect(describeEvent({ action: 'updated', before, after: { ...before, version: 4 } })).toBe(
      'saved it unchanged',
    );
  });

  it('words other actions, and unknown ones plainly', () => {
    expect(describeEvent({ action: 'created', before: null, after })).toBe('created it');
    expect(describeEvent({ action: 'settings_updated', before: null, after: null })).toBe('settings updated');
    expect(changedFields({ before: null, after })).toEqual([]);
  });

  it('shows people by name and long values shortened', () => {
    const names = new Map([['p1', 'Ana']]);
    expect(showValue('p1', names)).toBe('Ana');
    expect(showValue(null, names)).toBe('nothing');
    expect(showValue({ type: 'milestones', milestones: Array(20).fill('step') }, names)).toMatch(/…$/);
  });
});
