import { describe, expect, it } from 'vitest';
import { defaultUnit, parseDashboardSearch, passesFilters, shownUnit } from './dashboard-filters';

const units = [
  { id: 'co', parentId: null },
  { id: 'eng', parentId: 'co' },
  { id: 'web', parentId: 'eng' },
];

describe('dashboard filters', () => {
  it('opens on the unit the viewer leads, else one they belong to; a top-level unit is the company', () => {
    expect(
      defaultUnit(
        [
          { id: 'web', isLead: false },
          { id: 'eng', isLead: true },
        ],
        units,
      ),
    ).toBe('eng');
    expect(defaultUnit([{ id: 'web', isLead: false }], units)).toBe('web');
    expect(defaultUnit([{ id: 'co', isLead: true }], units)).toBeUndefined();
    expect(defaultUnit([], units)).toBeUndefined();
    // A unit the viewer cannot list (deleted meanwhile) is ignored.
    expect(defaultUnit([{ id: 'gone', isLead: true }], units)).toBeUndefined();
  });

  it('shows the URL’s unit, the whole company for "all", else the default', () => {
    expect(shownUnit({ unit: 'web' }, 'eng')).toBe('web');
    expect(shownUnit({ unit: 'all' }, 'eng')).toBeUndefined();
    expect(shownUnit({}, 'eng')).toBe('eng');
  });

  it('keeps known keys and real statuses from the URL', () => {
    expect(parseDashboardSearch({ unit: 'u1', status: 'stale', extra: 'x', owner: 3 })).toEqual({
      unit: 'u1',
      status: 'stale',
    });
    expect(parseDashboardSearch({ status: 'great' })).toEqual({});
  });

  it('filters by owner and by the evaluated status (none counts as not started)', () => {
    const goal = { ownerId: 'p1', evaluation: { status: null } };
    expect(passesFilters(goal, { owner: 'p1', status: 'not_started' })).toBe(true);
    expect(passesFilters(goal, { owner: 'p2' })).toBe(false);
    expect(passesFilters(goal, { status: 'stale' })).toBe(false);
  });
});
