import type { Schema } from '../../api/client';

export type GoalEvent = Schema<'Event'>;

/** Fields that change on their own (rollups, bookkeeping): not what a person changed. */
const BOOKKEEPING = new Set([
  'version',
  'createdAt',
  'updatedAt',
  'progress',
  'score',
  'latestCheckinAt',
  'latestValue',
  'checkinCount',
  'frozenScore',
  'frozenGrade',
  'evaluation',
]);

const FIELD_LABEL: Record<string, string> = {
  title: 'title',
  description: 'description',
  definitionOfDone: 'definition of done',
  ownerId: 'owner',
  leadId: 'lead',
  unitId: 'unit',
  measure: 'measure',
  startDate: 'start date',
  dueDate: 'due date',
  visibility: 'visibility',
  state: 'state',
  kind: 'kind',
  cadence: 'cadence',
  achievability: 'achievability',
  plan: 'plan',
  weight: 'weight',
};

const ACTION_LABEL: Record<string, string> = {
  created: 'created it',
  updated: 'changed it',
  deleted: 'deleted it',
  checked_in: 'checked in',
  aligned: 'aligned it',
  unaligned: 'removed an alignment',
  moved: 'moved it',
  reopened: 'reopened it',
  closed: 'closed it',
};

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** The fields a person changed in an event (before and after differ), bookkeeping left out. */
export function changedFields(event: Pick<GoalEvent, 'before' | 'after'>): FieldChange[] {
  const before = isRecord(event.before) ? event.before : {};
  const after = isRecord(event.after) ? event.after : {};
  if (!isRecord(event.before) || !isRecord(event.after)) return [];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => !BOOKKEEPING.has(f) && JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({
      field,
      label: FIELD_LABEL[field] ?? field,
      before: before[field],
      after: after[field],
    }));
}

/** What happened, in words: "changed the title and due date", "checked in", "created it". */
export function describeEvent(event: Pick<GoalEvent, 'action' | 'before' | 'after'>): string {
  if (event.action === 'updated') {
    const labels = changedFields(event).map((c) => c.label);
    if (labels.length === 0) return 'saved it unchanged';
    const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
    return `changed the ${list}`;
  }
  return ACTION_LABEL[event.action] ?? event.action.replaceAll('_', ' ');
}

/** A value as a person reads it: names for people and units when known, short JSON otherwise. */
export function showValue(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'string') return names.get(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
