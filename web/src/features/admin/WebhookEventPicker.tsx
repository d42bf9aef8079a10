import {
  actionText,
  entityNoun,
  normaliseEventFilter,
  WEBHOOK_EVENT_CATALOGUE,
} from '../../../../core/webhook-events';

/**
 * Which events a webhook receives, chosen from the catalogue (core/webhook-events): every event,
 * or per kind of thing all its events or some of them. The value is the API's filter, kept in
 * its shortest form.
 */
export function WebhookEventPicker({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange: (events: string[]) => void;
}) {
  const set = new Set(normaliseEventFilter(value));
  const isAll = set.has('*');
  const set_ = (next: Set<string>) => onChange(normaliseEventFilter([...next]));
  return (
    <fieldset className="mb-4">
      <legend className="mb-1 text-sm font-medium text-slate-800">Events</legend>
      <label className="mb-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={isAll} onChange={(e) => onChange(e.target.checked ? ['*'] : [])} />
        Every event (including kinds added later)
      </label>
      {isAll ? null : (
        <div className="grid gap-3 sm:grid-cols-2">
          {WEBHOOK_EVENT_CATALOGUE.map((group) => {
            const wildcard = `${group.entity}.*`;
            const isGroup = set.has(wildcard);
            return (
              <fieldset key={group.entity} className="rounded-md border border-slate-200 p-2">
                <legend className="px-1 text-xs font-semibold text-slate-700">{group.label}</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={isGroup}
                    onChange={(e) => {
                      const next = new Set([...set].filter((p) => !p.startsWith(`${group.entity}.`)));
                      if (e.target.checked) next.add(wildcard);
                      set_(next);
                    }}
                  />
                  All {entityNoun(group.label)} events
                </label>
                {isGroup ? null : (
                  <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 pl-5">
                    {group.actions.map((action) => {
                      const type = `${group.entity}.${action}`;
                      return (
                        <label key={type} className="flex items-center gap-1 text-xs">
                          <input
                            type="checkbox"
                            aria-label={`${group.label}: ${actionText(action)}`}
                            checked={set.has(type)}
                            onChange={(e) => {
                              const next = new Set(set);
                              if (e.target.checked) next.add(type);
                              else next.delete(type);
                              set_(next);
                            }}
                          />
                          {actionText(action)}
                        </label>
                      );
                    })}
                  </div>
                )}
              </fieldset>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
