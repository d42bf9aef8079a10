import type { makeClient } from '../../api/client';
import { unwrap } from '../../api/client';
import { measureOf, type ObjectiveDraft, type ParentRef, type SmartGoalDraft, weightOf } from './draft';

type Client = ReturnType<typeof makeClient>;

/**
 * Saving what the form holds through the API: a draft always saves (an objective in state
 * `draft`, KRs with an incomplete measure as measure-less drafts, a SMART goal in state `draft`);
 * publishing makes the objective `active` (the SMART goal `open`) as the last write, once its KRs
 * and its link are stored, so the API's publish gate (the workspace setting
 * `coachBlocksPublishing`) judges the whole goal. A refused publish leaves a saved draft and
 * answers the gate's findings (a 409). Each write sends the `version` it read, so a change made
 * meanwhile is a 409.
 */

export interface SaveResult {
  id: string;
  /** KRs that were skipped because they have neither a title nor a measure. */
  skipped: number;
}

/** The previous parent of a goal being edited, to move its link when the parent changes. */
async function realign(
  client: Client,
  child: { type: 'objective' | 'smart_goal'; id: string },
  before: ParentRef | null,
  after: ParentRef | null,
) {
  if (before && (!after || before.id !== after.id))
    await unwrap(
      client.DELETE('/api/v1/alignments', {
        params: { query: { childType: child.type, childId: child.id, parentId: before.id } },
      }),
    );
  if (after && (!before || before.id !== after.id))
    await unwrap(
      client.POST('/api/v1/alignments', {
        body: {
          childType: child.type,
          childId: child.id,
          parentType: after.type,
          parentId: after.id,
          weight: 1,
        },
      }),
    );
}

/** Creates or updates an objective and its KRs; `removed` are ids of stored KRs taken off the form. */
export async function saveObjective(
  client: Client,
  draft: ObjectiveDraft,
  options: { publish: boolean; me: string; removed?: readonly string[]; previousParent?: ParentRef | null },
): Promise<SaveResult> {
  const kind = draft.kind === '' ? {} : { kind: draft.kind };
  const description = draft.description.trim();
  let id = draft.id;
  let version = draft.version ?? 1;
  let wasActive = false;
  if (!id) {
    const created = await unwrap(
      client.POST('/api/v1/objectives', {
        body: {
          cycleId: draft.cycleId,
          title: draft.title.trim(),
          ...(description ? { description } : {}),
          ...kind,
          ...(draft.unitId ? { unitId: draft.unitId } : { ownerId: draft.leadId || options.me }),
          ...(draft.leadId ? { leadId: draft.leadId } : {}),
          visibility: draft.visibility,
          state: 'draft',
        },
      }),
    );
    id = created.id;
    version = created.version;
  } else {
    const updated = await unwrap(
      client.PATCH('/api/v1/objectives/{id}', {
        params: { path: { id } },
        body: {
          version: draft.version!,
          title: draft.title.trim(),
          description: description || null,
          ...kind,
          ...(draft.leadId ? { leadId: draft.leadId } : {}),
          visibility: draft.visibility,
          ...(options.publish ? {} : { state: 'draft' as const }),
        },
      }),
    );
    version = updated.version;
    wasActive = updated.state === 'active';
  }
  for (const removed of options.removed ?? [])
    await unwrap(client.DELETE('/api/v1/key-results/{id}', { params: { path: { id: removed } } }));
  let skipped = 0;
  for (const kr of draft.keyResults) {
    const title = kr.title.trim();
    const { measure } = measureOf(kr.measure);
    if (!title) {
      skipped += 1;
      continue;
    }
    const fields = {
      title,
      measure,
      weight: weightOf(kr.weight) ?? 1,
      ownerId: kr.ownerId || null,
      cadence: kr.cadence || null,
    };
    if (kr.id)
      await unwrap(
        client.PATCH('/api/v1/key-results/{id}', {
          params: { path: { id: kr.id } },
          body: { version: kr.version!, ...fields },
        }),
      );
    else
      await unwrap(
        client.POST('/api/v1/key-results', {
          body: { objectiveId: id, ...fields, plan: [], progressSource: 'metric', isLeading: false },
        }),
      );
  }
  await realign(client, { type: 'objective', id }, options.previousParent ?? null, draft.parent);
  if (options.publish && !wasActive)
    await unwrap(
      client.PATCH('/api/v1/objectives/{id}', {
        params: { path: { id } },
        body: { version, state: 'active' },
      }),
    );
  return { id, skipped };
}

/**
 * Creates or updates a SMART goal. `publish: false` keeps (or makes) a new goal or a draft a
 * `draft`; `publish: true` makes it `open` as the last write. A goal already past draft keeps its
 * state (`publish` is ignored).
 */
export async function saveSmartGoal(
  client: Client,
  draft: SmartGoalDraft,
  options: { previousParent?: ParentRef | null; publish?: boolean } = {},
): Promise<SaveResult> {
  const publish = options.publish ?? true;
  const { measure } = measureOf(draft.measure);
  const text = (value: string) => value.trim() || null;
  const common = {
    title: draft.title.trim(),
    measure,
    startDate: draft.startDate,
    dueDate: draft.dueDate,
    visibility: draft.visibility,
    cadence: draft.cadence || null,
  };
  if (!draft.id) {
    const created = await unwrap(
      client.POST('/api/v1/smart-goals', {
        body: {
          cycleId: draft.cycleId,
          ...common,
          ...(text(draft.definitionOfDone) ? { definitionOfDone: draft.definitionOfDone.trim() } : {}),
          ...(text(draft.achievability) ? { achievability: draft.achievability.trim() } : {}),
          ...(draft.ownerId ? { ownerId: draft.ownerId } : {}),
          ...(draft.unitId ? { unitId: draft.unitId } : {}),
          supports: draft.parent ? [{ type: draft.parent.type, id: draft.parent.id, weight: 1 }] : [],
          state: 'draft',
        },
      }),
    );
    if (publish)
      await unwrap(
        client.PATCH('/api/v1/smart-goals/{id}', {
          params: { path: { id: created.id } },
          body: { version: created.version, state: 'open' },
        }),
      );
    return { id: created.id, skipped: 0 };
  }
  const updated = await unwrap(
    client.PATCH('/api/v1/smart-goals/{id}', {
      params: { path: { id: draft.id } },
      body: {
        version: draft.version!,
        ...common,
        definitionOfDone: text(draft.definitionOfDone),
        achievability: text(draft.achievability),
      },
    }),
  );
  await realign(client, { type: 'smart_goal', id: draft.id }, options.previousParent ?? null, draft.parent);
  if (publish && updated.state === 'draft')
    await unwrap(
      client.PATCH('/api/v1/smart-goals/{id}', {
        params: { path: { id: draft.id } },
        body: { version: updated.version, state: 'open' },
      }),
    );
  return { id: draft.id, skipped: 0 };
}
