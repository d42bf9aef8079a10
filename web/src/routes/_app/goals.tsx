import { createFileRoute } from '@tanstack/react-router';
import { cyclesQuery } from '../../features/dashboard/dashboard.queries';
import { MyGoalsPage } from '../../features/my-goals/MyGoalsPage';

export const Route = createFileRoute('/_app/goals')({
  validateSearch: (search: Record<string, unknown>): { cycle?: string } =>
    typeof search.cycle === 'string' && search.cycle.length > 0 && search.cycle.length <= 100
      ? { cycle: search.cycle }
      : {},
  loader: ({ context }) => context.queryClient.ensureQueryData(cyclesQuery),
  component: MyGoalsPage,
});
