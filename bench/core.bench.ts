// Benchmark: statuses and objective scores for 100,000 KRs with 13 check-ins each (SPEC 11:
// target < 200 ms on a 2-core machine). Run alone with `npx tsx bench/core.bench.ts`, or all
// benchmarks with `npm run bench`.
import { pathToFileURL } from 'node:url';
import { cycleWindow, quarterDates } from '../core/cycle';
import { evaluateOrganisation } from '../core/evaluate';
import type { Measure } from '../core/measure';
import type { Checkin, KeyResultNode, ObjectiveNode, Organisation } from '../core/model';
import { DAY_MS } from '../core/time';
import { type BenchResult, mulberry32, timeIt } from './harness';

const KRS = 100_000;
const KRS_PER_OBJECTIVE = 5;
const CHECKINS = 13;

/** A deterministic organisation of 20,000 objectives with 5 KRs each, every KR with 13 weekly check-ins. */
export function buildCoreOrganisation(seed = 42): Organisation {
  const random = mulberry32(seed);
  const window = cycleWindow(quarterDates(2026, 4, 1), 'UTC');
  const objectives: ObjectiveNode[] = [];
  for (let o = 0; o < KRS / KRS_PER_OBJECTIVE; o++) {
    const keyResults: KeyResultNode[] = [];
    for (let k = 0; k < KRS_PER_OBJECTIVE; k++) {
      const { measure, valueAt } = randomMeasure(random);
      const pace = 0.3 + random() * 1.2;
      const checkins: Checkin[] = [];
      for (let w = 0; w < CHECKINS; w++) {
        const share = ((w + 1) / CHECKINS) * pace + (random() - 0.5) * 0.1;
        checkins.push({
          at: window.start + (w * 7 + 1) * DAY_MS,
          value: valueAt(share),
          confidence: Math.floor(random() * 11),
        });
      }
      keyResults.push({
        type: 'key_result',
        key: `o${o}-k${k}`,
        title: 'Benchmark key result',
        cycle: '2026-Q4',
        visibility: 'workspace',
        objectiveKey: `o${o}`,
        weight: 1 + Math.floor(random() * 3),
        progressSource: 'metric',
        plan: [],
        leading: false,
        measure,
        missing: [],
        cadence: 'weekly',
        checkins,
      });
    }
    objectives.push({
      type: 'objective',
      key: `o${o}`,
      title: 'Benchmark objective',
      cycle: '2026-Q4',
      visibility: 'workspace',
      kind: random() < 0.7 ? 'aspirational' : 'committed',
      state: 'active',
      window,
      parents: [],
      keyResults,
    });
  }
  return { timeZone: 'UTC', cycles: [{ name: '2026-Q4', window }], units: [], objectives, smartGoals: [] };
}

function randomMeasure(random: () => number): { measure: Measure; valueAt: (share: number) => number } {
  const pick = random();
  if (pick < 0.45)
    return { measure: { type: 'increase', start: 100, target: 200 }, valueAt: (s) => 100 + 100 * s };
  if (pick < 0.7)
    return { measure: { type: 'decrease', start: 800, target: 300 }, valueAt: (s) => 800 - 500 * s };
  if (pick < 0.85)
    return { measure: { type: 'at_least', threshold: 99.9 }, valueAt: (s) => 99.85 + 0.1 * (s % 1) };
  if (pick < 0.95) {
    return {
      measure: { type: 'milestones', milestones: ['Draft', 'Review', 'Pilot', 'Ship'] },
      valueAt: (s) => Math.min(4, Math.max(0, Math.floor(s * 4))) / 4,
    };
  }
  return { measure: { type: 'boolean' }, valueAt: (s) => (s >= 1 ? 1 : 0) };
}

/** Runs the benchmark and returns its figures. */
export async function runCoreBench(): Promise<BenchResult> {
  const org = buildCoreOrganisation();
  const at = org.cycles[0]!.window.start + 91 * DAY_MS;
  let goals = 0;
  const timing = timeIt(() => {
    goals = evaluateOrganisation(org, at).length;
  });
  return {
    name: 'core: statuses and objective scores, 100,000 KRs x 13 check-ins',
    medianMs: timing.medianMs,
    bestMs: timing.bestMs,
    targetMs: 200,
    detail: `${goals} goals evaluated per run, ${timing.runs} runs`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { printResult } = await import('./harness');
  printResult(await runCoreBench());
}
