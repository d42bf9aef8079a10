import { createFileRoute } from '@tanstack/react-router';
import { AlignmentPage } from '../../features/alignment/AlignmentPage';
import { parseAlignmentSearch } from '../../features/alignment/alignment.queries';
import { cyclesQuery, directoryQuery } from '../../features/dashboard/dashboard.queries';

export const Route = createFileRoute('/_app/alignment')({
  validateSearch: parseAlignmentSearch,
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(cyclesQuery),
      context.queryClient.ensureQueryData(directoryQuery),
    ]),
  component: AlignmentPage,
});
