import { STATUS_LABEL, STATUSES } from '../lib/status';

/** The look of a filter's control (a select or a search box) in a filter bar. */
export const FILTER_CONTROL = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** The status filter of a filter bar: "Any status" or one status, by its label. */
export function StatusFilter({ value, onChange }: { value: string; onChange: (status: string) => void }) {
  return (
    <label className="flex flex-col text-xs font-medium text-slate-700">
      Status
      <select className={FILTER_CONTROL} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any status</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
    </label>
  );
}
