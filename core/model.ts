import type { MeasuredFacts } from './evaluate';
import type { PlanPoint } from './expected';
import type { Measure } from './measure';
import type { Cadence, ObjectiveKind } from './settings';
import type { Instant, Window } from './time';

/**
 * The in-memory organisation the engine evaluates and the coach reads: goals with their
 * measures, links and check-in history, already validated and normalised. The goals-file loader
 * builds it from YAML; the server builds it from the database.
 */

/** A weighted link upward, to the key of an objective or key result. */
export interface Link {
  key: string;
  weight: number;
}

/** Where a goal was written, for messages that point at it. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

/**
 * A check-in, normalised: `value` is the value in the measure's unit for numeric and maintain
 * measures, and the progress (done weight share, or 1/0) for milestones and boolean measures.
 */
export interface Checkin {
  at: Instant;
  value: number;
  confidence?: number | undefined;
  note?: string | undefined;
  /** Milestones done at that moment (milestone measures). */
  done?: readonly string[] | undefined;
}

export interface UnitNode {
  key: string;
  name?: string | undefined;
  parent?: string | undefined;
  leads: string[];
}

export interface CycleNode {
  name: string;
  window: Window;
}

interface GoalBase {
  key: string;
  title: string;
  /** Name of the cycle the goal lives in. */
  cycle: string;
  visibility: 'workspace' | 'unit' | 'private';
  source?: SourceRef | undefined;
}

/** Fields of a measured goal (KR or SMART goal). */
interface Measured {
  /** The complete measure; `undefined` for a draft. */
  measure?: Measure | undefined;
  /** What a draft measure lacks, in words ("measure", "measure.start"...). Empty when complete. */
  missing: string[];
  unit?: string | undefined;
  owner?: string | undefined;
  cadence: Cadence;
  /** Draft confidence while planning (0-10). */
  confidence?: number | undefined;
  /** Check-ins sorted by time, ties in order of entry. */
  checkins: Checkin[];
  /** Stored facts of the check-ins, read in their place when current (`MeasuredGoal.facts`). */
  facts?: MeasuredFacts | undefined;
}

export interface KeyResultNode extends GoalBase, Measured {
  type: 'key_result';
  objectiveKey: string;
  weight: number;
  progressSource: 'metric' | 'aligned';
  plan: PlanPoint[];
  leading: boolean;
}

export interface ObjectiveNode extends GoalBase {
  type: 'objective';
  description?: string | undefined;
  /** `undefined` when not chosen (the coach reports it; the maths uses aspirational). */
  kind?: ObjectiveKind | undefined;
  unit?: string | undefined;
  lead?: string | undefined;
  owner?: string | undefined;
  state: 'draft' | 'active' | 'closed' | 'dropped';
  window: Window;
  parents: Link[];
  keyResults: KeyResultNode[];
}

export interface SmartGoalNode extends GoalBase, Measured {
  type: 'smart_goal';
  definitionOfDone?: string | undefined;
  achievability?: string | undefined;
  /** `draft` while being planned: not yet due for check-ins, never overdue (docs/api.md). */
  state: 'draft' | 'open' | 'done' | 'missed' | 'dropped';
  /** `[start, due]` as a window; without a due date, the cycle's end closes it. */
  window: Window;
  startDate?: string | undefined;
  dueDate?: string | undefined;
  parents: Link[];
}

export type GoalNode = ObjectiveNode | KeyResultNode | SmartGoalNode;

export interface Organisation {
  timeZone: string;
  cycles: CycleNode[];
  units: UnitNode[];
  objectives: ObjectiveNode[];
  smartGoals: SmartGoalNode[];
}
