import { percentShown } from '../../measure';
import type { KeyResultNode, ObjectiveNode, SmartGoalNode } from '../../model';
import type { Hit, LintContext, Rule, TargetedHit } from '../context';
import { formatNumber, isLive } from '../context';

/**
 * Rules about confidence and check-ins. The time-based ones read the engine's evaluation as of
 * `at` (SPEC 3.5): they never redo the maths, they explain it.
 */

const draftConfidences = (o: ObjectiveNode) =>
  o.keyResults.flatMap((kr) => (kr.confidence === undefined ? [] : [kr.confidence]));

export const sandbagging: Rule = {
  id: 'sandbagging',
  severity: 'warning',
  summary:
    "every draft confidence of an aspirational objective is 9 or more, or an owner's recent aspirational grades average over 0.8",
  objective(o, ctx) {
    if (o.kind === 'committed') return undefined;
    const confidences = draftConfidences(o);
    const limit = ctx.thresholds.sandbagConfidence;
    if (confidences.length === 0 || confidences.some((c) => c < limit)) return undefined;
    return {
      message: `Draft confidence is ${confidences.join(', ')} out of 10 on ${confidences.length === 1 ? 'the only key result that has one' : 'every key result that has one'}: an aspirational objective this certain is probably too safe.`,
      suggestion:
        'Raise the targets until confidence is about 5 in 10 (reachable with real effort), or mark it kind: committed if it must simply happen.',
      isHedged: confidences.length < 2,
    };
  },
  organisation(ctx) {
    const grades = ctx.history.grades;
    if (!grades || grades.length === 0) return [];
    const byOwner = new Map<string, number[]>();
    for (const g of grades) {
      if (g.kind !== 'aspirational') continue;
      const owner = g.owner.toLowerCase();
      const list = byOwner.get(owner);
      if (list) list.push(g.grade);
      else byOwner.set(owner, [g.grade]);
    }
    const hits: TargetedHit[] = [];
    const seen = new Set<string>();
    for (const o of ctx.org.objectives) {
      if (!isLive(o) || o.kind === 'committed') continue;
      for (const kr of o.keyResults) {
        const owner = kr.owner?.toLowerCase();
        if (!owner || seen.has(owner)) continue;
        const own = byOwner.get(owner);
        if (!own || own.length < ctx.thresholds.minGrades) continue;
        const mean = own.reduce((a, b) => a + b, 0) / own.length;
        if (mean <= ctx.thresholds.sandbagGrade) continue;
        seen.add(owner);
        hits.push({
          goal: kr,
          message: `The owner's last ${own.length} aspirational grades average ${mean.toFixed(2)}: targets set that way are usually too safe.`,
          suggestion: 'Set this target where a 0.7 would feel like a real win, not where 1.0 is certain.',
        });
      }
    }
    return hits;
  },
};

export const moonshotWithoutBelief: Rule = {
  id: 'moonshot-without-belief',
  severity: 'warning',
  summary: "the mean draft confidence of an objective's KRs is under 2.5",
  objective(o, ctx) {
    const confidences = draftConfidences(o);
    if (confidences.length === 0) return undefined;
    const mean = confidences.reduce((a, b) => a + b, 0) / confidences.length;
    if (mean >= ctx.thresholds.moonshotConfidence) return undefined;
    return {
      message: `Mean draft confidence is ${formatNumber(Math.round(mean * 10) / 10)} out of 10: the people doing it do not believe it can be reached.`,
      suggestion:
        'Cut the scope until confidence is about 5 (8 or more for committed objectives), or write down what would make it believable and plan that first.',
      isHedged: confidences.length < 2,
    };
  },
};

type Measured = KeyResultNode | SmartGoalNode;

/** The window a measured goal is judged over: its objective's cycle for KRs, start to due for SMART goals. */
function windowOf(goal: Measured, ctx: LintContext) {
  return goal.type === 'smart_goal' ? goal.window : ctx.objectiveOf(goal.key)?.window;
}

function staleHit(goal: Measured, ctx: LintContext): Hit | undefined {
  if (goal.type === 'smart_goal' && goal.state !== 'open') return undefined;
  if (goal.type === 'key_result' && goal.progressSource === 'aligned') return undefined;
  const window = windowOf(goal, ctx);
  if (!window || ctx.at >= window.end) return undefined;
  const evaluation = ctx.evaluation(goal);
  if (evaluation?.status !== 'stale') return undefined;
  const since =
    evaluation.lastCheckinAt !== null && evaluation.lastCheckinAt > window.start
      ? `No check-in since ${ctx.date(evaluation.lastCheckinAt)}`
      : `No check-in since the window opened on ${ctx.date(window.start)}`;
  return {
    message: `${since} (${goal.cadence} check-ins): silence is never green, so it shows as stale.`,
    suggestion: `Check in with today's state and a confidence: checkins: - { at: ${ctx.date(ctx.at)}, ${checkinField(goal)}, confidence: <0-10>, note: "..." }`,
  };
}

/** How a check-in states progress for the goal's measure. */
function checkinField(goal: Measured): string {
  switch (goal.measure?.type) {
    case 'milestones':
      return 'done: [<milestones done so far>]';
    case 'boolean':
      return 'done: <true or false>';
    default:
      return "value: <today's value>";
  }
}

export const stale: Rule = {
  id: 'stale',
  severity: 'warning',
  summary: 'check-ins are overdue (SPEC 3.5: silent for more than 2 cadence periods)',
  keyResult: (kr, o, ctx) => (o.state === 'active' || o.state === 'draft' ? staleHit(kr, ctx) : undefined),
  smartGoal: (goal, ctx) => staleHit(goal, ctx),
};

function conflictHit(goal: Measured, ctx: LintContext): Hit | undefined {
  const evaluation = ctx.evaluation(goal);
  if (!evaluation?.flags.includes('reported_vs_data')) return undefined;
  const p = evaluation.progress ?? 0;
  const suggestion =
    'Say which is right in the next check-in: lower the confidence and note what blocks it, or update the value if the data is behind.';
  if (goal.type === 'smart_goal' && goal.state === 'done') {
    return {
      message: `Marked done at ${percentShown(p)}% of its target.`,
      suggestion:
        'Record the check-in that reached the target, or mark it missed with a note on what was left.',
    };
  }
  const recent = goal.checkins.filter((c) => c.at <= ctx.at);
  const confidence = [...recent].reverse().find((c) => c.confidence !== undefined)?.confidence;
  const status = evaluation.status?.replace('_', ' ');
  const expected = evaluation.expected === null ? '' : `, ${percentShown(evaluation.expected)}% expected`;
  if (confidence !== undefined && confidence >= 7 && evaluation.status === 'off_track') {
    return {
      message: `Confidence is ${confidence}/10 while the numbers say off track (${percentShown(p)}% done${expected}).`,
      suggestion,
    };
  }
  if (confidence !== undefined && confidence <= 3 && evaluation.status === 'on_track') {
    return { message: `Confidence is ${confidence}/10 while the numbers say ${status}.`, suggestion };
  }
  const last = recent.at(-1);
  return {
    message: `The last 3 check-ins all say ${last ? formatNumber(last.value) : 'the same'} while confidence stays at ${confidence ?? '?'}/10.`,
    suggestion,
  };
}

export const reportedVsData: Rule = {
  id: 'reported-vs-data',
  severity: 'warning',
  summary: 'the reported confidence and the data disagree (SPEC 3.5)',
  judgesFinished: true,
  keyResult: (kr, _o, ctx) => conflictHit(kr, ctx),
  smartGoal: (goal, ctx) => conflictHit(goal, ctx),
};

export const pastDueOpen: Rule = {
  id: 'past-due-open',
  severity: 'warning',
  summary: 'the window has ended and the goal is still open',
  smartGoal(goal, ctx) {
    if (goal.state !== 'open' || ctx.at < goal.window.end) return undefined;
    const evaluation = ctx.evaluation(goal);
    const due = goal.dueDate ?? ctx.date(goal.window.end - 1);
    if (evaluation?.status === 'achieved') {
      return {
        message: `Reached its target but is still open, ${due} has passed.`,
        suggestion: 'Close it: state: done',
        isHedged: true,
      };
    }
    const done =
      evaluation?.progress === null || evaluation === undefined
        ? ''
        : ` at ${percentShown(evaluation.progress)}%`;
    return {
      message: `Due ${due} and still open${done}.`,
      suggestion:
        'Close it with the truth: state: done if it is, or state: missed with a note on why; or agree a new due date.',
    };
  },
  objective(o, ctx) {
    if (o.state !== 'active' || ctx.at < o.window.end) return undefined;
    return {
      message: `The ${o.cycle} cycle ended on ${ctx.date(o.window.end - 1)} and the objective is still active.`,
      suggestion:
        'Close it out: grade it, note what you learned, and decide to continue, modify or drop it (state: closed).',
      isHedged: true,
    };
  },
};

export const CHECKIN_RULES: readonly Rule[] = [
  sandbagging,
  moonshotWithoutBelief,
  stale,
  reportedVsData,
  pastDueOpen,
];
