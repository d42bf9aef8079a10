import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, unwrap } from '../../api/client';
import { everyPage } from '../../api/pages';

export type Cycle = Schema<'Cycle'>;
export type Objective = Schema<'Objective'>;
export type KeyResult = Schema<'KeyResult'>;
export type SmartGoal = Schema<'SmartGoal'>;
export type Dashboard = Schema<'Dashboard'>;
export type UnitPage = Schema<'UnitPage'>;
export type DashboardObjective = Schema<'DashboardObjective'>;

export type { DashboardSearch } from './dashboard-filters';

export const cyclesQuery = queryOptions({
  queryKey: ['directory', 'cycles'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/cycles', { params: { query: { limit: 500 } } }))).items,
});

/** Units and people, for names and the filters: all of them, so no owner shows as unknown. */
export const directoryQuery = queryOptions({
  queryKey: ['directory', 'units-people'],
  queryFn: async () => {
    const [units, people] = await Promise.all([
      everyPage((cursor) => unwrap(api.GET('/api/v1/units', { params: { query: { limit: 500, cursor } } }))),
      everyPage((cursor) => unwrap(api.GET('/api/v1/people', { params: { query: { limit: 500, cursor } } }))),
    ]);
    return { units, people };
  },
  staleTime: 5 * 60_000,
});

/** The cycle a dashboard shows: the one asked for, else the active one, else the newest. */
export function pickCycle(cycles: readonly Cycle[], wanted: string | undefined): Cycle | undefined {
  if (wanted) return cycles.find((c) => c.id === wanted || c.name === wanted);
  return (
    cycles.find((c) => c.state === 'active') ??
    [...cycles].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
  );
}

export type DashboardData = { kind: 'company'; dashboard: Dashboard } | { kind: 'unit'; page: UnitPage };

/**
 * The company dashboard of a cycle, or one unit's page when a unit is chosen. The server sends
 * goals a page at a time (bounded responses, however the goals are spread); this follows
 * `nextCursor` and joins the pages, so the page shows every goal as before.
 */
export function dashboardQuery(cycleId: string, unitId: string | undefined) {
  return queryOptions({
    queryKey: ['dashboard', cycleId, unitId ?? null],
    queryFn: async (): Promise<DashboardData> => {
      if (unitId) {
        const fetchPage = (cursor: string | undefined) =>
          unwrap(
            api.GET('/api/v1/dashboard/units/{id}', {
              params: { path: { id: unitId }, query: { cycle: cycleId, limit: PAGE, cursor } },
            }),
          );
        const page = await fetchPage(undefined);
        for (let next = page.nextCursor; next !== null; ) {
          const more = await fetchPage(next);
          page.objectives.push(...more.objectives);
          page.smartGoals.push(...more.smartGoals);
          next = more.nextCursor;
        }
        return { kind: 'unit', page: { ...page, nextCursor: null } };
      }
      const fetchPage = (cursor: string | undefined) =>
        unwrap(api.GET('/api/v1/dashboard', { params: { query: { cycle: cycleId, limit: PAGE, cursor } } }));
      const dashboard = await fetchPage(undefined);
      for (let next = dashboard.nextCursor; next !== null; ) {
        const more = await fetchPage(next);
        dashboard.company.push(...more.company);
        next = more.nextCursor;
      }
      return { kind: 'company', dashboard: { ...dashboard, nextCursor: null } };
    },
    staleTime: 10_000,
  });
}

/** Goals per dashboard request (the server's largest page). */
const PAGE = 100;

/** Starts the quarter `name` (admins), for a fresh workspace. */
export async function startCycle(name: string): Promise<Cycle> {
  return unwrap(api.POST('/api/v1/cycles', { body: { name, state: 'active' } }));
}
