import { createFileRoute } from '@tanstack/react-router';
import { cyclesQuery, directoryQuery } from '../../features/dashboard/dashboard.queries';
import { PlanPage, type PlanSearch } from '../../features/planning/PlanPage';

export const Route = createFileRoute('/_app/plan')({
  validateSearch: (search: Record<string, unknown>): PlanSearch =>
    typeof search.cycle === 'string' && search.cycle.length > 0 ? { cycle: search.cycle } : {},
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(cyclesQuery),
      context.queryClient.ensureQueryData(directoryQuery),
    ]),
  component: PlanPage,
});
