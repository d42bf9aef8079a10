import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CycleReport } from './report';

/** A closed cycle's report (JSON); a 409 while the cycle is open. */
export const reportQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['report', cycleId],
    // Without `format` the answer is the JSON report (the documents are for the download links).
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/cycles/{id}/report', { params: { path: { id: cycleId } } }),
      )) as CycleReport,
    retry: false,
  });
