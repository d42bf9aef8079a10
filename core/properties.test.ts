import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendedFacts,
  Evaluator,
  evaluateOrganisation,
  type MeasuredFacts,
  measuredFacts,
} from './evaluate';
import { forecast } from './forecast';
import type { Measure } from './measure';
import { DEFAULT_THRESHOLDS } from './settings';
import { progressStatus, STATUS_RANK } from './status';
import { keyResult, objective, organisation, Q4 } from './testing/factories';
import { DAY_MS } from './time';

/** Invariants of the engine, checked on random inputs (fast-check). */

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const numericMeasure: fc.Arbitrary<Measure> = fc
  .tuple(finite, finite, fc.boolean())
  .filter(([a, b]) => Math.abs(a - b) > 1e-3)
  .map(([a, b, up]) =>
    up
      ? { type: 'increase' as const, start: Math.min(a, b), target: Math.max(a, b) }
      : { type: 'decrease' as const, start: Math.max(a, b), target: Math.min(a, b) },
  );
const quarterDay = fc.integer({ min: -10, max: 100 });
const history = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 95 }), finite), { maxLength: 13 })
  .map((points) =>
    points.map(([d, value]) => ({ at: Q4.start + d * DAY_MS, value })).sort((x, y) => x.at - y.at),
  );
const krOptions = { window: Q4, level: 0.7, kind: 'aspirational' as const, canBeOverdue: false };

describe('engine invariants', () => {
  it('keeps every score in [0, 1]', () => {
    fc.assert(
      fc.property(numericMeasure, history, quarterDay, (measure, checkins, d) => {
        const result = new Evaluator(Q4.start + d * DAY_MS).measured(
          keyResult('k', { measure, checkins }),
          krOptions,
        );
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        if (result.forecast) expect(result.forecast.score).toBeGreaterThanOrEqual(0);
        if (result.forecast) expect(result.forecast.score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('puts an objective score between its lowest and highest KR score', () => {
    const krs = fc.array(
      fc.tuple(
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(krs, (specs) => {
        const keyResults = specs.map(([p, weight], i) =>
          keyResult(`k${i}`, { weight, checkins: [{ at: Q4.start + DAY_MS, value: p * 100 }] }),
        );
        const results = evaluateOrganisation(
          organisation([objective('o', keyResults)]),
          Q4.start + 30 * DAY_MS,
        );
        const o = results[0]!;
        const scores = results.slice(1).map((r) => r.score!);
        expect(o.score!).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-12);
        expect(o.score!).toBeLessThanOrEqual(Math.max(...scores) + 1e-12);
      }),
    );
  });

  it('never gives a worse status for more progress', () => {
    const input = fc.record({
      p1: fc.double({ min: -1, max: 2, noNaN: true }),
      p2: fc.double({ min: -1, max: 2, noNaN: true }),
      d: quarterDay,
      level: fc.constantFrom(0.7, 1),
      isStale: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ p1, p2, d, level, isStale }) => {
        const [low, high] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const t = Q4.start + d * DAY_MS;
        const expected = level * Math.min(1, Math.max(0, d / 92));
        const base = {
          t,
          window: Q4,
          expected,
          level,
          isStale,
          canBeOverdue: false,
          thresholds: DEFAULT_THRESHOLDS,
        };
        expect(STATUS_RANK[progressStatus({ ...base, p: high })]).toBeGreaterThanOrEqual(
          STATUS_RANK[progressStatus({ ...base, p: low })],
        );
      }),
    );
  });

  it('forecasts perfectly linear check-ins exactly', () => {
    const input = fc.record({
      slope: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 91 }), { minLength: 1, maxLength: 13 }),
    });
    fc.assert(
      fc.property(input, ({ slope, days }) => {
        const checkins = [...days]
          .sort((a, b) => a - b)
          .map((d) => ({ at: Q4.start + d * DAY_MS, value: slope * d }));
        const result = forecast(checkins, 0, 1, Q4, 0.7, Q4.end);
        expect(result).not.toBeNull();
        expect(result!.progress).toBeCloseTo(slope * 92, 9);
      }),
    );
  });

  it('ignores check-ins dated after the moment of evaluation', () => {
    fc.assert(
      fc.property(numericMeasure, history, history, quarterDay, (measure, past, future, d) => {
        const at = Q4.start + d * DAY_MS;
        const before = past.filter((c) => c.at <= at);
        const after = future.filter((c) => c.at > at);
        const a = new Evaluator(at).measured(keyResult('k', { measure, checkins: before }), krOptions);
        const b = new Evaluator(at).measured(
          keyResult('k', { measure, checkins: [...before, ...after] }),
          krOptions,
        );
        expect(b).toEqual(a);
      }),
    );
  });

  it('extends stored facts by each later check-in to the same numbers as a full pass, to the last digit', () => {
    // Values from a few levels so that runs of equal values (flatness) occur; days from before the
    // window to after it; confidence sometimes missing.
    const point = fc.record({
      day: fc.integer({ min: -5, max: 95 }),
      value: fc.oneof(fc.constantFrom(3, 3, 7.25, -1), finite),
      confidence: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(numericMeasure, fc.array(point, { maxLength: 15 }), (measure, points) => {
        const checkins = points
          .map((p) => ({ at: Q4.start + p.day * DAY_MS, value: p.value, confidence: p.confidence }))
          .sort((x, y) => x.at - y.at);
        let facts: MeasuredFacts = measuredFacts(measure, [], Q4)!;
        for (let i = 0; i < checkins.length; i++) {
          facts = appendedFacts(facts, i >= 2 ? checkins[i - 2]!.value : null, checkins[i]!, measure, Q4);
          expect(facts).toEqual(measuredFacts(measure, checkins.slice(0, i + 1), Q4));
        }
      }),
      { numRuns: 500 },
    );
  });
});
