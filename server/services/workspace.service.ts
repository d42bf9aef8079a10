import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { Database } from '../db/schema';
import { authorize } from '../policies/authorize';
import { repositories } from '../repositories/index';
import { type Actor, type ServiceDeps, transact } from './context';
import { recomputeCycles } from './rollup';
import { openSession, recordEvents } from './session';
import { accept, isEmptyChange } from './validate';
import {
  evaluationSettings,
  mergeSettings,
  readSettings,
  settingsPatchSchema,
  type WorkspaceSettings,
  workspaceSettingsSchema,
} from './workspace-settings';

const email = z.string().trim().toLowerCase().email().max(320);

/** Input of `createWorkspace`: the organisation and its first admin. */
export const createWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    settings: workspaceSettingsSchema.partial().default({}),
    admin: z.object({
      email,
      name: z.string().trim().min(1).max(200),
      timeZone: z.string().optional(),
    }),
  })
  .strict();

/**
 * Input of `updateSettings`: the workspace version read, and the settings to change. Settings left
 * out keep their values; `thresholds` and `coachSeverities` merge key by key (`mergeSettings`).
 */
export const updateSettingsSchema = z
  .object({
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(200).optional(),
    settings: settingsPatchSchema.default({}),
  })
  .strict();

/** A workspace as services return it. */
export interface WorkspaceView {
  id: string;
  name: string;
  version: number;
  settings: WorkspaceSettings;
}

/**
 * Writes a new workspace, its first admin and the creation event inside a transaction the caller
 * holds (sign-up uses it to create the account in the same transaction).
 */
export async function insertWorkspace(
  deps: ServiceDeps,
  trx: Transaction<Database>,
  data: z.infer<typeof createWorkspaceSchema>,
  options: { companyUnit?: boolean } = {},
): Promise<{ workspace: WorkspaceView; adminId: string; companyUnitId?: string }> {
  const settings = workspaceSettingsSchema.parse(data.settings);
  const at = deps.clock.now();
  const workspaceId = deps.newId();
  const adminId = deps.newId();
  const repos = repositories(trx, deps.db.dialect);
  await repos.workspaces.insert({
    id: workspaceId,
    name: data.name,
    settings: JSON.stringify(settings),
    version: 1,
    directoryVersion: 0,
    rollupsPending: false,
    createdAt: at,
  });
  await repos.people.insert({
    id: adminId,
    workspaceId,
    email: data.admin.email,
    name: data.admin.name,
    role: 'admin',
    timeZone: data.admin.timeZone ?? settings.timeZone,
    managerId: null,
    isActive: true,
    createdAt: at,
  });
  await repos.events.insertMany([
    {
      id: deps.newId(),
      workspaceId,
      actorType: 'person',
      actorId: adminId,
      at,
      source: 'system',
      entityType: 'workspace',
      entityId: workspaceId,
      action: 'created',
      before: null,
      after: JSON.stringify({ name: data.name, settings }),
      isEditedAfterClose: 0,
    },
  ]);
  const workspace = { id: workspaceId, name: data.name, version: 1, settings };
  if (!options.companyUnit) return { workspace, adminId };
  // The root of the organisation tree, named after the workspace and led by its first admin, so
  // the first goals written belong to the company (not to the admin personally) and the company
  // dashboard shows them.
  const companyUnitId = deps.newId();
  await repos.units.insert({
    id: companyUnitId,
    workspaceId,
    parentId: null,
    name: data.name,
    createdAt: at,
  });
  await repos.units.setMember({ workspaceId, unitId: companyUnitId, personId: adminId, isLead: true });
  const unitEvent = (action: string, after: unknown) => ({
    id: deps.newId(),
    workspaceId,
    actorType: 'person' as const,
    actorId: adminId,
    at,
    source: 'system' as const,
    entityType: 'unit' as const,
    entityId: companyUnitId,
    action,
    before: null,
    after: JSON.stringify(after),
    isEditedAfterClose: 0 as const,
  });
  await repos.events.insertMany([
    unitEvent('created', { name: data.name, parentId: null }),
    unitEvent('member_set', { personId: adminId, isLead: true }),
  ]);
  return { workspace, adminId, companyUnitId };
}

/** Workspaces and their settings. */
export class WorkspaceService {
  constructor(readonly deps: ServiceDeps) {}

  /**
   * Creates a workspace with its first admin (who then acts for everything else).
   *
   * @example
   * const { workspace, adminId } = await services.workspaces.create({ name: 'Acme', admin: { email: 'a@acme.test', name: 'Ada' } });
   */
  async create(
    input: z.input<typeof createWorkspaceSchema>,
  ): Promise<{ workspace: WorkspaceView; adminId: string }> {
    const data = accept(createWorkspaceSchema, input);
    return transact(this.deps, (trx) => insertWorkspace(this.deps, trx, data));
  }

  /** The actor's workspace and its settings. */
  async get(actor: Actor): Promise<WorkspaceView> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    authorize(session.scope, 'read', 'workspace');
    const row = await session.repos.workspaces.find(actor.workspaceId);
    if (!row) throw new AppError('not_found', 'workspace not found');
    return {
      id: row.id,
      name: row.name,
      version: row.version,
      settings: readSettings(row.settings, row.id, this.deps.logger),
    };
  }

  /** Changes settings (admins only); a stale version is a `conflict` and changes nothing. */
  async updateSettings(actor: Actor, input: z.input<typeof updateSettingsSchema>): Promise<WorkspaceView> {
    const data = accept(updateSettingsSchema, input);
    return transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      authorize(session.scope, 'manage', 'settings');
      const row = await session.repos.workspaces.find(actor.workspaceId);
      if (!row) throw new AppError('not_found', 'workspace not found');
      const before = readSettings(row.settings, row.id, this.deps.logger);
      if (isEmptyChange(data) && data.version === row.version)
        return { id: row.id, name: row.name, version: row.version, settings: before };
      const merged = parseMerged(mergeSettings(before, data.settings));
      const name = data.name ?? row.name;
      const changed = await session.repos.workspaces.updateSettings(
        row.id,
        data.version,
        JSON.stringify(merged),
        name,
      );
      if (!changed)
        throw new AppError('conflict', 'the workspace was changed since you read it; reload and try again', {
          currentVersion: (await session.repos.workspaces.find(row.id))?.version ?? null,
        });
      // Cycle windows and cadence periods follow the time zone, week start, fiscal year and
      // default cadence, and stored scores of maintain KRs follow those: recompute the cycles not
      // closed (closed ones are frozen) with the new settings, in this transaction.
      if (JSON.stringify(evaluationSettings(before)) !== JSON.stringify(evaluationSettings(merged))) {
        const open = (await session.repos.cycles.list(row.id)).filter((c) => c.state !== 'closed');
        await recomputeCycles(
          session.repos,
          row.id,
          merged,
          session.at,
          open.map((c) => c.id),
        );
      }
      await recordEvents(session, [
        { entityType: 'workspace', entityId: row.id, action: 'settings_updated', before, after: merged },
      ]);
      return { id: row.id, name, version: data.version + 1, settings: merged };
    });
  }
}

/** Validates merged settings, naming fields as the input does (`settings.thresholds.atRisk`). */
function parseMerged(merged: Record<string, unknown>): WorkspaceSettings {
  const result = workspaceSettingsSchema.safeParse(merged);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: ['settings', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError('validation', `${issues[0]?.path}: ${issues[0]?.message}`, { issues });
}
