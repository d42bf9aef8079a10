import { isStatus } from '../../lib/status';

/** The dashboard's filters, kept in the URL so a view can be shared. */
export interface DashboardSearch {
  cycle?: string;
  /** A unit id, or `all` for the whole company; absent: the viewer's own unit. */
  unit?: string;
  owner?: string;
  status?: string;
}

/** The `unit` of the URL that asks for the whole company (an absent one means "my unit"). */
export const WHOLE_COMPANY = 'all';

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;

/** The route's search validation: known keys with short strings, anything else dropped. */
export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const result: DashboardSearch = {};
  for (const key of ['cycle', 'unit', 'owner', 'status'] as const) {
    const value = text(search[key]);
    if (value) result[key] = value;
  }
  if (result.status !== undefined && !isStatus(result.status)) delete result.status;
  return result;
}

/**
 * The unit a dashboard opens on when the URL names none: the viewer's own (one they lead
 * first, then one they belong to); none, or a top-level unit, is the company dashboard.
 */
export function defaultUnit(
  mine: readonly { id: string; isLead: boolean }[],
  units: readonly { id: string; parentId: string | null }[],
): string | undefined {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const known = mine.filter((m) => parentOf.has(m.id));
  const chosen = known.find((m) => m.isLead) ?? known[0];
  if (!chosen || parentOf.get(chosen.id) === null) return undefined;
  return chosen.id;
}

/** The unit shown: the URL's, the whole company for `all`, else the viewer's default. */
export function shownUnit(search: DashboardSearch, fallback: string | undefined): string | undefined {
  if (search.unit === WHOLE_COMPANY) return undefined;
  return search.unit ?? fallback;
}

/** Whether a goal passes the owner and status filters (status from the server's evaluation). */
export function passesFilters(
  goal: { ownerId: string | null; evaluation: { status: string | null } },
  search: DashboardSearch,
): boolean {
  return (
    (!search.owner || goal.ownerId === search.owner) &&
    (!isStatus(search.status) || (goal.evaluation.status ?? 'not_started') === search.status)
  );
}
