import { addDays, formatDate } from '../../../../core/time';
import type { Schema } from '../../api/client';

export type SmartGoal = Schema<'SmartGoal'>;
export type Column = 'open' | 'due_soon' | 'overdue' | 'done';

export const COLUMNS: readonly { id: Column; title: string; empty: string }[] = [
  { id: 'open', title: 'Open', empty: 'Nothing open beyond the next week.' },
  { id: 'due_soon', title: 'Due soon', empty: 'Nothing due in the next 7 days.' },
  { id: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { id: 'done', title: 'Done', empty: 'Nothing done yet.' },
];

/** Days ahead that count as "due soon". */
export const SOON_DAYS = 7;

/**
 * The board column of a SMART goal: done by its state; overdue by the server's status (core's
 * rule: open, below 1.0, past its due date); due soon when due within SOON_DAYS of today in the
 * workspace's time zone; else open. Missed and dropped goals are off the board (null).
 */
export function columnOf(goal: SmartGoal, now: number, timeZone: string): Column | null {
  if (goal.state === 'done') return 'done';
  if (goal.state !== 'open') return null;
  if (goal.evaluation.status === 'overdue') return 'overdue';
  const soon = formatDate(addDays(now, SOON_DAYS, timeZone), timeZone);
  return goal.dueDate <= soon ? 'due_soon' : 'open';
}

/** The board: each column's goals, soonest due first. */
export function boardOf(
  goals: readonly SmartGoal[],
  now: number,
  timeZone: string,
): Record<Column, SmartGoal[]> {
  const board: Record<Column, SmartGoal[]> = { open: [], due_soon: [], overdue: [], done: [] };
  for (const goal of goals) {
    const column = columnOf(goal, now, timeZone);
    if (column) board[column].push(goal);
  }
  for (const column of Object.values(board))
    column.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  return board;
}

/** The state a goal moves to when dropped on a column (only Done and back to open change it). */
export function stateForDrop(goal: SmartGoal, column: Column): 'done' | 'open' | undefined {
  if (column === 'done') return goal.state === 'done' ? undefined : 'done';
  return goal.state === 'done' ? 'open' : undefined;
}
