import { Cron } from 'croner';
import type { JobSchedule } from './job';

/** Most slots queued for one definition in one scheduler tick (a clock moved far ahead at once). */
export const MAX_SLOTS_PER_TICK = 1000;

const cronOf = (schedule: JobSchedule) =>
  new Cron(schedule.cron, { paused: true, timezone: schedule.timeZone ?? 'UTC', mode: '5-part' });

/** Checks a schedule; throws naming the expression when croner cannot read it. */
export function assertSchedule(id: string, schedule: JobSchedule): void {
  try {
    cronOf(schedule);
  } catch (error) {
    throw new Error(`job ${id}: invalid schedule "${schedule.cron}": ${(error as Error).message}`);
  }
}

/**
 * The slots of a schedule due by `upTo` (inclusive): every slot after `after` (exclusive), or, with
 * no `after`, only the latest one (a node that starts late still runs the slot it missed, once).
 * Oldest first; at most `MAX_SLOTS_PER_TICK`, the latest ones.
 *
 * @example
 * dueSlots({ cron: '0 * * * *' }, Date.UTC(2026, 11, 1, 20, 30)) // [Date.UTC(2026, 11, 1, 20)]
 */
export function dueSlots(schedule: JobSchedule, upTo: number, after?: number): number[] {
  const cron = cronOf(schedule);
  const [latest] = cron.previousRuns(1, new Date(upTo + 1));
  if (!latest) return [];
  if (after === undefined || latest.getTime() <= after) return after === undefined ? [latest.getTime()] : [];
  const slots: number[] = [];
  for (let slot = cron.nextRun(new Date(after)); slot && slot.getTime() <= upTo; slot = cron.nextRun(slot)) {
    slots.push(slot.getTime());
    if (slots.length > MAX_SLOTS_PER_TICK) slots.shift();
  }
  return slots;
}

/** The key of one scheduled slot of a definition: `id@ISO instant`, unique in the queue. */
export const slotKey = (id: string, slot: number) => `${id}@${new Date(slot).toISOString()}`;

/** The first slot of a schedule after `at` (exclusive), or undefined when there is none. */
export function nextSlot(schedule: JobSchedule, at: number): number | undefined {
  return cronOf(schedule).nextRun(new Date(at))?.getTime();
}
