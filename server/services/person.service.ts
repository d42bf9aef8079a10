import { z } from 'zod';
import { AppError } from '../../core/errors';
import { isValidTimeZone } from '../../core/time';
import { authorize } from '../policies/authorize';
import type { PersonRow } from '../repositories/person.repository';
import { type Actor, type ServiceDeps, transact } from './context';
import { openSession, recordEvents } from './session';
import { accept, invalid, isEmptyChange, notFound } from './validate';

const role = z.enum(['admin', 'member', 'viewer']);
const timeZone = z.string().refine(isValidTimeZone, { message: 'not an IANA time zone' });

/** Input of `add`. */
export const addPersonSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(320),
    name: z.string().trim().min(1).max(200),
    role: role.default('member'),
    timeZone: timeZone.optional(),
    managerId: z.string().min(1).nullable().optional(),
  })
  .strict();

/** Input of `update`. */
export const updatePersonSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: role.optional(),
    timeZone: timeZone.optional(),
    managerId: z.string().min(1).nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .strict();

/** A person as services return them. */
export type PersonView = Omit<PersonRow, 'isActive' | 'createdAt'> & { isActive: boolean };

const view = (row: PersonRow): PersonView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  email: row.email,
  name: row.name,
  role: row.role,
  timeZone: row.timeZone,
  managerId: row.managerId,
  isActive: row.isActive,
});

/** People and their roles (admins manage them; everyone may list them). */
export class PersonService {
  constructor(readonly deps: ServiceDeps) {}

  /** Adds a person to the actor's workspace. */
  async add(actor: Actor, input: z.input<typeof addPersonSchema>): Promise<PersonView> {
    const data = accept(addPersonSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'person');
      const { repos } = session;
      if (await repos.people.findByEmail(actor.workspaceId, data.email)) {
        throw new AppError('conflict', `${data.email} is already a member`, { field: 'email' });
      }
      if (data.managerId && !(await repos.people.find(actor.workspaceId, data.managerId))) {
        invalid('managerId', 'no such person in this workspace');
      }
      const row: PersonRow = {
        id: this.deps.newId(),
        workspaceId: actor.workspaceId,
        email: data.email,
        name: data.name,
        role: data.role,
        timeZone: data.timeZone ?? session.settings.timeZone,
        managerId: data.managerId ?? null,
        isActive: true,
        createdAt: session.at,
      };
      await repos.people.insert(row);
      await recordEvents(session, [
        { entityType: 'person', entityId: row.id, action: 'created', after: view(row) },
      ]);
      return view(row);
    });
  }

  /** Changes a person's name, role, timezone, manager or active flag (admins only). */
  async update(
    actor: Actor,
    personId: string,
    input: z.input<typeof updatePersonSchema>,
  ): Promise<PersonView> {
    const data = accept(updatePersonSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'person');
      const { repos } = session;
      const before = await repos.people.find(actor.workspaceId, personId);
      if (!before) return notFound('person', personId);
      if (isEmptyChange(data)) return view(before);
      if (data.managerId) {
        if (data.managerId === personId) invalid('managerId', 'a person cannot manage themselves');
        if (!(await repos.people.find(actor.workspaceId, data.managerId)))
          invalid('managerId', 'no such person');
        const chain = await repos.people.managerChain(actor.workspaceId, data.managerId);
        if (chain.includes(personId)) invalid('managerId', 'this would make a management cycle');
      }
      const { isActive, ...rest } = data;
      if (isActive === false && before.isActive) {
        if (personId === actor.personId)
          throw new AppError('conflict', 'you cannot deactivate yourself', { reason: 'self' });
        await repos.people.endAccess(actor.workspaceId, personId, session.at);
      }
      await repos.people.update(actor.workspaceId, personId, {
        ...rest,
        ...(isActive === undefined ? {} : { isActive }),
      });
      const after = (await repos.people.find(actor.workspaceId, personId))!;
      await recordEvents(session, [
        {
          entityType: 'person',
          entityId: personId,
          action: 'updated',
          before: view(before),
          after: view(after),
        },
      ]);
      return view(after);
    });
  }

  /**
   * Deactivates a person (admins): they can no longer sign in, their sessions end and their API
   * tokens are revoked; their goals stay, shown with them as a former owner. Not oneself, and
   * never the last active admin.
   */
  async deactivate(actor: Actor, personId: string): Promise<PersonView> {
    return this.#setActive(actor, personId, false);
  }

  /** Reactivates a person (admins): they may sign in again (with new sessions and tokens). */
  async reactivate(actor: Actor, personId: string): Promise<PersonView> {
    return this.#setActive(actor, personId, true);
  }

  async #setActive(actor: Actor, personId: string, isActive: boolean): Promise<PersonView> {
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'person');
      const { repos } = session;
      const before = (await repos.people.find(actor.workspaceId, personId)) ?? notFound('person', personId);
      if (before.isActive === isActive) return view(before);
      if (!isActive) {
        if (personId === actor.personId)
          throw new AppError('conflict', 'you cannot deactivate yourself', { reason: 'self' });
        if (before.role === 'admin') {
          const admins = (await repos.people.list(actor.workspaceId)).filter(
            (p) => p.role === 'admin' && p.isActive,
          );
          if (admins.length <= 1)
            throw new AppError('conflict', 'the last active admin cannot be deactivated', {
              reason: 'last_admin',
            });
        }
        await repos.people.endAccess(actor.workspaceId, personId, session.at);
      }
      await repos.people.update(actor.workspaceId, personId, { isActive });
      const after = (await repos.people.find(actor.workspaceId, personId))!;
      await recordEvents(session, [
        {
          entityType: 'person',
          entityId: personId,
          action: isActive ? 'reactivated' : 'deactivated',
          before: view(before),
          after: view(after),
        },
      ]);
      return view(after);
    });
  }

  /** One person of the actor's workspace. */
  async get(actor: Actor, personId: string): Promise<PersonView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'person');
    const row = await session.repos.people.find(actor.workspaceId, personId);
    return row ? view(row) : notFound('person', personId);
  }

  /** Everyone in the actor's workspace. */
  async list(actor: Actor): Promise<PersonView[]> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'person');
    return (await session.repos.people.list(actor.workspaceId)).map(view);
  }
}
