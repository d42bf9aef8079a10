import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { ApiError } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Page } from '../../components/Page';
import { directoryQuery } from '../dashboard/dashboard.queries';
import {
  type Calibration,
  type CalibrationSearch,
  CYCLE_CHOICES,
  calibrationFigures,
  childUnits,
  DEFAULT_CYCLES,
} from './calibration';
import { calibrationQuery } from './calibration.queries';

const CARD = 'rounded-lg border border-slate-200 bg-white p-4';
const isRefused = (error: unknown) =>
  error instanceof ApiError && (error.status === 403 || error.status === 404);

function Figures({ calibration }: { calibration: Calibration }) {
  const f = calibrationFigures(calibration);
  return (
    <>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium">Ambition index</dt>
          <dd>{f.ambition}</dd>
        </div>
        <div>
          <dt className="font-medium">Commitment reliability</dt>
          <dd>{f.commitment}</dd>
        </div>
        <div>
          <dt className="font-medium">Confidence (Brier score)</dt>
          <dd>{f.confidence}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        {calibration.cycles.length === 0
          ? 'No closed cycle yet.'
          : `Over ${calibration.cycles.map((c) => c.name).join(', ')}.`}
        {calibration.hiddenSummary ? ` Left out: ${calibration.hiddenSummary} you may not see.` : ''}
      </p>
    </>
  );
}

/**
 * Calibration (SPEC 3.8): per unit, the ambition index with its band, commitment reliability and
 * the Brier score of confidence over the last N closed cycles; and one's own, privately (SPEC 8:
 * oneself, one's manager and unit leads, admins). Units are listed by name, and people never
 * side by side: calibration is for learning to set goals, not a ranking of people.
 */
export function CalibrationPage() {
  const { me } = useRouteContext({ from: '/_app' });
  const search = useSearch({ strict: false }) as CalibrationSearch;
  const navigate = useNavigate();
  const directory = useQuery(directoryQuery);
  const cycles = search.cycles ?? DEFAULT_CYCLES;
  const units = directory.data?.units ?? [];
  const unitId = search.unit ?? me.units[0]?.id ?? childUnits(units, null)[0]?.id ?? '';
  const go = (patch: CalibrationSearch) =>
    void navigate({
      to: '/calibration',
      search: {
        ...(unitId ? { unit: unitId } : {}),
        ...(search.person ? { person: search.person } : {}),
        ...(cycles !== DEFAULT_CYCLES ? { cycles } : {}),
        ...patch,
      },
    });
  const personId = search.person ?? me.person.id;
  const isSelf = personId === me.person.id;
  if (!isSelf) return <PersonCalibration personId={personId} cycles={cycles} />;
  const unitName = units.find((u) => u.id === unitId)?.name ?? 'the unit';
  return (
    <Page title="Calibration">
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        How well goals were set over the last closed cycles: aspirational KRs should land around 0.6 to 0.8
        (the ambition index), committed ones should be met in full (commitment reliability), and confidence
        should match outcomes (the Brier score: 0 is perfect, 0.25 is a coin toss).
      </p>
      {directory.isError ? <ErrorNotice error={directory.error} /> : null}
      <div className="mb-4 flex flex-wrap gap-4">
        <label className="flex items-center gap-2 text-sm">
          Unit
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
            value={unitId}
            onChange={(e) => go({ unit: e.target.value })}
          >
            {[...units]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          Closed cycles
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1"
            value={cycles}
            onChange={(e) => go({ cycles: Number(e.target.value) })}
          >
            {CYCLE_CHOICES.map((n) => (
              <option key={n} value={n}>
                last {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-col gap-4">
        {unitId ? (
          <section aria-labelledby="unit-heading" className={CARD}>
            <h2 id="unit-heading" className="mb-2 text-lg font-semibold">
              {unitName}
            </h2>
            <UnitFigures unitId={unitId} cycles={cycles} />
            <SubUnits parentId={unitId} units={units} cycles={cycles} onOpen={(id) => go({ unit: id })} />
          </section>
        ) : (
          <p className="text-sm">No unit yet.</p>
        )}
        <section aria-labelledby="own-heading" className={CARD}>
          <h2 id="own-heading" className="text-lg font-semibold">
            Your own calibration
          </h2>
          <p className="mb-2 text-xs text-slate-600">
            Private: only you, your manager, the leads of your units and admins can see it.
          </p>
          <OwnFigures personId={me.person.id} cycles={cycles} />
        </section>
      </div>
    </Page>
  );
}

function UnitFigures({ unitId, cycles }: { unitId: string; cycles: number }) {
  const query = useQuery(calibrationQuery({ unit: unitId }, cycles));
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <p className="text-sm">Loading…</p>;
  return <Figures calibration={query.data} />;
}

function OwnFigures({ personId, cycles }: { personId: string; cycles: number }) {
  const query = useQuery(calibrationQuery({ person: personId }, cycles));
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <p className="text-sm">Loading…</p>;
  return <Figures calibration={query.data} />;
}

function SubUnits(props: {
  parentId: string;
  units: readonly { id: string; name: string; parentId: string | null }[];
  cycles: number;
  onOpen: (id: string) => void;
}) {
  const children = childUnits(props.units, props.parentId);
  if (children.length === 0) return null;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="mb-1 text-left font-medium">Units under it, by name</caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs">
            <th scope="col" className="py-1 pr-3">
              Unit
            </th>
            <th scope="col" className="py-1 pr-3">
              Ambition index
            </th>
            <th scope="col" className="py-1 pr-3">
              Commitment reliability
            </th>
            <th scope="col" className="py-1">
              Confidence (Brier)
            </th>
          </tr>
        </thead>
        <tbody>
          {children.map((u) => (
            <SubUnitRow key={u.id} unit={u} cycles={props.cycles} onOpen={props.onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SubUnitRow(props: {
  unit: { id: string; name: string };
  cycles: number;
  onOpen: (id: string) => void;
}) {
  const query = useQuery(calibrationQuery({ unit: props.unit.id }, props.cycles));
  const f = query.data ? calibrationFigures(query.data) : null;
  return (
    <tr className="border-b border-slate-100 align-top">
      <th scope="row" className="py-1 pr-3 font-normal">
        <button
          type="button"
          className="text-brand-700 underline"
          onClick={() => props.onOpen(props.unit.id)}
        >
          {props.unit.name}
        </button>
      </th>
      {query.isError ? (
        <td colSpan={3} className="py-1 text-red-800">
          could not be read
        </td>
      ) : (
        <>
          <td className="py-1 pr-3">{f?.ambition ?? '…'}</td>
          <td className="py-1 pr-3">{f?.commitment ?? '…'}</td>
          <td className="py-1">{f?.confidence ?? '…'}</td>
        </>
      )}
    </tr>
  );
}

/** Someone else's calibration: shown only when the API allows it (their manager, leads, admins). */
function PersonCalibration({ personId, cycles }: { personId: string; cycles: number }) {
  const query = useQuery(calibrationQuery({ person: personId }, cycles));
  const directory = useQuery(directoryQuery);
  if (query.isError && isRefused(query.error))
    return (
      <Page title="Not allowed">
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-medium">A person's calibration is private.</p>
          <p className="mt-1 text-sm">
            Only they, their manager, the leads of their units and admins can see it.
          </p>
          <Link to="/calibration" className="mt-2 inline-block text-sm text-brand-700 underline">
            Back to calibration
          </Link>
        </div>
      </Page>
    );
  const name = directory.data?.people.find((p) => p.id === personId)?.name ?? 'this person';
  return (
    <Page title={`Calibration of ${name}`}>
      <p className="mb-3 text-xs text-slate-600">
        Private: shown to you as their manager, a lead of their unit or an admin. Not for comparing people.
      </p>
      {query.isError ? <ErrorNotice error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <section aria-label={`Calibration of ${name}`} className={CARD}>
          <Figures calibration={query.data} />
        </section>
      ) : query.isError ? null : (
        <p>Loading…</p>
      )}
    </Page>
  );
}
