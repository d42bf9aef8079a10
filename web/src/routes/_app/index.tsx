import { createFileRoute } from '@tanstack/react-router';
import { parseDashboardSearch } from '../../features/dashboard/dashboard-filters';
import { cyclesQuery, directoryQuery } from '../../features/dashboard/dashboard.queries';
import { DashboardPage } from '../../features/dashboard/DashboardPage';

export const Route = createFileRoute('/_app/')({
  validateSearch: parseDashboardSearch,
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(cyclesQuery),
      context.queryClient.ensureQueryData(directoryQuery),
    ]),
  component: DashboardPage,
});
