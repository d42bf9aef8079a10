import { useQuery } from '@tanstack/react-query';
import { type Measure, rawProgress } from '../../../../core/measure';
import { dateWindow, parseMoment, type Window } from '../../../../core/time';
import { cyclesQuery } from '../dashboard/dashboard.queries';
import { fetchWorkspace } from '../dashboard/workspace.queries';
import type { CheckIn } from './goals.queries';

/** The window of a cycle in the workspace's time zone (core/time), once both are loaded. */
export function useCycleWindow(cycleId: string): { window: Window; timeZone: string } | undefined {
  const cycles = useQuery(cyclesQuery);
  const workspace = useQuery({ queryKey: ['directory', 'workspace'], queryFn: fetchWorkspace });
  const cycle = cycles.data?.find((c) => c.id === cycleId);
  const timeZone = workspace.data?.settings.timeZone;
  if (!cycle || !timeZone) return undefined;
  return { window: dateWindow(cycle.startDate, cycle.endDate, timeZone), timeZone };
}

/** Progress after each check-in, by core/measure (the same maths as the server). */
export function progressPoints(measure: Measure | null, checkIns: readonly CheckIn[]) {
  if (!measure) return [];
  return checkIns
    .filter((c) => c.value !== null)
    .map((c) => ({
      at: c.at,
      progress:
        measure.type === 'milestones' || measure.type === 'boolean'
          ? c.value!
          : rawProgress(measure, c.value!),
    }));
}

/** A plan's dates as instants. */
export function planPoints(plan: readonly { date: string; expected: number }[], timeZone: string) {
  return plan.flatMap((p) => {
    const at = parseMoment(p.date, timeZone);
    return at === undefined ? [] : [{ at, expected: p.expected }];
  });
}
