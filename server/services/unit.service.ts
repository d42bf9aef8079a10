import { z } from 'zod';
import { AppError } from '../../core/errors';
import { authorize } from '../policies/authorize';
import type { UnitRow } from '../repositories/unit.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { openSession, recordEvents, type Session } from './session';
import { accept, invalid, notFound } from './validate';

/** Input of `create`: a root unit (the company) has no parent. */
export const createUnitSchema = z
  .object({ name: z.string().trim().min(1).max(200), parentId: z.string().min(1).nullable().default(null) })
  .strict();

/** Input of `setMember`. */
export const setMemberSchema = z
  .object({ personId: z.string().min(1), isLead: z.boolean().default(false) })
  .strict();

/** A unit with its leads and members. */
export interface UnitView {
  id: string;
  name: string;
  parentId: string | null;
  leads: string[];
  members: string[];
}

/** The organisation tree: units, their leads and members (admins manage; everyone reads). */
export class UnitService {
  constructor(readonly deps: ServiceDeps) {}

  /** Creates a unit under a parent (or the root). */
  async create(actor: Actor, input: z.input<typeof createUnitSchema>): Promise<UnitView> {
    const data = accept(createUnitSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'unit');
      if (data.parentId && !(await session.repos.units.find(actor.workspaceId, data.parentId))) {
        invalid('parentId', 'no such unit in this workspace');
      }
      const row: UnitRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        parentId: data.parentId,
        name: data.name,
        createdAt: session.at,
      };
      await session.repos.units.insert(row);
      await recordEvents(session, [{ entityType: 'unit', entityId: row.id, action: 'created', after: data }]);
      return { id: row.id, name: row.name, parentId: row.parentId, leads: [], members: [] };
    });
  }

  /** Moves a unit under another parent; refuses to make the tree a cycle. */
  async move(actor: Actor, unitId: string, parentId: string | null | undefined): Promise<UnitView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'unit');
      const unit = await session.repos.units.find(actor.workspaceId, unitId);
      if (!unit) return notFound('unit', unitId);
      if (parentId === undefined) return this.#view(session, unit);
      if (parentId) {
        if (!(await session.repos.units.find(actor.workspaceId, parentId)))
          invalid('parentId', 'no such unit');
        const above = await session.repos.units.ancestors(actor.workspaceId, parentId);
        if (above.includes(unitId)) invalid('parentId', 'a unit cannot move under itself or a unit below it');
      }
      await session.repos.units.setParent(actor.workspaceId, unitId, parentId);
      await recordEvents(session, [
        {
          entityType: 'unit',
          entityId: unitId,
          action: 'moved',
          before: { parentId: unit.parentId },
          after: { parentId },
        },
      ]);
      return this.#view(session, { ...unit, parentId });
    });
  }

  /** Adds a person to a unit, as a member or a lead (again to change which). */
  async setMember(actor: Actor, unitId: string, data: z.input<typeof setMemberSchema>): Promise<UnitView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'unit');
      const unit = await session.repos.units.find(actor.workspaceId, unitId);
      if (!unit) return notFound('unit', unitId);
      if (!(await session.repos.people.find(actor.workspaceId, data.personId)))
        invalid('personId', 'no such person');
      const member = { personId: data.personId, isLead: data.isLead ?? false };
      await session.repos.units.setMember({ workspaceId: actor.workspaceId, unitId, ...member });
      await recordEvents(session, [
        { entityType: 'unit', entityId: unitId, action: 'member_set', after: member },
      ]);
      return this.#view(session, unit);
    });
  }

  /** Removes a person from a unit. */
  async removeMember(actor: Actor, unitId: string, personId: string): Promise<UnitView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'unit');
      const unit = await session.repos.units.find(actor.workspaceId, unitId);
      if (!unit) return notFound('unit', unitId);
      await session.repos.units.removeMember(unitId, personId);
      await recordEvents(session, [
        { entityType: 'unit', entityId: unitId, action: 'member_removed', before: { personId } },
      ]);
      return this.#view(session, unit);
    });
  }

  /**
   * Removes an empty unit (admins): one with no units below it, no members or leads and no goals
   * in any cycle. Otherwise a `conflict` whose details say what is still there.
   */
  async remove(actor: Actor, unitId: string): Promise<void> {
    await transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'delete', 'unit');
      const { repos } = session;
      const ws = actor.workspaceId;
      const unit = (await repos.units.find(ws, unitId)) ?? notFound('unit', unitId);
      const contents = {
        units: (await repos.units.children(ws, unitId)).length,
        people: (await repos.units.members(unitId)).length,
        objectives: await repos.objectives.countOfUnit(ws, unitId),
        smartGoals: await repos.smartGoals.countOfUnit(ws, unitId),
      };
      const left = Object.entries(contents)
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${n} ${what === 'smartGoals' ? 'SMART goals' : what}`);
      if (left.length > 0)
        throw new AppError('conflict', `unit ${unit.name} is not empty: it still has ${left.join(', ')}`, {
          reason: 'not_empty',
          ...contents,
        });
      await repos.units.delete(ws, unitId);
      await recordEvents(session, [
        {
          entityType: 'unit',
          entityId: unitId,
          action: 'deleted',
          before: { name: unit.name, parentId: unit.parentId },
        },
      ]);
    });
  }

  /** One unit with its people. */
  async get(actor: Actor, unitId: string): Promise<UnitView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'unit');
    const unit = await session.repos.units.find(actor.workspaceId, unitId);
    if (!unit) return notFound('unit', unitId);
    return this.#view(session, unit);
  }

  /** Every unit of the workspace (without people; the tree by `parentId`). */
  async list(actor: Actor): Promise<Omit<UnitView, 'leads' | 'members'>[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'unit');
    const rows = await session.repos.units.list(actor.workspaceId);
    return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parentId }));
  }

  async #view(session: Session, unit: UnitRow): Promise<UnitView> {
    const people = await session.repos.units.members(unit.id);
    return {
      id: unit.id,
      name: unit.name,
      parentId: unit.parentId,
      leads: people
        .filter((p) => p.isLead)
        .map((p) => p.personId)
        .sort(),
      members: people.map((p) => p.personId).sort(),
    };
  }
}
