import { useId } from 'react';
import { rawProgress } from '../../../../core/measure';
import type { DueGoal } from '../../api/due';
import { ConfidenceControl } from '../../components/ConfidenceControl';
import { formatAgo, formatScore, formatValue } from '../../lib/format';
import type { CheckInInput } from './check-ins.queries';

/** What a row holds while the person types. */
export interface RowState {
  value: string;
  done: string[];
  isDone: boolean;
  confidence: number | null;
  note: string;
}

function milestoneNames(goal: DueGoal): string[] {
  if (goal.measure?.type !== 'milestones') return [];
  return goal.measure.milestones.map((m) => (typeof m === 'string' ? m : m.name));
}

function isChecklist(goal: DueGoal): boolean {
  return goal.measure?.type === 'milestones' || goal.measure?.type === 'boolean';
}

/** What the last check-in recorded, in words: a value, milestones done, or done / not done. */
function lastText(goal: DueGoal, unit: string | undefined): string {
  if (Array.isArray(goal.lastDone)) return `${goal.lastDone.length} of ${milestoneNames(goal).length} done`;
  if (typeof goal.lastDone === 'boolean') return goal.lastDone ? 'done' : 'not done';
  return isChecklist(goal) ? formatScore(goal.lastValue) : formatValue(goal.lastValue, unit);
}

export function initialRow(goal: DueGoal): RowState {
  return {
    value: goal.lastValue === null ? '' : String(goal.lastValue),
    done: Array.isArray(goal.lastDone) ? goal.lastDone : [],
    isDone: goal.lastDone === true,
    confidence: goal.lastConfidence,
    note: '',
  };
}

/** Whether the person changed nothing in a row since it was filled in. */
export function isUntouched(goal: DueGoal, row: RowState): boolean {
  const start = initialRow(goal);
  return (
    row.value.trim() === start.value &&
    row.isDone === start.isDone &&
    row.confidence === start.confidence &&
    !row.note.trim() &&
    row.done.length === start.done.length &&
    row.done.every((d) => start.done.includes(d))
  );
}

/** The batch item for a row, or undefined when the row is left empty (skipped). */
export function toInput(goal: DueGoal, row: RowState): CheckInInput | undefined {
  const base: CheckInInput = { goalType: goal.goalType, goalId: goal.goalId };
  if (row.confidence !== null) base.confidence = row.confidence;
  if (row.note.trim()) base.note = row.note.trim();
  if (goal.measure?.type === 'milestones') return { ...base, done: row.done };
  if (goal.measure?.type === 'boolean') return { ...base, done: row.isDone };
  const text = row.value.trim().replace(',', '.');
  if (!text) return undefined;
  return { ...base, value: Number(text) };
}

const INPUT =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600';

/** One goal's check-in: its value (or checkboxes), a 0-10 confidence and a note. */
export function CheckInRow(props: {
  goal: DueGoal;
  row: RowState;
  error: string | undefined;
  isDisabled: boolean;
  onChange: (row: RowState) => void;
}) {
  const { goal, row } = props;
  const id = useId();
  const set = (patch: Partial<RowState>) => props.onChange({ ...row, ...patch });
  const unit = goal.measure && 'unit' in goal.measure ? goal.measure.unit : undefined;
  const number = Number(row.value.replace(',', '.'));
  const preview =
    goal.measure &&
    row.value.trim() &&
    Number.isFinite(number) &&
    (goal.measure.type === 'increase' || goal.measure.type === 'decrease')
      ? rawProgress(goal.measure, number)
      : undefined;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`rounded-lg border bg-white p-3 ${props.error ? 'border-red-400' : 'border-slate-200'}`}
      disabled={props.isDisabled}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className="sr-only">
        {goal.title}
        {goal.isDone ? ' (done this period)' : ''}
      </legend>
      <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto_minmax(0,1.5fr)] md:items-start">
        <div aria-hidden="true" className="min-w-0">
          <p className="font-medium text-slate-900">
            {goal.title}
            {goal.isDone ? (
              <span className="ml-2 whitespace-nowrap rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-xs font-normal text-emerald-900">
                ✓ done this period
              </span>
            ) : null}
          </p>
          <p className="text-xs text-slate-600">
            {goal.context ? `${goal.context} · ` : ''}last {lastText(goal, unit)},{' '}
            {formatAgo(goal.latestCheckinAt)}
          </p>
          {goal.lastNote ? <p className="truncate text-xs text-slate-600 italic">“{goal.lastNote}”</p> : null}
        </div>
        {goal.measure?.type === 'milestones' ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs font-medium text-slate-700">Milestones done</legend>
            {milestoneNames(goal).map((name, i) => (
              <label key={name} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  {...(i === 0 ? { 'data-first': true } : {})}
                  checked={row.done.includes(name)}
                  onChange={(e) =>
                    set({ done: e.target.checked ? [...row.done, name] : row.done.filter((d) => d !== name) })
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
        ) : goal.measure?.type === 'boolean' ? (
          <label className="flex items-center gap-2 self-center text-sm">
            <input
              type="checkbox"
              data-first
              checked={row.isDone}
              onChange={(e) => set({ isDone: e.target.checked })}
            />
            Done
          </label>
        ) : (
          <div>
            <label htmlFor={`${id}-value`} className="text-xs font-medium text-slate-700">
              New value<span className="sr-only"> for {goal.title}</span>
              {unit ? ` (${unit})` : ''}
            </label>
            <input
              id={`${id}-value`}
              data-first
              className={INPUT}
              inputMode="decimal"
              autoComplete="off"
              value={row.value}
              aria-invalid={props.error ? true : undefined}
              aria-describedby={props.error ? errorId : `${id}-preview`}
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => set({ value: e.target.value })}
            />
            <p id={`${id}-preview`} className="mt-0.5 text-xs text-slate-600">
              {preview === undefined ? 'Leave empty to skip' : `Progress ${formatScore(preview)}`}
            </p>
          </div>
        )}
        <ConfidenceControl
          label={
            <>
              Confidence<span className="sr-only"> for {goal.title}</span>
            </>
          }
          value={row.confidence}
          isDisabled={props.isDisabled}
          onChange={(confidence) => set({ confidence })}
        />
        <div>
          <label htmlFor={`${id}-note`} className="text-xs font-medium text-slate-700">
            Note<span className="sr-only"> for {goal.title}</span>
          </label>
          <input
            id={`${id}-note`}
            className={INPUT}
            value={row.note}
            placeholder={goal.lastNote ? `Last: ${goal.lastNote}` : 'What changed? (optional)'}
            onChange={(e) => set({ note: e.target.value })}
          />
        </div>
      </div>
      {props.error ? (
        <p id={errorId} className="mt-2 text-sm text-red-700" role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
