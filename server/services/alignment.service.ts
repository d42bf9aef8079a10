import { z } from 'zod';
import { AppError } from '../../core/errors';
import type { ChildType, ParentType } from '../db/schema';
import { authorize } from '../policies/authorize';
import type { Repositories } from '../repositories/index';
import { type Actor, type ServiceDeps, transact } from './context';
import { getObjective, getSmartGoal, objectiveSubject, smartGoalSubject } from './goal-access';
import { Rollups } from './rollup';
import { openSession, recordEvents, type Session } from './session';
import { accept, invalid } from './validate';
import { hiddenGoalsAmong } from './visibility';

/** Input of `align`: a weighted link from a child (objective or SMART goal) up to a parent (objective or KR). */
export const alignSchema = z
  .object({
    childType: z.enum(['objective', 'smart_goal']),
    childId: z.string().min(1),
    parentType: z.enum(['objective', 'key_result']),
    parentId: z.string().min(1),
    weight: z.number().finite().min(0).max(1000).default(1),
  })
  .strict();

/** Input of `unalign`. */
export const unalignSchema = alignSchema.pick({ childType: true, childId: true, parentId: true });

/**
 * Whether linking `childId` under `parentId` would close a loop: walks up from the parent (a KR
 * leads to its objective; an objective or SMART goal to what it aligns to) looking for the child.
 */
export async function wouldMakeCycle(
  repos: Repositories,
  workspaceId: string,
  childId: string,
  parent: { type: ParentType; id: string },
): Promise<boolean> {
  const seen = new Set<string>();
  let frontier: { type: ParentType | ChildType; id: string }[] = [parent];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    const linkedIds: string[] = [];
    for (const node of frontier) {
      if (node.id === childId) return true;
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      if (node.type === 'key_result') {
        const kr = await repos.keyResults.find(workspaceId, node.id);
        if (kr) next.push({ type: 'objective', id: kr.objectiveId });
      } else linkedIds.push(node.id);
    }
    for (const link of await repos.alignments.parentsOf(linkedIds))
      next.push({ type: link.parentType, id: link.parentId });
    frontier = next;
  }
  return false;
}

/**
 * Checks a parent exists in the workspace and the actor may see it, naming the field otherwise
 * (a parent past visibility is answered as a missing one, word for word).
 */
async function assertParent(session: Session, type: ParentType, id: string, field: string): Promise<void> {
  const repos = session.repos;
  const found =
    type === 'objective'
      ? await repos.objectives.find(session.actor.workspaceId, id)
      : await repos.keyResults.find(session.actor.workspaceId, id);
  if (!found || (await hiddenGoalsAmong(session, [id])).has(id))
    invalid(field, `no such ${type.replace('_', ' ')} in this workspace`);
}

/**
 * Creates (or re-weights) a link inside a session, refusing cycles, and updates the rollups of
 * the parent. Shared by `align` and by SMART goal creation.
 */
export async function link(
  session: Session,
  input: z.infer<typeof alignSchema>,
  field = 'parentId',
): Promise<void> {
  const { repos, actor } = session;
  await assertParent(session, input.parentType, input.parentId, field);
  if (
    await wouldMakeCycle(repos, actor.workspaceId, input.childId, {
      type: input.parentType,
      id: input.parentId,
    })
  ) {
    invalid(field, 'this link would make the alignment graph a cycle');
  }
  const existing = await repos.alignments.find(actor.workspaceId, input.childId, input.parentId);
  if (existing) await repos.alignments.setWeight(existing.id, input.weight);
  else
    await repos.alignments.insert({
      id: session.deps.newId(),
      workspaceId: actor.workspaceId,
      ...input,
      createdAt: session.at,
    });
  if (input.parentType === 'key_result') {
    await new Rollups(repos, actor.workspaceId, session.settings, session.at).alignedKeyResult(
      input.parentId,
    );
  }
  await recordEvents(session, [
    {
      entityType: input.childType,
      entityId: input.childId,
      action: existing ? 'realigned' : 'aligned',
      before: existing ? { weight: existing.weight } : undefined,
      after: input,
    },
  ]);
}

/** Alignment links: align, re-weight and unlink, with cycle prevention and rollups. */
export class AlignmentService {
  constructor(readonly deps: ServiceDeps) {}

  /** Links a child up to a parent (or changes the weight of an existing link). */
  async align(actor: Actor, input: z.input<typeof alignSchema>): Promise<void> {
    const data = accept(alignSchema, input);
    await transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      await this.#authorizeChild(session, data.childType, data.childId);
      await link(session, data);
    });
  }

  /** Removes a link; the parent's rollup follows. */
  async unalign(actor: Actor, data: z.output<typeof unalignSchema>): Promise<void> {
    await transact(this.deps, async (trx) => {
      const session = await openSession(this.deps, trx, actor);
      await this.#authorizeChild(session, data.childType, data.childId);
      const existing = await session.repos.alignments.find(actor.workspaceId, data.childId, data.parentId);
      // A link to a parent the actor may not see is answered as no link at all.
      if (!existing || (await hiddenGoalsAmong(session, [data.parentId])).has(data.parentId))
        throw new AppError('not_found', 'no such link', { childId: data.childId, parentId: data.parentId });
      await session.repos.alignments.delete(existing.id);
      if (existing.parentType === 'key_result') {
        await new Rollups(session.repos, actor.workspaceId, session.settings, session.at).alignedKeyResult(
          existing.parentId,
        );
      }
      await recordEvents(session, [
        { entityType: data.childType, entityId: data.childId, action: 'unaligned', before: existing },
      ]);
    });
  }

  async #authorizeChild(session: Session, type: ChildType, id: string): Promise<void> {
    if (type === 'objective') {
      authorize(session.scope, 'align', 'objective', objectiveSubject(await getObjective(session, id)));
    } else {
      authorize(session.scope, 'align', 'smart_goal', smartGoalSubject(await getSmartGoal(session, id)));
    }
  }
}
