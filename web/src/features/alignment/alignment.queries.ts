import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { DashboardObjective } from '../dashboard/dashboard.queries';
import type { AlignmentNode } from './alignment-tree';

/** The alignment tree's URL: cycle, unit subtree, text and status filters. */
export interface AlignmentSearch {
  cycle?: string;
  unit?: string;
  q?: string;
  status?: string;
}

export function parseAlignmentSearch(search: Record<string, unknown>): AlignmentSearch {
  const result: AlignmentSearch = {};
  for (const key of ['cycle', 'unit', 'q', 'status'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 200) result[key] = value;
  }
  return result;
}

/** One node's children (`GET /alignment?parent=`): an objective's KRs and aligned goals, a KR's goals. */
export const alignmentChildrenQuery = (cycleId: string, parentId: string) =>
  queryOptions({
    queryKey: ['alignment', cycleId, 'children', parentId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/alignment', {
          params: { query: { cycle: cycleId, parent: parentId, limit: 1000 } },
        }),
      ),
    staleTime: 30_000,
  });

/** The goals of a cycle (or of a unit's subtree), a page at a time. */
export const alignmentListQuery = (cycleId: string, unitId: string | undefined, limit = 500) =>
  infiniteQueryOptions({
    queryKey: ['alignment', cycleId, 'list', unitId ?? null, limit],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/alignment', {
          params: {
            query: {
              cycle: cycleId,
              limit,
              ...(unitId ? { unit: unitId } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

/** A company objective of the dashboard as a node of the tree (its KRs and aligned goals load on expand). */
export function objectiveNode(o: DashboardObjective): AlignmentNode {
  return {
    id: o.id,
    type: 'objective',
    title: o.title,
    unitId: o.unitId,
    ownerId: o.leadId ?? o.ownerId,
    status: o.evaluation.status,
    score: o.evaluation.score,
    progress: o.evaluation.progress,
    parentIds: [],
    // KRs are known; goals aligned straight to the objective only once it is opened.
    childCount: Math.max(1, o.keyResults.length),
  };
}
