import { describe, expect, it } from 'vitest';
import type { ObjectiveNode } from '../../model';
import { links, objective } from '../../testing/factories';
import { companyObjective, draftKr, hits, measuredKr, org, smart } from './testing';

const units = [
  { key: 'company', name: 'Acme', leads: [] },
  { key: 'product', name: 'Product', parent: 'company', leads: [] },
  { key: 'platform', name: 'Platform', parent: 'product', leads: [] },
  { key: 'sales', name: 'Sales', parent: 'company', leads: [] },
];
const nps = measuredKr('nps', 'Increase NPS from 45 to 65', { type: 'increase', start: 45, target: 65 });
const company = companyObjective('top', [nps], { title: 'Become the most trusted brand in security' });
const team = (key: string, unit: string, overrides: Partial<ObjectiveNode> = {}) =>
  objective(key, [], {
    title: 'Make the product feel instant for everyone',
    unit,
    lead: 'li@x',
    ...overrides,
  });

describe('orphan', () => {
  it.each([
    ['a team objective aligned to nothing', [company, team('t', 'platform')], ['t warning']],
    [
      'a personal objective aligned to nothing',
      [company, team('p', 'x', { unit: undefined, owner: 'ana@x' })],
      ['p warning'],
    ],
    ['no company objective was read', [team('t', 'platform')], ['t info']],
    ['a team objective aligned to a KR', [company, team('t', 'platform', { parents: links('nps') })], []],
    ['a company objective', [company], []],
    ['an objective with no unit and no owner', [team('t', 'x', { unit: undefined })], []],
  ])('%s', (_name, objectives, expected) => {
    expect(hits(org({ objectives, units }), 'orphan')).toEqual(expected);
  });
});

describe('restates-parent', () => {
  it.each([
    [
      'a SMART goal repeating its KR',
      smart('s', 'Increase NPS to 65', { parents: links('nps') }),
      ['s warning'],
    ],
    [
      'a SMART goal naming the step',
      smart('s', 'Call every detractor from the October survey', { parents: links('nps') }),
      [],
    ],
    [
      'a SMART goal narrowing the scope',
      smart('s', 'Increase NPS for EMEA customers from 40 to 50', { parents: links('nps') }),
      [],
    ],
  ])('%s', (_name, goal, expected) => {
    expect(hits(org({ objectives: [company], smartGoals: [goal], units }), 'restates-parent')).toEqual(
      expected,
    );
  });

  it.each([
    ['the same words', 'Become the most trusted brand in security', ['t warning']],
    ['its own part', 'Make security reviews painless for every customer', []],
  ])('an objective with %s', (_name, title, expected) => {
    const child = team('t', 'product', { title, parents: links('top') });
    expect(hits(org({ objectives: [company, child], units }), 'restates-parent')).toEqual(expected);
  });
});

describe('level-skip', () => {
  const productObjective = team('prod', 'product', { parents: links('top') });
  it.each([
    [
      'past a unit with objectives',
      [company, productObjective, team('t', 'platform', { parents: links('top') })],
      ['t warning'],
    ],
    [
      'past a unit with objectives, to a KR',
      [company, productObjective, team('t', 'platform', { parents: links('nps') })],
      ['t warning'],
    ],
    ['past a unit with no objectives', [company, team('t', 'platform', { parents: links('top') })], []],
    [
      'to the level above too',
      [company, productObjective, team('t', 'platform', { parents: links('top', 'prod') })],
      [],
    ],
    [
      'to the level above only',
      [company, productObjective, team('t', 'platform', { parents: links('prod') })],
      [],
    ],
    [
      'across to a sibling unit',
      [company, team('s', 'sales', { parents: links('top') }), team('t', 'product', { parents: links('s') })],
      [],
    ],
  ])('%s', (_name, objectives, expected) => {
    expect(hits(org({ objectives, units }), 'level-skip')).toEqual(expected);
  });

  it('ignores objectives of the skipped unit in other cycles', () => {
    const old = { ...productObjective, cycle: '2026-Q3' };
    const objectives = [company, old, team('t', 'platform', { parents: links('top') })];
    expect(hits(org({ objectives, units }), 'level-skip')).toEqual([]);
  });
});

describe('aligned-kr-without-children', () => {
  const aligned = draftKr('a', 'Reduce time to first dashboard from 30 to 10 minutes', {
    progressSource: 'aligned',
  });
  it.each([
    ['nothing aligns to it', [], ['a warning']],
    [
      'a SMART goal supports it',
      [smart('s', 'Ship sample data for new workspaces', { parents: links('a') })],
      [],
    ],
    [
      'only a dropped goal supports it',
      [smart('s', 'Ship sample data', { parents: links('a'), state: 'dropped' })],
      ['a warning'],
    ],
  ])('%s', (_name, smartGoals, expected) => {
    const objectives = [companyObjective('o', [aligned, nps])];
    expect(hits(org({ objectives, smartGoals }), 'aligned-kr-without-children')).toEqual(expected);
  });

  it('ignores KRs measured by their own check-ins', () => {
    expect(hits(org({ objectives: [companyObjective('o', [nps])] }), 'aligned-kr-without-children')).toEqual(
      [],
    );
  });
});

describe('unresolved-link', () => {
  it.each([
    [
      'an objective aligned to a key in a file not read',
      [team('t', 'platform', { parents: links('elsewhere') })],
      [],
      ['t warning'],
    ],
    [
      'a SMART goal supporting a key in a file not read',
      [company],
      [smart('s', 'Write the runbook', { parents: links('nope') })],
      ['s warning'],
    ],
    [
      'links that resolve',
      [company, team('t', 'platform', { parents: links('nps') })],
      [smart('s', 'Write the runbook', { parents: links('nps') })],
      [],
    ],
    ['no links at all', [company, team('t', 'platform')], [], []],
  ])('%s', (_name, objectives, smartGoals, expected) => {
    expect(hits(org({ objectives, smartGoals }), 'unresolved-link')).toEqual(expected);
  });

  it('names the key and stands in for orphan and smart-not-relevant', () => {
    const o = org({ objectives: [company, team('t', 'platform', { parents: links('company-kr') })] });
    expect(hits(o, 'orphan')).toEqual([]);
    const goal = smart('s', 'Write the runbook', { parents: links('elsewhere') });
    expect(hits(org({ smartGoals: [goal] }), 'smart-not-relevant')).toEqual([]);
  });
});
