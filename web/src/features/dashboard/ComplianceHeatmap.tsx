import { Link } from '@tanstack/react-router';
import type { Schema } from '../../api/client';
import { formatScore } from '../../lib/format';

type Compliance = Schema<'ComplianceHeatmap'>;

const week = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Oct 1" for a week's first day (YYYY-MM-DD, a calendar date: read as UTC so it never shifts). */
export function weekLabel(date: string): string {
  return week.format(new Date(`${date}T00:00:00Z`));
}

/** The band of a compliance rate: the cell's colour, always shown with its number. */
export function complianceBand(rate: number | null): { tone: string; word: string } {
  if (rate === null) return { tone: 'bg-slate-50 text-slate-500', word: 'nothing due' };
  if (rate >= 0.9) return { tone: 'bg-emerald-700 text-white', word: 'good' };
  if (rate >= 0.7) return { tone: 'bg-emerald-100 text-emerald-950', word: 'fair' };
  if (rate >= 0.4) return { tone: 'bg-amber-100 text-amber-950', word: 'low' };
  return { tone: 'bg-red-100 text-red-950', word: 'very low' };
}

const LEGEND = [0.95, 0.8, 0.5, 0.1, null] as const;

/**
 * Check-in compliance (SPEC 3.9) as a units-by-weeks table: each cell is the share of due
 * check-ins done, in colour and as a number, and links to that unit's filtered dashboard.
 */
export function ComplianceHeatmap({ compliance, cycleId }: { compliance: Compliance; cycleId: string }) {
  if (compliance.units.length === 0 || compliance.weeks.length === 0) return null;
  return (
    <section aria-labelledby="compliance-heading" className="mt-6">
      <h2 id="compliance-heading" className="mb-1 text-lg font-semibold">
        Check-in compliance
      </h2>
      <p className="mb-2 text-sm text-slate-600">
        Share of due check-ins done, by unit and week. A cell opens that unit's goals.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="border-collapse text-xs">
          <caption className="sr-only">
            Check-in compliance by unit (rows) and week (columns), as done out of due
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left font-medium">
                Unit
              </th>
              {compliance.weeks.map((w) => (
                <th key={w} scope="col" className="whitespace-nowrap px-1 py-1 font-medium text-slate-600">
                  {weekLabel(w)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compliance.units.map((unit) => (
              <tr key={unit.unitId} className="border-t border-slate-100">
                <th
                  scope="row"
                  className="sticky left-0 max-w-40 truncate bg-white px-2 py-1 text-left font-medium"
                >
                  <Link
                    to="/"
                    search={{ cycle: cycleId, unit: unit.unitId }}
                    className="text-brand-700 hover:underline"
                  >
                    {unit.name}
                  </Link>
                </th>
                {unit.cells.map((cell, i) => {
                  const band = complianceBand(cell.rate);
                  const weekName = weekLabel(compliance.weeks[i] ?? '');
                  return (
                    <td key={compliance.weeks[i] ?? i} className="p-0.5">
                      <Link
                        to="/"
                        search={{ cycle: cycleId, unit: unit.unitId }}
                        aria-label={`${unit.name}, week of ${weekName}: ${
                          cell.rate === null ? 'nothing due' : `${cell.done} of ${cell.due} checked in`
                        }`}
                        title={`${cell.done} of ${cell.due} checked in`}
                        className={`block min-w-10 rounded px-1 py-1 text-center tabular-nums ${band.tone}`}
                      >
                        {cell.rate === null ? '–' : formatScore(cell.rate)}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label="Legend">
        {LEGEND.map((rate) => {
          const band = complianceBand(rate);
          return (
            <li key={String(rate)} className={`rounded px-2 py-0.5 ${band.tone}`}>
              {rate === null ? '– nothing due' : `${band.word} (${bandRange(rate)})`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function bandRange(rate: number): string {
  if (rate >= 0.9) return '90 % or more';
  if (rate >= 0.7) return '70-89 %';
  if (rate >= 0.4) return '40-69 %';
  return 'under 40 %';
}
