import { type Finding, fieldOfRule } from '../../core/coach';
import { AppError } from '../../core/errors';
import type { CycleRow } from '../repositories/cycle.repository';
import { lintStoredCycle } from './coach.service';
import type { Session } from './session';

/** A coach finding that stops a goal from being published, as the refusal lists it. */
export interface BlockingFinding {
  rule: Finding['rule'];
  goalType: Finding['targetType'];
  goalId: string;
  field: ReturnType<typeof fieldOfRule>;
  message: string;
  suggestion: string;
}

/**
 * The publish gate (SPEC 4: "`error` findings block publishing only where the workspace says
 * so"). Called inside the transaction of a write that moves goals out of draft (an objective to
 * `active`, a SMART goal to `open`, a cycle to `active`), after the write, so the coach judges
 * what would be committed. When the workspace's `coachBlocksPublishing` is on and the coach has
 * `error` findings on any goal in `goals` (objective, KR or SMART goal ids), it throws a
 * `conflict` listing them (rule, goal, field) and the transaction rolls back: nothing is
 * published. Drafts never come here, so a draft always saves.
 */
export async function assertPublishable(
  session: Session,
  cycle: CycleRow,
  goals: ReadonlySet<string> | 'all',
  what: string,
): Promise<void> {
  if (!session.settings.coachBlocksPublishing) return;
  if (goals !== 'all' && goals.size === 0) return;
  const { findings } = await lintStoredCycle(session, cycle);
  const blocking: BlockingFinding[] = findings
    .filter((f) => f.severity === 'error' && (goals === 'all' || goals.has(f.target)))
    .map((f) => ({
      rule: f.rule,
      goalType: f.targetType,
      goalId: f.target,
      field: fieldOfRule(f.rule),
      message: f.message,
      suggestion: f.suggestion,
    }));
  if (blocking.length === 0) return;
  throw new AppError(
    'conflict',
    `${what} is not published: the coach found ${blocking.length === 1 ? 'an error' : `${blocking.length} errors`}, and this workspace publishes only goals without errors (coachBlocksPublishing). Fix ${blocking.length === 1 ? 'it' : 'them'}, or save a draft.`,
    { reason: 'coach_blocks_publishing', findings: blocking },
  );
}
