import { createFileRoute } from '@tanstack/react-router';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import {
  cyclesQuery,
  dashboardQuery,
  directoryQuery,
  pickCycle,
} from '../../features/dashboard/dashboard.queries';
import { defaultUnit, parseDashboardSearch, shownUnit } from '../../features/dashboard/dashboard-filters';

export const Route = createFileRoute('/_app/')({
  validateSearch: parseDashboardSearch,
  loaderDeps: ({ search }) => ({ cycle: search.cycle, unit: search.unit }),
  loader: async ({ context, deps }) => {
    const { queryClient, me } = context;
    const [cycles, directory] = await Promise.all([
      queryClient.ensureQueryData(cyclesQuery),
      queryClient.ensureQueryData(directoryQuery),
    ]);
    // Start the dashboard's read now rather than after the first render (it is the slow part).
    const cycle = pickCycle(cycles, deps.cycle);
    if (cycle)
      void queryClient.prefetchQuery(
        dashboardQuery(cycle.id, shownUnit(deps, defaultUnit(me.units, directory.units))),
      );
  },
  component: DashboardPage,
});
