import { z } from 'zod';
import { nearlyEqual, RELATIVE_TOLERANCE } from './numbers';

/**
 * Measures (SPEC 3.1): how a key result or SMART goal is measured, and the raw progress a value
 * gives. Raw progress `p` is any real number; the score is `clamp(p, 0, 1)`.
 */

export { nearlyEqual, RELATIVE_TOLERANCE };

const finite = z.number().finite();
const unit = z
  .string()
  .trim()
  .max(40)
  .optional()
  .describe('Unit shown beside values, such as "%", "ms", "$".');

const milestone = z.union([
  z.string().trim().min(1).max(200),
  z
    .object({ name: z.string().trim().min(1).max(200), weight: z.number().finite().min(0).default(1) })
    .strict(),
]);

const increase = z
  .object({ type: z.literal('increase'), start: finite, target: finite, unit })
  .strict()
  .superRefine((m, ctx) => {
    if (m.target === m.start)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'target must differ from start' });
    else if (m.target < m.start)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `an increase needs a target above start (${m.start}); use type "decrease" to go down`,
      });
  });

const decrease = z
  .object({ type: z.literal('decrease'), start: finite, target: finite, unit })
  .strict()
  .superRefine((m, ctx) => {
    if (m.target === m.start)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'target must differ from start' });
    else if (m.target > m.start)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: `a decrease needs a target below start (${m.start}); use type "increase" to go up`,
      });
  });

const atLeast = z.object({ type: z.literal('at_least'), threshold: finite, unit }).strict();
const atMost = z.object({ type: z.literal('at_most'), threshold: finite, unit }).strict();

const between = z
  .object({ type: z.literal('between'), low: finite, high: finite, unit })
  .strict()
  .superRefine((m, ctx) => {
    if (m.low > m.high)
      ctx.addIssue({ code: 'custom', path: ['high'], message: `high must be at least low (${m.low})` });
  });

const milestones = z
  .object({ type: z.literal('milestones'), milestones: z.array(milestone).min(1).max(100) })
  .strict()
  .superRefine((m, ctx) => {
    const names = new Set<string>();
    let total = 0;
    m.milestones.forEach((item, index) => {
      const name = typeof item === 'string' ? item : item.name;
      if (names.has(name.toLowerCase()))
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', index],
          message: `milestone "${name}" is listed twice`,
        });
      names.add(name.toLowerCase());
      total += typeof item === 'string' ? 1 : item.weight;
    });
    if (total <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: 'at least one milestone needs a positive weight',
      });
  });

const boolean = z.object({ type: z.literal('boolean') }).strict();

/** A complete, valid measure. Invalid combinations are rejected with the offending field named. */
export const measureSchema = z.discriminatedUnion('type', [
  increase,
  decrease,
  atLeast,
  atMost,
  between,
  milestones,
  boolean,
]);

export type Measure = z.infer<typeof measureSchema>;
export type MeasureType = Measure['type'];
export type MaintainMeasure = Extract<Measure, { type: 'at_least' | 'at_most' | 'between' }>;

export const MEASURE_TYPES = [
  'increase',
  'decrease',
  'at_least',
  'at_most',
  'between',
  'milestones',
  'boolean',
] as const satisfies readonly MeasureType[];

/** The fields each measure type needs, to tell a draft (incomplete) measure from a complete one. */
export const REQUIRED_MEASURE_FIELDS: Record<MeasureType, readonly string[]> = {
  increase: ['start', 'target'],
  decrease: ['start', 'target'],
  at_least: ['threshold'],
  at_most: ['threshold'],
  between: ['low', 'high'],
  milestones: ['milestones'],
  boolean: [],
};

/** Whether a measure is of a maintain type (SPEC 3.3), whose progress counts met periods. */
export function isMaintain(measure: Measure): measure is MaintainMeasure {
  return measure.type === 'at_least' || measure.type === 'at_most' || measure.type === 'between';
}

/** Clamps `x` to `[low, high]`. */
export function clamp(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}

/** Milestone names and weights, with the default weight of 1 filled in. */
export function milestoneWeights(
  measure: Extract<Measure, { type: 'milestones' }>,
): { name: string; weight: number }[] {
  return measure.milestones.map((item) =>
    typeof item === 'string' ? { name: item, weight: 1 } : { name: item.name, weight: item.weight },
  );
}

/**
 * Progress of a set of done milestones: the sum of their weights over the sum of all weights.
 * Names are matched case-insensitively; unknown names are ignored (validation reports them).
 */
export function milestoneProgress(
  measure: Extract<Measure, { type: 'milestones' }>,
  done: readonly string[],
): number {
  const doneNames = new Set(done.map((name) => name.toLowerCase()));
  let total = 0;
  let reached = 0;
  for (const { name, weight } of milestoneWeights(measure)) {
    total += weight;
    if (doneNames.has(name.toLowerCase())) reached += weight;
  }
  return total > 0 ? reached / total : 0;
}

/**
 * Raw progress `p` of a value for the non-maintain types (SPEC 3.1). For `milestones` and
 * `boolean` the value is already the progress (done weight share, or 1/0). A value within the
 * relative tolerance of the target counts as exactly 1.
 *
 * @example
 * rawProgress({ type: 'increase', start: 0, target: 10 }, 5.9) // 0.59
 * rawProgress({ type: 'decrease', start: 800, target: 300 }, 900) // -0.2
 */
export function rawProgress(measure: Measure, value: number): number {
  switch (measure.type) {
    case 'increase':
      if (nearlyEqual(value, measure.target)) return 1;
      return (value - measure.start) / (measure.target - measure.start);
    case 'decrease':
      if (nearlyEqual(value, measure.target)) return 1;
      return (measure.start - value) / (measure.start - measure.target);
    case 'milestones':
    case 'boolean':
      return nearlyEqual(value, 1) ? 1 : value;
    default:
      throw new RangeError(`raw progress is not defined for maintain type ${measure.type}`);
  }
}

/** Whether a value meets the bound of a maintain-type measure (bounds inclusive, SPEC 3.3). */
export function meetsBound(measure: MaintainMeasure, value: number): boolean {
  switch (measure.type) {
    case 'at_least':
      return value >= measure.threshold || nearlyEqual(value, measure.threshold);
    case 'at_most':
      return value <= measure.threshold || nearlyEqual(value, measure.threshold);
    case 'between':
      return (
        (value >= measure.low || nearlyEqual(value, measure.low)) &&
        (value <= measure.high || nearlyEqual(value, measure.high))
      );
  }
}

/** The value a measure starts from before any check-in (so that `p = 0`). */
export function startValue(measure: Measure): number | undefined {
  switch (measure.type) {
    case 'increase':
    case 'decrease':
      return measure.start;
    case 'milestones':
    case 'boolean':
      return 0;
    default:
      return undefined;
  }
}

/** Percent shown for a raw progress: `round(100 * p)` (SPEC 3.1). */
export function percentShown(p: number): number {
  return Math.round(100 * p + 1e-9);
}
