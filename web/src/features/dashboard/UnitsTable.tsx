import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatScore } from '../../lib/format';
import type { Dashboard } from './dashboard.queries';

/** Each unit's objectives, mean score and troubled counts; the name opens the unit's dashboard. */
export function UnitsTable({
  units: all,
  unitNames,
  topLevel,
}: {
  units: Dashboard['units'];
  unitNames: Map<string, string>;
  /** The units shown until "show all" (the top of the organisation); all when absent. */
  topLevel?: ReadonlySet<string>;
}) {
  const [isAll, setAll] = useState(false);
  const top = topLevel ? all.filter((u) => topLevel.has(u.unitId)) : all;
  const units = isAll || top.length === 0 ? all : top;
  if (all.length === 0) return null;
  return (
    <section aria-labelledby="units-heading" className="mt-6">
      <h2 id="units-heading" className="mb-3 text-lg font-semibold">
        Units
      </h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                Unit
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Objectives
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Mean score
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                At risk or off track
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                Stale
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.unitId} className="border-t border-slate-100">
                <td className="px-3 py-2">
                  <Link
                    to="/"
                    search={(prev) => ({ ...prev, unit: u.unitId })}
                    className="text-brand-700 hover:underline"
                  >
                    {unitNames.get(u.unitId) ?? u.unitId}
                  </Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{u.objectives}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatScore(u.meanScore)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {(u.statusCounts.at_risk ?? 0) + (u.statusCounts.off_track ?? 0)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{u.statusCounts.stale ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {units.length < all.length ? (
        <button type="button" className="mt-2 text-sm text-brand-700 underline" onClick={() => setAll(true)}>
          Show all {all.length} units
        </button>
      ) : null}
    </section>
  );
}
