import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { ShownOnce } from '../../components/ShownOnce';
import { formatDate } from '../../lib/format';
import { CHANNEL_LABEL, type ChannelId, preferencesQuery } from './notifications.queries';

/** `YYYY-MM-DD` of an instant in the browser's time zone (a date input's value). */
const dateInput = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A person's own notification settings (SPEC 6): pause reminders and digests until a date, pick
 * the channels to be reached on (of those the workspace uses), and a secret calendar feed to
 * subscribe to (its URL is shown once; creating it again replaces it; revoking stops it).
 */
export function MyNotificationsPage() {
  const preferences = useQuery(preferencesQuery);
  const queryClient = useQueryClient();
  const [until, setUntil] = useState('');
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const run = async (call: () => Promise<unknown>, done?: string) => {
    setPending(true);
    setFailure(undefined);
    setNotice(null);
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: preferencesQuery.queryKey });
      if (done) setNotice(done);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };
  const patch = (body: { channels?: ChannelId[] | null; pausedUntil?: number | null }) =>
    unwrap(api.PATCH('/api/v1/people/me/notifications', { body }));
  const data = preferences.data;
  const now = Date.now();
  const isPaused = data?.pausedUntil != null && data.pausedUntil > now;
  const chosen = new Set<ChannelId>(data ? (data.channels ?? data.available) : []);
  const today = dateInput(now);

  return (
    <Page title="My notifications">
      {failure ? <ErrorNotice error={failure} /> : null}
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950"
        >
          {notice}
        </p>
      ) : null}
      {preferences.isError ? (
        <ErrorNotice error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : null}

      <section
        aria-labelledby="pause-heading"
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="pause-heading" className="mb-1 font-semibold">
          Reminders and digests
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          {isPaused
            ? `Paused until ${formatDate(data!.pausedUntil!)}: nothing is sent to you before then.`
            : 'On: you get one reminder on check-in day when goals are due, and nothing once you have checked in.'}
        </p>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!until) return;
            const [y, m, d] = until.split('-').map(Number) as [number, number, number];
            const at = new Date(y, m - 1, d).getTime();
            void run(() => patch({ pausedUntil: at }), `Paused until ${formatDate(at)}.`);
          }}
        >
          <fieldset disabled={pending} className="min-w-48">
            <TextField
              label="Away until"
              type="date"
              min={today}
              hint="Reminders start again on this day."
              required
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
          </fieldset>
          <div className="mb-4 flex gap-2">
            <Button type="submit" disabled={pending || !until}>
              Pause reminders
            </Button>
            {isPaused ? (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => void run(() => patch({ pausedUntil: null }), 'Reminders are on again.')}
              >
                Resume now
              </Button>
            ) : null}
          </div>
        </form>
      </section>

      <section
        aria-labelledby="channels-heading"
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="channels-heading" className="mb-1 font-semibold">
          Channels
        </h2>
        {data && data.available.length === 0 ? (
          <p className="text-sm text-slate-700">
            Your workspace sends no notifications yet: an admin sets up email, Slack or Teams.
          </p>
        ) : (
          <fieldset disabled={pending}>
            <legend className="mb-2 text-sm text-slate-700">
              Where you are reached (of the channels your workspace uses).
            </legend>
            <div className="flex flex-wrap gap-4">
              {(data?.available ?? []).map((channel) => (
                <label key={channel} className="flex min-h-10 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={chosen.has(channel)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(channel);
                      else next.delete(channel);
                      const list = data!.available.filter((c) => next.has(c));
                      void run(
                        () => patch({ channels: list.length === data!.available.length ? null : list }),
                        `${CHANNEL_LABEL[channel]} ${e.target.checked ? 'on' : 'off'}.`,
                      );
                    }}
                  />
                  {CHANNEL_LABEL[channel]}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </section>

      <section aria-labelledby="calendar-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="calendar-heading" className="mb-1 font-semibold">
          Calendar feed
        </h2>
        <p className="mb-3 text-sm text-slate-700">
          Your SMART goals’ due dates, your weekly check-in and the ends of cycles, in any calendar app that
          subscribes to an address. The address is a secret, shown once; making a new one stops the old.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            disabled={pending}
            onClick={() =>
              void run(async () => {
                const created = await unwrap(api.POST('/api/v1/people/me/calendar-feed'));
                setFeedUrl(created.url);
              })
            }
          >
            {feedUrl ? 'Make a new address' : 'Create calendar feed'}
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              void run(async () => {
                await unwrap(api.DELETE('/api/v1/people/me/calendar-feed'));
                setFeedUrl(null);
              }, 'Calendar feed revoked: its address no longer works.')
            }
          >
            Revoke calendar feed
          </Button>
        </div>
        {feedUrl ? (
          <ShownOnce
            key={feedUrl}
            title="Your feed’s address, shown this once: subscribe to it now."
            value={feedUrl}
            copyLabel="Copy address"
            testId="calendar-url"
          />
        ) : null}
      </section>
    </Page>
  );
}
