import { z } from 'zod';
import { parseCycleName } from '../../core/cycle';
import { AppError } from '../../core/errors';
import { isDateText } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { CycleRow } from '../repositories/cycle.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { getActiveCycle, getCycleByIdOrName } from './goal-access';
import { assertPublishable } from './publish-gate';
import { Rollups } from './rollup';
import { type Change, openSession, recordEvents } from './session';
import { smartGoalRecord } from './smart-goal.service';
import { accept, invalid, notFound } from './validate';

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
    const data = accept(createCycleSchema, input);
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

  /**
   * Moves a planning cycle to active (admins), publishing its plan: every `draft` objective in it
   * becomes `active` and every `draft` SMART goal `open` (dropped goals stay dropped). Where the
   * workspace's coach blocks publishing, any `error` finding on a goal of the cycle refuses the
   * whole activation, listing the findings; nothing changes then.
   */
  async activate(actor: Actor, cycleId: string): Promise<CycleView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'cycle');
      const { repos } = session;
      const ws = actor.workspaceId;
      const cycle = await repos.cycles.find(ws, cycleId);
      if (!cycle) return notFound('cycle', cycleId);
      if (cycle.state !== 'planning') throw new AppError('conflict', `cycle ${cycle.name} is ${cycle.state}`);
      await repos.cycles.update(cycleId, { state: 'active' });
      const changes: Change[] = [{ entityType: 'cycle', entityId: cycleId, action: 'activated' }];
      const rollups = new Rollups(repos, ws, session.settings, session.at);
      rollups.defer();
      for (const before of await repos.objectives.listByCycle(ws, cycleId)) {
        if (before.state !== 'draft') continue;
        const after = {
          ...before,
          state: 'active' as const,
          version: before.version + 1,
          updatedAt: session.at,
        };
        await repos.objectives.updateVersioned(before.id, before.version, {
          state: 'active',
          updatedAt: session.at,
        });
        await rollups.objective(before.id);
        changes.push(published('objective', before, after));
      }
      for (const before of await repos.smartGoals.listByCycle(ws, cycleId)) {
        if (before.state !== 'draft') continue;
        await repos.smartGoals.updateVersioned(before.id, before.version, {
          state: 'open',
          updatedAt: session.at,
        });
        const after = (await repos.smartGoals.find(ws, before.id))!;
        await rollups.smartGoal(after);
        changes.push({
          entityType: 'smart_goal',
          entityId: before.id,
          action: 'updated',
          before: smartGoalRecord(before),
          after: smartGoalRecord(after),
        });
      }
      await rollups.flush();
      await assertPublishable(session, { ...cycle, state: 'active' }, 'all', `cycle ${cycle.name}`);
      await recordEvents(session, changes);
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

/** The event of an objective published by its cycle's activation. */
function published(entityType: 'objective', before: ObjectiveRow, after: ObjectiveRow): Change {
  const { workspaceId: _b, ...was } = before;
  const { workspaceId: _a, ...now } = after;
  return { entityType, entityId: before.id, action: 'updated', before: was, after: now };
}
