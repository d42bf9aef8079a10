import { describe, expect, it } from 'vitest';
import { closeBody, emptyProgress, gradeLine, missingItems, needOf } from './close-out';

describe('close-out in the browser (SPEC 7)', () => {
  it.each([
    [0.95, 'committed', null], // shown as grade 1.0, green: no root cause asked
    [0.94, 'committed', 'note'],
    [1, 'committed', null],
    [0.9999999999, 'committed', null],
    [0.65, 'aspirational', null], // grade 0.7
    [0.64, 'aspirational', 'tag'],
    [0.7, 'aspirational', null],
    [null, 'aspirational', 'tag'],
  ] as const)('score %s of a %s goal needs %s', (score, kind, need) => {
    expect(needOf(score, kind)).toBe(need);
  });

  it('asks for a root cause exactly where the grade shown is red (committed) or below 0.7', () => {
    for (const score of [0, 0.3, 0.64, 0.65, 0.94, 0.95, 1]) {
      expect(needOf(score, 'committed') === 'note').toBe(gradeLine(score, 'committed').band === 'red');
      expect(needOf(score, 'aspirational') === 'tag').toBe(gradeLine(score, 'aspirational').band !== 'green');
    }
  });

  it('shows the grade with the score behind it and its band', () => {
    expect(gradeLine(0.65, 'aspirational')).toMatchObject({
      text: 'grade 0.7 from score 0.65',
      band: 'green',
    });
    expect(gradeLine(0.85, 'committed')).toMatchObject({ text: 'grade 0.9 from score 0.85', band: 'red' });
  });

  it('lists what is missing, and builds the close body from what was written', () => {
    const objectives = [
      {
        id: 'o1',
        title: 'Win the mid-market',
        score: 0.5,
        kind: 'committed' as const,
        state: 'active',
        keyResults: [
          { id: 'k1', title: 'ARR to $5M', score: 0.5 },
          { id: 'k2', title: 'NPS to 50', score: 1 },
        ],
      },
    ];
    const smart = [{ id: 's1', title: 'Hire two AEs', score: 0 }];
    const progress = emptyProgress();
    expect(missingItems(objectives, smart, progress)).toHaveLength(3);
    progress.notes.k1 = { rootCauseNote: ' Late hires ' };
    progress.notes.s1 = { rootCauseNote: 'Budget froze' };
    progress.decisions.o1 = { decision: 'modify', learned: 'Hire in Q1' };
    progress.notes.k2 = { rootCauseNote: '   ' };
    expect(missingItems(objectives, smart, progress)).toEqual([]);
    expect(closeBody(progress)).toEqual({
      notes: [
        { goalId: 'k1', rootCauseNote: 'Late hires' },
        { goalId: 's1', rootCauseNote: 'Budget froze' },
      ],
      decisions: [{ objectiveId: 'o1', decision: 'modify', learned: 'Hire in Q1' }],
    });
  });
});
