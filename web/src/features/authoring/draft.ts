import { type Measure, measureSchema, REQUIRED_MEASURE_FIELDS } from '../../../../core/measure';
import type { Cadence, ObjectiveKind } from '../../../../core/settings';

/**
 * The goal being written, as the form holds it: text fields as typed (numbers stay strings until
 * they parse), so a half-written goal is a valid draft. `measureOf` turns a measure draft into a
 * core `Measure` (or says what is missing or wrong, by field); the coach and the API bodies are
 * built from these drafts (coach-org.ts, save.ts).
 */

export const MEASURE_TYPES = [
  { value: 'increase', label: 'Increase', hint: 'From a start value up to a target (revenue, NPS).' },
  { value: 'decrease', label: 'Decrease', hint: 'From a start value down to a target (churn, latency).' },
  { value: 'at_least', label: 'At least', hint: 'Keep a value at or above a threshold every period.' },
  { value: 'at_most', label: 'At most', hint: 'Keep a value at or below a threshold every period.' },
  { value: 'between', label: 'Between', hint: 'Keep a value inside a band every period.' },
  { value: 'milestones', label: 'Milestones', hint: 'A list of steps, each done or not (weight 1 each).' },
  { value: 'boolean', label: 'Yes / no', hint: 'Done or not done.' },
] as const;
export type MeasureKind = (typeof MEASURE_TYPES)[number]['value'];

export interface MeasureDraft {
  type: MeasureKind | '';
  start: string;
  target: string;
  threshold: string;
  low: string;
  high: string;
  unit: string;
  /** One milestone per line; "Name | 2" gives a weight. */
  milestones: string;
}

export type Visibility = 'workspace' | 'unit' | 'private';

/** A parent to align to: an objective or a key result, with its title for display and the coach. */
export interface ParentRef {
  type: 'objective' | 'key_result';
  id: string;
  title: string;
}

/**
 * The parent a stored link names, titled from the goals one may align to (untitled when the
 * viewer cannot see it among them).
 */
export function parentOfLink(
  alignable: readonly { id: string; title: string; keyResults: readonly { id: string; title: string }[] }[],
  link: { parentType: ParentRef['type']; parentId: string },
): ParentRef {
  for (const o of alignable) {
    if (o.id === link.parentId) return { type: 'objective', id: o.id, title: o.title };
    const kr = o.keyResults.find((k) => k.id === link.parentId);
    if (kr) return { type: 'key_result', id: kr.id, title: kr.title };
  }
  return { type: link.parentType, id: link.parentId, title: '' };
}

export interface KeyResultDraft {
  /** A stable key for React lists and the coach, also before the KR is saved. */
  key: string;
  id?: string | undefined;
  version?: number | undefined;
  title: string;
  measure: MeasureDraft;
  weight: string;
  cadence: Cadence | '';
  ownerId: string;
}

export interface ObjectiveDraft {
  id?: string | undefined;
  version?: number | undefined;
  cycleId: string;
  title: string;
  description: string;
  /** Never defaulted: the writer chooses (SPEC 2; the coach reports a missing kind). */
  kind: ObjectiveKind | '';
  unitId: string;
  leadId: string;
  visibility: Visibility;
  parent: ParentRef | null;
  keyResults: KeyResultDraft[];
}

export interface SmartGoalDraft {
  id?: string | undefined;
  version?: number | undefined;
  cycleId: string;
  title: string;
  definitionOfDone: string;
  ownerId: string;
  unitId: string;
  measure: MeasureDraft;
  startDate: string;
  dueDate: string;
  achievability: string;
  visibility: Visibility;
  cadence: Cadence | '';
  parent: ParentRef | null;
}

export const emptyMeasure = (): MeasureDraft => ({
  type: '',
  start: '',
  target: '',
  threshold: '',
  low: '',
  high: '',
  unit: '',
  milestones: '',
});

let nextKey = 0;
export const newKeyResult = (ownerId = ''): KeyResultDraft => ({
  key: `new-${++nextKey}`,
  title: '',
  measure: emptyMeasure(),
  weight: '1',
  cadence: '',
  ownerId,
});

/** What a measure draft gives: the measure when complete and valid, else what is missing and what is wrong. */
export interface MeasureReading {
  measure: Measure | null;
  /** Fields not filled in yet, as the coach names them ("measure", "measure.start"). */
  missing: string[];
  /** Problems by field ("target": "a decrease needs a target below start (5)"). */
  problems: Partial<Record<keyof MeasureDraft, string>>;
}

const number = (text: string): number | undefined => {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
};

/** Reads a measure draft with core/measure's own schema, so the browser refuses what the server would. */
export function measureOf(draft: MeasureDraft): MeasureReading {
  if (draft.type === '') return { measure: null, missing: ['measure'], problems: {} };
  const problems: MeasureReading['problems'] = {};
  const missing: string[] = [];
  const unit = draft.unit.trim() ? { unit: draft.unit.trim() } : {};
  const fields: Record<string, unknown> = { type: draft.type };
  for (const field of REQUIRED_MEASURE_FIELDS[draft.type]) {
    if (field === 'milestones') {
      const items = draft.milestones
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [name, weight] = line.split('|').map((part) => part.trim());
          const w = weight === undefined ? undefined : number(weight);
          return w === undefined ? name! : { name: name!, weight: w };
        });
      if (items.length === 0) missing.push('measure.milestones');
      else fields.milestones = items;
      continue;
    }
    const value = number(draft[field as 'start' | 'target' | 'threshold' | 'low' | 'high']);
    if (value === undefined) missing.push(`measure.${field}`);
    else if (Number.isNaN(value)) problems[field as keyof MeasureDraft] = 'not a number';
    else fields[field] = value;
  }
  if (missing.length > 0 || Object.keys(problems).length > 0) return { measure: null, missing, problems };
  const parsed = measureSchema.safeParse(
    draft.type === 'milestones' || draft.type === 'boolean' ? fields : { ...fields, ...unit },
  );
  if (parsed.success) return { measure: parsed.data, missing: [], problems: {} };
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] ?? 'type') as keyof MeasureDraft;
    problems[field] ??= issue.message;
  }
  return { measure: null, missing: [], problems };
}

/** The measure draft of a stored measure, for editing. */
export function measureDraftOf(measure: Measure | null): MeasureDraft {
  const draft = emptyMeasure();
  if (!measure) return draft;
  draft.type = measure.type;
  if ('unit' in measure && measure.unit) draft.unit = measure.unit;
  if (measure.type === 'increase' || measure.type === 'decrease') {
    draft.start = String(measure.start);
    draft.target = String(measure.target);
  } else if (measure.type === 'at_least' || measure.type === 'at_most')
    draft.threshold = String(measure.threshold);
  else if (measure.type === 'between') {
    draft.low = String(measure.low);
    draft.high = String(measure.high);
  } else if (measure.type === 'milestones')
    draft.milestones = measure.milestones
      .map((m) => (typeof m === 'string' ? m : m.weight === 1 ? m.name : `${m.name} | ${m.weight}`))
      .join('\n');
  return draft;
}

/** A weight as typed: a number from 0 to 1000, else undefined. */
export function weightOf(text: string): number | undefined {
  const value = number(text);
  return value === undefined || Number.isNaN(value) || value < 0 || value > 1000 ? undefined : value;
}
