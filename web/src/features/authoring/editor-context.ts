import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { cyclesQuery, directoryQuery, pickCycle } from '../dashboard/dashboard.queries';
import { workspaceQuery } from './authoring.queries';
import type { CoachContext, PlacedFinding } from './coach-run';

/**
 * What an editor needs around the draft: cycles (planning and active ones can take goals), units,
 * people, the workspace settings, and the coach's context for the chosen cycle.
 */
export function useEditorContext(cycleId: string) {
  const cycles = useQuery(cyclesQuery);
  const directory = useQuery(directoryQuery);
  const workspace = useQuery(workspaceQuery);
  const open = (cycles.data ?? []).filter((c) => c.state !== 'closed');
  const cycle = (cycles.data ?? []).find((c) => c.id === cycleId);
  const settings = workspace.data?.settings;
  const units = directory.data?.units;
  const coach = useMemo((): CoachContext | undefined => {
    if (!cycle || !settings || !units) return undefined;
    return {
      timeZone: settings.timeZone,
      cycle: { name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
      units: units.map((u) => ({ id: u.id, parentId: u.parentId })),
      severities: Object.fromEntries(
        Object.entries(settings.coachSeverities ?? {}).filter(([, s]) => s !== null && s !== undefined),
      ) as CoachContext['severities'],
      now: Date.now(),
    };
  }, [cycle, settings, units]);
  return {
    isLoading: cycles.isPending || directory.isPending || workspace.isPending,
    error: cycles.error ?? directory.error ?? workspace.error,
    cycles: open,
    defaultCycleId: pickCycle(open, undefined)?.id ?? '',
    units: units ?? [],
    people: (directory.data?.people ?? []).filter((p) => p.isActive),
    blocksPublishing: settings?.coachBlocksPublishing === true,
    coach,
  };
}

/** Why publishing is refused now, or undefined: the coach's errors where the workspace says they block. */
export function publishBlock(
  findings: readonly PlacedFinding[],
  blocksPublishing: boolean,
): string | undefined {
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (!blocksPublishing || errors === 0) return undefined;
  return `The coach found ${errors === 1 ? 'an error' : `${errors} errors`}, and this workspace publishes only goals without errors. Fix ${errors === 1 ? 'it' : 'them'}, or save a draft.`;
}
