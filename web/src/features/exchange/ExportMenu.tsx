/** The formats an export downloads in, as the API names them, with words for people. */
const FORMATS = [
  { format: 'yaml', label: 'Goals file (YAML)' },
  { format: 'csv', label: 'Spreadsheet (CSV)' },
  { format: 'xlsx', label: 'Workbook (XLSX)' },
  { format: 'md', label: 'Document (Markdown)' },
] as const;

/** Where one format of an export downloads from: a cycle (or a unit's part of it), or every cycle. */
export function exportHref(
  format: string,
  scope: { cycleId: string; unitId?: string | undefined } | { all: true; unitId?: string | undefined },
): string {
  const query = new URLSearchParams({ format });
  if (scope.unitId) query.set('unit', scope.unitId);
  return 'all' in scope
    ? `/api/v1/export?${query}`
    : `/api/v1/cycles/${encodeURIComponent(scope.cycleId)}/export?${query}`;
}

/**
 * "Download": the cycle shown (and the unit, when one is) in every export format, and every cycle
 * at once, as plain links the browser downloads with the session's cookie (what the viewer may
 * see, as the API answers it).
 */
export function ExportMenu({
  cycleId,
  cycleName,
  unitId,
  unitName,
}: {
  cycleId: string;
  cycleName: string;
  unitId?: string | undefined;
  unitName?: string | undefined;
}) {
  const scope = unitName ? `${cycleName}, ${unitName}` : cycleName;
  return (
    <details className="no-print relative self-end">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        Download
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <nav aria-label="Download goals">
          <p className="px-2 pb-1 text-xs font-semibold text-slate-600">{scope}</p>
          <ul>
            {FORMATS.map(({ format, label }) => (
              <li key={format}>
                <a
                  className="block rounded px-2 py-1 text-sm text-blue-800 hover:bg-slate-100"
                  href={exportHref(format, { cycleId, unitId })}
                  download
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-2 border-t border-slate-200 px-2 pt-2 pb-1 text-xs font-semibold text-slate-600">
            Every cycle{unitName ? `, ${unitName}` : ''}
          </p>
          <ul>
            {FORMATS.filter((f) => f.format !== 'md').map(({ format, label }) => (
              <li key={format}>
                <a
                  className="block rounded px-2 py-1 text-sm text-blue-800 hover:bg-slate-100"
                  href={exportHref(format, { all: true, unitId })}
                  download
                >
                  {label}, every cycle
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </details>
  );
}
