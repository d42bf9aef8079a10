import type { Status } from '../../../core/status';
import { STATUS_LABEL } from '../lib/status';

const TONE: Record<Status, string> = {
  not_started: 'bg-slate-100 text-slate-800 border-slate-300',
  on_track: 'bg-emerald-50 text-emerald-900 border-emerald-300',
  at_risk: 'bg-amber-50 text-amber-900 border-amber-300',
  off_track: 'bg-red-50 text-red-900 border-red-300',
  stale: 'bg-zinc-100 text-zinc-800 border-zinc-400 border-dashed',
  achieved: 'bg-sky-50 text-sky-900 border-sky-300',
  overdue: 'bg-red-50 text-red-900 border-red-300',
  missed: 'bg-slate-100 text-slate-800 border-slate-300',
  dropped: 'bg-slate-100 text-slate-700 border-slate-300',
};

const ICON: Record<Status, string> = {
  not_started: '○',
  on_track: '●',
  at_risk: '▲',
  off_track: '■',
  stale: '◌',
  achieved: '✓',
  overdue: '!',
  missed: '✕',
  dropped: '–',
};

/** A status as colour, a shape and its text label (never colour alone). */
export function StatusBadge({ status }: { status: Status | null | undefined }) {
  const s = status ?? 'not_started';
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONE[s]}`}
    >
      <span aria-hidden="true">{ICON[s]}</span>
      {STATUS_LABEL[s]}
    </span>
  );
}
