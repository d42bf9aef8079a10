import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, type Schema, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { workspaceQuery } from '../authoring/authoring.queries';
import { AdminNav } from './AdminGate';
import { CoachRulesTable, type Severities } from './CoachRulesTable';

type Settings = Schema<'Workspace'>['settings'];

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(Date.UTC(2026, i, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }),
}));
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map(
  (label, i) => ({ value: String(i), label }),
);
const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00`,
}));
const CADENCES = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Monthly' },
];
const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'slack', label: 'Slack' },
  { value: 'teams', label: 'Microsoft Teams' },
  { value: 'webhook', label: 'Outgoing webhooks' },
] as const;

/** Workspace settings (SPEC 2), each with what it changes; coach severities per rule (SPEC 4). Admins only. */
export function SettingsPage() {
  const workspace = useQuery(workspaceQuery);
  return (
    <Page title="Workspace settings">
      <AdminNav />
      {workspace.isError ? (
        <ErrorNotice error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : null}
      {workspace.data ? (
        <SettingsForm key={workspace.data.id} workspace={workspace.data} />
      ) : workspace.isPending ? (
        <p>Loading…</p>
      ) : null}
    </Page>
  );
}

function SettingsForm({ workspace }: { workspace: Schema<'Workspace'> }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [s, setS] = useState<Settings>(workspace.settings);
  const [severities, setSeverities] = useState<Severities>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState('');
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set(['UTC', s.timeZone, ...all])].map((z) => ({ value: z, label: z }));
  }, [s.timeZone]);
  const set = (patch: Partial<Settings>) => setS((current) => ({ ...current, ...patch }));
  const setThreshold = (key: keyof Settings['thresholds'], text: string) =>
    setS((current) => ({ ...current, thresholds: { ...current.thresholds, [key]: Number(text) } }));
  const issue = (path: string) =>
    failure instanceof ApiError ? failure.issues.find((i) => i.path === path)?.message : undefined;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setFailure(undefined);
    setSaved('');
    try {
      const { coachSeverities: _stored, ...plain } = s;
      await unwrap(
        api.PATCH('/api/v1/workspace/settings', {
          body: {
            version: workspace.version,
            name: name.trim(),
            // Severities change rule by rule (null: back to the rule's default); the rest as shown.
            settings: { ...plain, coachSeverities: severities } as Schema<'UpdateSettingsInput'>['settings'],
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: workspaceQuery.queryKey });
      setSeverities({});
      setSaved('Settings saved.');
    } catch (caught) {
      setFailure(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={save} className="flex flex-col gap-4">
      {failure ? <ErrorNotice error={failure} /> : null}
      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Workspace and calendar</legend>
        <TextField
          label="Workspace name"
          hint="Shown in the header, in reminders and in exports."
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={issue('name')}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label="Fiscal year starts in"
            options={MONTHS}
            value={String(s.fiscalYearStartMonth)}
            onChange={(e) => set({ fiscalYearStartMonth: Number(e.target.value) })}
            aria-describedby="help-fiscal"
          />
          <SelectField
            label="Time zone"
            options={zones}
            value={s.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            aria-describedby="help-zone"
          />
        </div>
        <ul className="-mt-2 mb-4 list-disc pl-5 text-xs text-slate-600">
          <li id="help-fiscal">
            Quarters start on this month: with January they are named 2026-Q4, otherwise FY2027-Q1 (the fiscal
            year is named by the year it ends in). Applies to cycles created from now on.
          </li>
          <li id="help-zone">
            Days, due dates, cycle windows and the weeks of the heatmap are counted in this zone.
          </li>
        </ul>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            label="Weeks start on"
            options={WEEKDAYS}
            value={String(s.weekStart)}
            onChange={(e) => set({ weekStart: Number(e.target.value) })}
          />
          <SelectField
            label="Default check-in cadence"
            options={CADENCES}
            value={s.defaultCadence}
            onChange={(e) => set({ defaultCadence: e.target.value as Settings['defaultCadence'] })}
          />
          <SelectField
            label="Reminder day"
            options={WEEKDAYS}
            value={String(s.checkinDay)}
            onChange={(e) => set({ checkinDay: Number(e.target.value) })}
          />
          <SelectField
            label="Reminder hour"
            options={HOURS}
            value={String(s.checkinHour)}
            onChange={(e) => set({ checkinHour: Number(e.target.value) })}
          />
        </div>
        <ul className="-mt-2 list-disc pl-5 text-xs text-slate-600">
          <li>Weeks start on: the first day of a week in weekly views and the check-in heatmap.</li>
          <li>
            Cadence: how often a goal without its own cadence is due a check-in; maintain-type KRs count met
            periods of this length.
          </li>
          <li>
            Reminder day and hour: when owners with due goals are reminded, in each person's own time zone.
          </li>
        </ul>
      </fieldset>

      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Status thresholds</legend>
        <p className="mb-3 text-xs text-slate-600">
          A goal's status compares its progress with what its plan expects by now (progress ÷ expected).
        </p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            label="On track at or above"
            inputMode="decimal"
            hint="Default 0.9: at 90 % of the expected progress or more, a goal is on track."
            value={String(s.thresholds.onTrack)}
            onChange={(e) => setThreshold('onTrack', e.target.value)}
            error={issue('settings.thresholds.onTrack')}
          />
          <TextField
            label="At risk at or above"
            inputMode="decimal"
            hint="Default 0.6: from here up to on track it is at risk; below, off track."
            value={String(s.thresholds.atRisk)}
            onChange={(e) => setThreshold('atRisk', e.target.value)}
            error={issue('settings.thresholds.atRisk')}
          />
          <TextField
            label="Stale after (check-in periods)"
            inputMode="decimal"
            hint="Default 2: a goal silent for longer is stale, whatever its numbers say."
            value={String(s.thresholds.staleFactor)}
            onChange={(e) => setThreshold('staleFactor', e.target.value)}
            error={issue('settings.thresholds.staleFactor')}
          />
          <TextField
            label="Too early to tell below (share)"
            inputMode="decimal"
            hint="Default 0.1: while the plan expects less than this share, the status stays “not started”."
            value={String(s.thresholds.tooEarlyShare)}
            onChange={(e) => setThreshold('tooEarlyShare', e.target.value)}
            error={issue('settings.thresholds.tooEarlyShare')}
          />
        </div>
      </fieldset>

      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Notifications</legend>
        <p className="mb-2 text-xs text-slate-600">Where reminders, escalations and digests may be sent.</p>
        <div className="flex flex-wrap gap-4">
          {CHANNELS.map((c) => (
            <label key={c.value} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={s.notificationChannels.includes(c.value)}
                onChange={(e) =>
                  set({
                    notificationChannels: e.target.checked
                      ? [...s.notificationChannels, c.value]
                      : s.notificationChannels.filter((x) => x !== c.value),
                  })
                }
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset disabled={pending} className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Coach</legend>
        <label className="mb-3 flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={s.coachBlocksPublishing === true}
            onChange={(e) => set({ coachBlocksPublishing: e.target.checked })}
          />
          <span>
            Errors block publishing
            <span className="block text-xs text-slate-600">
              When on, an objective or SMART goal with an error finding can be saved as a draft but not
              published in the web app. Warnings and infos never block.
            </span>
          </span>
        </label>
        <CoachRulesTable
          stored={workspace.settings.coachSeverities}
          changes={severities}
          onChange={(rule, value) => setSeverities((current) => ({ ...current, [rule]: value }))}
        />
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-800">
          {saved}
        </p>
      </div>
    </form>
  );
}
