import { z } from 'zod';
import { parseCycleName } from '../../core/cycle';
import { AppError } from '../../core/errors';
import { isDateText } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { CycleRow } from '../repositories/cycle.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { getActiveCycle, getCycleByIdOrName } from './goal-access';
import { openSession, recordEvents } from './session';
import { invalid, notFound, parseInput } from './validate';

const date = z.string().refine(isDateText, { message: 'expected a date YYYY-MM-DD' });

/** Input of `create`: a named quarter or year (`2026-Q4`, `FY2027`), or a custom window. */
export const createCycleSchema = z.union([
  z
    .object({
      name: z.string().trim().min(1).max(40),
      state: z.enum(['planning', 'active']).default('planning'),
    })
    .strict(),
  z
    .object({
      name: z.string().trim().min(1).max(80),
      kind: z.literal('custom'),
      startDate: date,
      endDate: date,
      state: z.enum(['planning', 'active']).default('planning'),
    })
    .strict()
    .refine((c) => c.endDate >= c.startDate, { path: ['endDate'], message: 'must not be before startDate' }),
]);

/** A cycle as services return it. */
export type CycleView = Omit<CycleRow, 'createdAt'>;

/** Every field listed (no spread row): a new column reaches the API only when added here. */
const view = (row: CycleRow): CycleView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  kind: row.kind,
  startDate: row.startDate,
  endDate: row.endDate,
  parentId: row.parentId,
  state: row.state,
  closedAt: row.closedAt,
});

/** Cycles: quarters and years generated from the fiscal-year start, or custom windows. */
export class CycleService {
  constructor(readonly deps: ServiceDeps) {}

  /** Creates a cycle (admins). A year holds the quarters created inside it. */
  async create(actor: Actor, input: z.input<typeof createCycleSchema>): Promise<CycleView> {
    const data = parseInput(createCycleSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'cycle');
      const { repos, settings } = session;
      let dates: Pick<CycleRow, 'kind' | 'startDate' | 'endDate' | 'name'>;
      if ('kind' in data)
        dates = { kind: 'custom', startDate: data.startDate, endDate: data.endDate, name: data.name };
      else {
        const parsed = parseCycleName(data.name, settings.fiscalYearStartMonth);
        if (!parsed.ok) return invalid('name', parsed.message);
        dates = parsed.cycle;
      }
      if (await repos.cycles.findByName(actor.workspaceId, dates.name)) {
        throw new AppError('conflict', `cycle ${dates.name} exists`, { field: 'name' });
      }
      const years = (await repos.cycles.list(actor.workspaceId)).filter(
        (c) => c.kind === 'year' && c.startDate <= dates.startDate && c.endDate >= dates.endDate,
      );
      const row: CycleRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        ...dates,
        parentId: dates.kind === 'quarter' ? (years[0]?.id ?? null) : null,
        state: data.state,
        closedAt: null,
        createdAt: session.at,
      };
      await repos.cycles.insert(row);
      if (row.kind === 'year') await repos.cycles.adoptQuarters(row);
      await recordEvents(session, [
        { entityType: 'cycle', entityId: row.id, action: 'created', after: view(row) },
      ]);
      return view(row);
    });
  }

  /** Moves a planning cycle to active (admins). */
  async activate(actor: Actor, cycleId: string): Promise<CycleView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'cycle');
      const cycle = await session.repos.cycles.find(actor.workspaceId, cycleId);
      if (!cycle) return notFound('cycle', cycleId);
      if (cycle.state !== 'planning') throw new AppError('conflict', `cycle ${cycle.name} is ${cycle.state}`);
      await session.repos.cycles.update(cycleId, { state: 'active' });
      await recordEvents(session, [{ entityType: 'cycle', entityId: cycleId, action: 'activated' }]);
      return view({ ...cycle, state: 'active' });
    });
  }

  /** One cycle by id or name (`2026-Q4`); `active` is the active cycle (see `getActiveCycle`). */
  async get(actor: Actor, idOrName: string): Promise<CycleView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'cycle');
    const row =
      idOrName === 'active' ? await getActiveCycle(session) : await getCycleByIdOrName(session, idOrName);
    return view(row);
  }

  /** Every cycle of the workspace, oldest first. */
  async list(actor: Actor): Promise<CycleView[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'cycle');
    return (await session.repos.cycles.list(actor.workspaceId)).map(view);
  }
}
