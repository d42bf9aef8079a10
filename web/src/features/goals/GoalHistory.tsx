import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatAgo, formatDate } from '../../lib/format';
import { directoryQuery } from '../dashboard/dashboard.queries';
import { changedFields, describeEvent, showValue } from './history';

const SOURCE: Record<string, string> = {
  web: 'in the web app',
  api: 'through the API',
  cli: 'from the command line',
  import: 'by an import',
  email: 'by email',
  integration: 'from an integration',
  system: 'automatically',
};

/** Who changed what and when (`GET /events`), newest first, with the fields before and after. */
export function GoalHistory(props: { goalType: 'objective' | 'key_result' | 'smart_goal'; goalId: string }) {
  const events = useQuery({
    queryKey: [props.goalType, props.goalId, 'events'],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/events', {
            params: { query: { goalType: props.goalType, goalId: props.goalId, limit: 500 } },
          }),
        )
      ).items,
  });
  const directory = useQuery(directoryQuery);
  const names = new Map<string, string>([
    ...(directory.data?.people.map((p) => [p.id, p.name] as const) ?? []),
    ...(directory.data?.units.map((u) => [u.id, u.name] as const) ?? []),
  ]);
  const shown = [...(events.data ?? [])].reverse().filter((e) => e.action !== 'checked_in');
  return (
    <section aria-labelledby="changes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="changes-heading" className="mb-3 font-semibold">
        Who changed what
      </h2>
      {events.isError ? <ErrorNotice error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.isSuccess && shown.length === 0 ? (
        <p className="text-sm text-slate-600">No change yet.</p>
      ) : null}
      <ol className="flex flex-col divide-y divide-slate-100 text-sm">
        {shown.map((event) => {
          const who =
            event.actorType === 'system'
              ? 'Tandem'
              : event.actorId
                ? (names.get(event.actorId) ?? 'Someone')
                : 'An API token';
          const changes = changedFields(event);
          return (
            <li key={event.id} className="py-2">
              <p>
                <span className="font-medium">{who}</span> {describeEvent(event)}{' '}
                <span className="text-slate-600">
                  {SOURCE[event.source] ?? ''} ·{' '}
                  <time dateTime={new Date(event.at).toISOString()} title={formatDate(event.at)}>
                    {formatAgo(event.at)}
                  </time>
                </span>
              </p>
              {changes.length > 0 ? (
                <ul className="mt-1 text-xs text-slate-700">
                  {changes.map((c) => (
                    <li key={c.field}>
                      {c.label}: <del className="text-slate-500">{showValue(c.before, names)}</del> →{' '}
                      <ins className="no-underline">{showValue(c.after, names)}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
              {event.isEditedAfterClose ? (
                <p className="mt-1 text-xs text-amber-800">Changed after the cycle closed.</p>
              ) : null}
              {event.hiddenGoals > 0 ? (
                <p className="mt-1 text-xs text-slate-600">
                  {event.hiddenGoals} {event.hiddenGoals === 1 ? 'goal' : 'goals'} you may not see
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
