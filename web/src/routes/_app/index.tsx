import { createFileRoute } from '@tanstack/react-router';
import type { DashboardSearch } from '../../features/dashboard/dashboard.queries';
import { cyclesQuery, directoryQuery } from '../../features/dashboard/dashboard.queries';
import { DashboardPage } from '../../features/dashboard/DashboardPage';

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);

export const Route = createFileRoute('/_app/')({
  validateSearch: (search: Record<string, unknown>): DashboardSearch => {
    const result: DashboardSearch = {};
    for (const key of ['cycle', 'unit', 'owner', 'status'] as const) {
      const value = text(search[key]);
      if (value) result[key] = value;
    }
    return result;
  },
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(cyclesQuery),
      context.queryClient.ensureQueryData(directoryQuery),
    ]),
  component: DashboardPage,
});
