import { STATUS_RANK, STATUSES, type Status } from '../../../core/status';

/** Words for the statuses of core/status (SPEC 3.5). */
export const STATUS_LABEL: Record<Status, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  stale: 'Stale',
  achieved: 'Achieved',
  overdue: 'Overdue',
  missed: 'Missed',
  dropped: 'Dropped',
};

export { STATUS_RANK, STATUSES, type Status };

/** Whether a string is one of core's statuses. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}
