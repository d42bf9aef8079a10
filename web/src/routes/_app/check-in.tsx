import { createFileRoute } from '@tanstack/react-router';
import { cyclesQuery } from '../../features/dashboard/dashboard.queries';
import { CheckInPage } from '../../features/check-ins/CheckInPage';

export const Route = createFileRoute('/_app/check-in')({
  loader: ({ context }) => context.queryClient.ensureQueryData(cyclesQuery),
  component: CheckInPage,
});
