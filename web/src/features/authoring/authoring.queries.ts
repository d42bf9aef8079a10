import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';

export type Workspace = Schema<'Workspace'>;

/** The workspace with its settings (time zone, coach severities, whether errors block publishing). */
export const workspaceQuery = queryOptions({
  queryKey: ['directory', 'workspace'],
  queryFn: () => unwrap(api.GET('/api/v1/workspace')),
});

/** The objectives of a cycle with their KRs: the goals a new one can align to (searched in the browser). */
export const alignableQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['alignable', cycleId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/objectives', { params: { query: { cycle: cycleId, limit: 500 } } })))
        .items,
    enabled: cycleId !== '',
  });
