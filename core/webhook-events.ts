/**
 * The catalogue of events a webhook can subscribe to: every audit event the server records is a
 * message of type `entity_type.action` (docs/api.md, "Webhooks"). The webhooks' own events
 * (`webhook.*`) are recorded but never delivered, so they are not offered. A filter is a list of
 * `*` (everything), `entity_type.*` or exact types.
 */
export const WEBHOOK_EVENT_CATALOGUE = [
  {
    entity: 'objective',
    label: 'Objectives',
    actions: ['created', 'updated', 'deleted', 'aligned', 'realigned', 'unaligned', 'continued'],
  },
  {
    entity: 'key_result',
    label: 'Key results',
    actions: ['created', 'updated', 'deleted', 'moved', 'checked_in', 'check_in_corrected'],
  },
  {
    entity: 'smart_goal',
    label: 'SMART goals',
    actions: [
      'created',
      'updated',
      'deleted',
      'checked_in',
      'check_in_corrected',
      'aligned',
      'realigned',
      'unaligned',
    ],
  },
  { entity: 'cycle', label: 'Cycles', actions: ['created', 'activated', 'closed', 'reopened'] },
  {
    entity: 'unit',
    label: 'Units',
    actions: ['created', 'moved', 'member_set', 'member_removed', 'deleted'],
  },
  {
    entity: 'person',
    label: 'People',
    actions: [
      'created',
      'invited',
      'updated',
      'deactivated',
      'reactivated',
      'password_changed',
      'password_reset_issued',
      'password_reset',
    ],
  },
  { entity: 'workspace', label: 'Workspace', actions: ['created', 'settings_updated'] },
  { entity: 'chat_webhook', label: 'Chat webhooks', actions: ['created', 'deleted'] },
] as const satisfies readonly { entity: string; label: string; actions: readonly string[] }[];

/** Every exact event type of the catalogue: `objective.created`, … */
export const WEBHOOK_EVENT_TYPES: readonly string[] = WEBHOOK_EVENT_CATALOGUE.flatMap((group) =>
  group.actions.map((action) => `${group.entity}.${action}`),
);

/** An action as people read it: `check_in_corrected` -> "check-in corrected". */
export const actionText = (action: string): string =>
  action.replace(/^check_in_/, 'check-in ').replace(/_/g, ' ');

/** A group's label as a noun in a sentence: "Key results" -> "key result", "SMART goals" -> "SMART goal". */
export function entityNoun(label: string): string {
  const singular = label.replace(/s$/, '');
  return /^[A-Z][a-z]/.test(singular) ? singular.toLowerCase() : singular;
}

/**
 * A filter reduced to its shortest form: `*` alone when it is there, a group's `entity.*` instead
 * of its exact types, and exact types not covered by a wildcard, in catalogue order (unknown
 * patterns, such as a type added to the server later, are kept at the end).
 *
 * @example
 * normaliseEventFilter(['unit.created', 'unit.*', 'cycle.closed']) // ['cycle.closed', 'unit.*']
 */
export function normaliseEventFilter(patterns: readonly string[]): string[] {
  const set = new Set(patterns);
  if (set.has('*')) return ['*'];
  const result: string[] = [];
  const known = new Set<string>();
  for (const group of WEBHOOK_EVENT_CATALOGUE) {
    const wildcard = `${group.entity}.*`;
    known.add(wildcard);
    const types = group.actions.map((a) => `${group.entity}.${a}`);
    for (const t of types) known.add(t);
    if (set.has(wildcard)) result.push(wildcard);
    else result.push(...types.filter((t) => set.has(t)));
  }
  for (const p of patterns) if (!known.has(p) && !result.includes(p)) result.push(p);
  return result;
}

/** A filter in words: "every event", or "all key result events, cycle closed". */
export function describeEventFilter(patterns: readonly string[]): string {
  const normal = normaliseEventFilter(patterns);
  if (normal.length === 0) return 'no event';
  if (normal[0] === '*') return 'every event';
  return normal
    .map((p) => {
      const [entity, action] = p.split('.');
      const group = WEBHOOK_EVENT_CATALOGUE.find((g) => g.entity === entity);
      const name = group ? entityNoun(group.label) : (entity ?? p);
      return action === '*' ? `all ${name} events` : `${name} ${actionText(action ?? '')}`;
    })
    .join(', ');
}
