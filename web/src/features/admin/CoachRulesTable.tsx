import { describeRules } from '../../../../core/coach';

export type SeverityChoice = 'error' | 'warning' | 'info' | 'off';
/** Changes to send: a severity per rule, or null to go back to the rule's default. */
export type Severities = Record<string, SeverityChoice | null>;

const RULES = describeRules();

/**
 * Every coach rule (core/coach's own list) with its default severity, what fires it, and the
 * workspace's choice: the default, a stronger or milder severity, or off.
 */
export function CoachRulesTable(props: {
  stored: Record<string, SeverityChoice | null | undefined>;
  changes: Severities;
  onChange: (rule: string, value: SeverityChoice | null) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="mb-2 text-left text-xs text-slate-600">
          Severities per rule: an error can block publishing (above), a warning or info only advises; off
          hides the rule everywhere (the web, <code>tandem lint</code> with these settings, the server).
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">
              Rule
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Fires when
            </th>
            <th scope="col" className="py-1 font-medium">
              Severity
            </th>
          </tr>
        </thead>
        <tbody>
          {RULES.map((rule) => {
            const current =
              rule.id in props.changes ? props.changes[rule.id] : (props.stored[rule.id] ?? null);
            return (
              <tr key={rule.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-2 font-mono text-xs font-normal">
                  {rule.id}
                </th>
                <td className="py-1.5 pr-2 text-xs text-slate-700">{rule.summary}</td>
                <td className="py-1.5">
                  <select
                    aria-label={`Severity of ${rule.id}`}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                    value={current ?? ''}
                    onChange={(e) =>
                      props.onChange(rule.id, (e.target.value || null) as SeverityChoice | null)
                    }
                  >
                    <option value="">Default ({rule.severity})</option>
                    <option value="error">Error</option>
                    <option value="warning">Warning</option>
                    <option value="info">Info</option>
                    <option value="off">Off</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
