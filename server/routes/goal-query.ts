import { z } from '@hono/zod-openapi';
import { STATUSES } from '../../core/status';
import type { GoalListInput } from '../services/goal-list.service';
import { decodeCursor, encodeCursor, type Page } from './paginate';

/** Filters of the goal lists, as query parameters. */
export const goalQuery = z.object({
  cycle: z.string().min(1).max(100).optional(),
  unit: z.string().min(1).max(100).optional(),
  owner: z.string().min(1).max(100).optional(),
  state: z.string().min(1).max(20).optional(),
  status: z.enum(STATUSES).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The objective list's query: the filters, and how much of each objective to send. */
export const objectiveQuery = goalQuery.extend({
  view: z.enum(['full', 'summary']).default('full').openapi({
    description:
      "`summary`: each KR without its aligned children (`children`, `hiddenChildren`, `hiddenSummary`); every other field and number the same. `GET /key-results/{id}` has a KR's children",
  }),
});

/** The service input of a goal-list query. */
export function goalListInput(
  query: z.infer<typeof goalQuery> & { view?: 'full' | 'summary' },
): GoalListInput {
  return {
    ...(query.view === undefined ? {} : { view: query.view }),
    cycleId: query.cycle,
    unitId: query.unit,
    ownerId: query.owner,
    state: query.state,
    status: query.status,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit,
  };
}

/** A service page as an API page. */
export function toPage<T>(page: { items: T[]; nextAfter: string | null }): Page<T> {
  return { items: page.items, nextCursor: page.nextAfter === null ? null : encodeCursor(page.nextAfter) };
}
