import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/**
 * What the plan of a cycle shows: its objectives (with KRs and links), its SMART goals, and the
 * coach's findings on the stored goals (GET /coach/findings), all as the viewer may see them.
 * The live stream invalidates `objective`/`smart_goal` keys; `plan` is refetched on focus.
 */
export const planQuery = (cycleId: string) =>
  queryOptions({
    queryKey: ['plan', cycleId],
    queryFn: async () => {
      const [objectives, smartGoals, coach] = await Promise.all([
        unwrap(api.GET('/api/v1/objectives', { params: { query: { cycle: cycleId, limit: 500 } } })),
        unwrap(api.GET('/api/v1/smart-goals', { params: { query: { cycle: cycleId, limit: 500 } } })),
        unwrap(api.GET('/api/v1/coach/findings', { params: { query: { cycle: cycleId } } })),
      ]);
      return { objectives: objectives.items, smartGoals: smartGoals.items, findings: coach.findings };
    },
    enabled: cycleId !== '',
  });
