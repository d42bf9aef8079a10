import { createFileRoute } from '@tanstack/react-router';
import { CheckInPage } from '../../features/check-ins/CheckInPage';
import { dueQuery } from '../../features/check-ins/check-ins.queries';

export const Route = createFileRoute('/_app/check-in')({
  loader: ({ context }) => context.queryClient.ensureQueryData(dueQuery),
  component: CheckInPage,
});
