import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useRouteContext } from '@tanstack/react-router';
import { type DragEvent, useEffect, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { cyclesQuery } from '../dashboard/dashboard.queries';
import {
  ACCEPT,
  groupByAction,
  type ImportFile,
  type ImportProblem,
  type ImportResult,
  placeOf,
  problemsOf,
  readImportFiles,
  type SkippedRow,
  skipLabel,
  TYPE_LABEL,
} from './import';
import { runImport } from './import.queries';

/**
 * Import goals files (YAML), CSV and XLSX: choosing (or dropping) files runs a dry run at once,
 * whose preview lists every problem with its file, row and column, and what would be created,
 * updated or left alone; "Import" applies it (only when there is no problem) in one transaction.
 * Viewers may not import (the API refuses them too).
 */
export function ImportPage() {
  const { me } = useRouteContext({ from: '/_app' });
  if (me.person.role === 'viewer')
    return (
      <Page title="Not allowed">
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-medium">Viewers cannot import goals.</p>
          <p className="mt-1 text-sm">
            You are signed in as a viewer. Ask an admin of {me.workspace.name} to import the file, or to make
            you a member.
          </p>
          <Link to="/" className="mt-2 inline-block text-sm text-brand-700 underline">
            Back to the dashboard
          </Link>
        </div>
      </Page>
    );
  return <ImportScreen isAdmin={me.person.role === 'admin'} />;
}

type Preview =
  | { kind: 'ready'; result: ImportResult }
  /** `skippable`: what an import that skips the bad rows would do, when one can (every problem is a row's). */
  | { kind: 'problems'; problems: ImportProblem[]; skippable?: ImportResult }
  | { kind: 'error'; error: unknown };

function ImportScreen({ isAdmin }: { isAdmin: boolean }) {
  const queryClient = useQueryClient();
  const cycles = useQuery(cyclesQuery);
  const [files, setFiles] = useState<ImportFile[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const [cycle, setCycle] = useState('');
  const [createMissing, setCreateMissing] = useState(false);
  const [isDragging, setDragging] = useState(false);
  const inputId = useId();

  const preview = useMutation({
    mutationFn: async (input: {
      files: ImportFile[];
      cycle: string;
      createMissing: boolean;
    }): Promise<Preview> => {
      try {
        return { kind: 'ready', result: await runImport({ ...input, dryRun: true }) };
      } catch (error) {
        const problems = problemsOf(error);
        if (!problems) return { kind: 'error', error };
        // Could the valid goals go in without the bad rows? A second dry run that skips them says.
        try {
          const skippable = await runImport({ ...input, dryRun: true, skipInvalid: true });
          return { kind: 'problems', problems, skippable };
        } catch {
          return { kind: 'problems', problems };
        }
      }
    },
  });
  const apply = useMutation({
    mutationFn: (options: { skipInvalid: boolean }) =>
      runImport({ files, cycle, createMissing, dryRun: false, skipInvalid: options.skipInvalid }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const runPreview = preview.mutate;
  const resetApply = apply.reset;

  // The dry run runs again whenever the files or the options change.
  useEffect(() => {
    resetApply();
    if (files.length > 0) runPreview({ files, cycle, createMissing });
  }, [files, cycle, createMissing, runPreview, resetApply]);

  const choose = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const read = await readImportFiles(Array.from(list));
    setSkipped(read.skipped);
    setFiles(read.files);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files);
  };

  const current = preview.isPending ? undefined : preview.data;
  const canApply = current?.kind === 'ready' && !apply.isPending && !apply.isSuccess;
  const skippable = current?.kind === 'problems' ? current.skippable : undefined;

  return (
    <Page title="Import goals">
      <p className="mb-4 max-w-3xl text-sm text-slate-700">
        Bring goals in from goals files (YAML), CSV or Excel workbooks. Tandem checks the files first and
        shows every problem and what would change; nothing is written until you press Import, and importing
        the same file twice changes nothing.
      </p>
      <section aria-labelledby={`${inputId}-files`} className="mb-6 grid gap-4 md:grid-cols-[2fr_1fr]">
        <h2 id={`${inputId}-files`} className="sr-only">
          Files and options
        </h2>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is the pointer's shortcut; the file input inside is the keyboard's way */}
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`rounded-lg border-2 border-dashed p-5 ${isDragging ? 'border-brand-600 bg-blue-50' : 'border-slate-300 bg-white'}`}
        >
          <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800">
            Files to import
          </label>
          <p id={`${inputId}-hint`} className="mb-2 text-xs text-slate-600">
            Drop files here or choose them: .yaml, .yml, .csv or .xlsx, several at once if you like.
          </p>
          <input
            id={inputId}
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void choose(e.currentTarget.files)}
            className="block w-full text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
          />
          {files.length > 1 ? (
            <p className="mt-2 text-sm text-slate-700">Chosen: {files.map((f) => f.name).join(', ')}</p>
          ) : null}
          {skipped.length > 0 ? (
            <p className="mt-2 text-sm text-red-700">
              Not imported (not a .yaml, .yml, .csv or .xlsx file): {skipped.join(', ')}
            </p>
          ) : null}
        </div>
        <div>
          <SelectField
            label="Import into cycle"
            value={cycle}
            onChange={(e) => setCycle(e.currentTarget.value)}
            options={[
              { value: '', label: "The files' own cycle (or the active one)" },
              ...(cycles.data ?? []).map((c) => ({ value: c.name, label: c.name })),
            ]}
          />
          {isAdmin ? (
            <label className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="mt-0.5 h-4 w-4"
                checked={createMissing}
                onChange={(e) => setCreateMissing(e.currentTarget.checked)}
              />
              <span>
                Create missing people, units and cycles
                <span className="block text-xs text-slate-600">
                  Otherwise a name Tandem does not know is a problem.
                </span>
              </span>
            </label>
          ) : null}
        </div>
      </section>
      {cycles.isError ? <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} /> : null}

      <div aria-live="polite">
        {preview.isPending ? <p className="text-sm text-slate-700">Checking the files…</p> : null}
        {apply.isSuccess ? <Done result={apply.data} /> : null}
      </div>
      {apply.isError ? (
        <ErrorNotice
          error={apply.error}
          onRetry={() => apply.mutate({ skipInvalid: skippable !== undefined })}
        />
      ) : null}
      {current?.kind === 'error' ? <ErrorNotice error={current.error} /> : null}
      {current?.kind === 'problems' && !apply.isSuccess ? (
        skippable ? (
          <SkippableRows result={skippable} />
        ) : (
          <Problems problems={current.problems} />
        )
      ) : null}
      {current?.kind === 'ready' && !apply.isSuccess ? <PreviewList result={current.result} /> : null}

      {files.length > 0 && !apply.isSuccess ? (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          {skippable ? (
            <Button onClick={() => apply.mutate({ skipInvalid: true })} disabled={apply.isPending}>
              {apply.isPending ? 'Importing…' : skipLabel(skippable)}
            </Button>
          ) : (
            <Button onClick={() => apply.mutate({ skipInvalid: false })} disabled={!canApply}>
              {apply.isPending ? 'Importing…' : 'Import'}
            </Button>
          )}
          {current?.kind === 'problems' ? (
            <span className="text-sm text-slate-700">
              {skippable
                ? 'Or fix the problems in the file and choose it again.'
                : 'Fix the problems in the file and choose it again.'}
            </span>
          ) : null}
        </div>
      ) : null}
      {skippable && !apply.isSuccess ? (
        <PreviewList result={skippable} title="What the import does without them" isSkippedShown={false} />
      ) : null}
    </Page>
  );
}

function Problems({ problems }: { problems: ImportProblem[] }) {
  return (
    <section aria-labelledby="import-problems" className="mb-4">
      <h2 id="import-problems" className="mb-2 text-lg font-semibold text-red-800">
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`}: nothing can be imported yet
      </h2>
      <PlaceTable rows={problems} tone="red" />
    </section>
  );
}

/**
 * The problems of a file whose valid goals could go in without its bad rows: every row that would
 * be left out (a bad objective's KRs and goals aligned to a skipped one too), with the reason.
 */
function SkippableRows({ result }: { result: ImportResult }) {
  const rows = result.summary.skipped;
  return (
    <section aria-labelledby="import-problems" className="mb-4">
      <h2 id="import-problems" className="mb-1 text-lg font-semibold text-red-800">
        {rows === 1 ? '1 row has problems' : `${rows} rows have problems`}
      </h2>
      <p className="mb-2 text-sm text-slate-700">
        Import the valid goals and skip these rows (they are left as they are in Tandem), or fix them in the
        file and choose it again. A skipped objective takes its key results with it.
      </p>
      <PlaceTable rows={result.skipped} tone="red" />
    </section>
  );
}

/** The rows an import left out (or would leave out), each with its file, row, column and reason. */
function Skipped({ rows, done }: { rows: SkippedRow[]; done: boolean }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="import-skipped" className="mb-4">
      <h3 id="import-skipped" className="mb-1 font-semibold text-amber-900">
        {done ? 'Skipped' : 'Would be skipped'} ({rows.length})
      </h3>
      <PlaceTable rows={rows} tone="amber" />
    </section>
  );
}

/** Problems (or skipped rows) with their file, row or line, column and reason. */
function PlaceTable({ rows, tone }: { rows: (ImportProblem & { title?: string })[]; tone: 'red' | 'amber' }) {
  return (
    <div
      className={`overflow-x-auto rounded-lg border bg-white ${tone === 'red' ? 'border-red-200' : 'border-amber-300'}`}
    >
      <table className="w-full text-left text-sm">
        <thead className={tone === 'red' ? 'bg-red-50 text-red-950' : 'bg-amber-50 text-amber-950'}>
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              File
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Row or line
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Column
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p, i) => {
            const place = placeOf(p);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: two problems may share every field
              <tr key={i}>
                <td className="px-3 py-2 break-all">{p.file}</td>
                <td className="px-3 py-2">{place.line}</td>
                <td className="px-3 py-2">{place.column}</td>
                <td className="px-3 py-2">
                  {p.title ? <span className="block font-medium text-slate-900">{p.title}</span> : null}
                  {p.message}
                  {p.path ? <span className="block text-xs text-slate-600">{p.path}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Counts({ result, done }: { result: ImportResult; done: boolean }) {
  const s = result.summary;
  const rows = [
    [done ? 'Created' : 'To create', s.create],
    [done ? 'Updated' : 'To update', s.update],
    ['Left alone', s.unchanged],
    [done ? 'Check-ins added' : 'Check-ins to add', s.checkIns],
    ...(s.skipped > 0 ? ([[done ? 'Rows skipped' : 'Rows to skip', s.skipped]] as const) : []),
  ] as const;
  return (
    <dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
      {rows.map(([label, n]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="text-xl font-semibold text-slate-900">{n}</dd>
        </div>
      ))}
    </dl>
  );
}

function PreviewList({
  result,
  title = 'Preview',
  isSkippedShown = true,
}: {
  result: ImportResult;
  title?: string;
  isSkippedShown?: boolean;
}) {
  return (
    <section aria-labelledby="import-preview" className="mt-6">
      <h2 id="import-preview" className="mb-2 text-lg font-semibold text-slate-900">
        {title}
        {result.cycles.length > 0 ? ` for ${result.cycles.join(', ')}` : ''}
      </h2>
      <Counts result={result} done={false} />
      {isSkippedShown ? <Skipped rows={result.skipped} done={false} /> : null}
      <Groups items={result.items} done={false} />
    </section>
  );
}

/** The things imported (or to import), grouped by what happens to them, with the changes of each update. */
function Groups({ items, done }: { items: ImportResult['items']; done: boolean }) {
  const groups = groupByAction(items);
  return (
    <>
      {groups.length === 0 ? <p className="text-sm">The files hold nothing to import.</p> : null}
      {groups.map((g) => (
        <section key={g.action} aria-label={done ? g.done : g.label} className="mb-4">
          <h3 className="mb-1 font-semibold text-slate-800">
            {done ? g.done : g.label} ({g.items.length})
          </h3>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {g.items.map((item) => (
              <li key={`${item.type}:${item.cycle ?? ''}:${item.key}`} className="px-3 py-2 text-sm">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                  {TYPE_LABEL[item.type]}
                </span>
                <span className="font-medium text-slate-900">{item.title}</span>
                {item.cycle ? <span className="ml-2 text-xs text-slate-600">{item.cycle}</span> : null}
                {item.changes.length > 0 ? (
                  <p className="mt-1 text-slate-700">
                    {done ? 'Changed' : 'Changes'}: {item.changes.join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Done({ result }: { result: ImportResult }) {
  return (
    <section
      aria-labelledby="import-done"
      className="mb-4 rounded-lg border border-green-300 bg-green-50 p-4"
    >
      <h2 id="import-done" className="mb-2 text-lg font-semibold text-green-900">
        Imported{result.cycles.length > 0 ? ` into ${result.cycles.join(', ')}` : ''}
      </h2>
      <Counts result={result} done />
      <Skipped rows={result.skipped} done />
      <p className="mb-4">
        <Link to="/" className="font-medium text-brand-700 underline">
          See the goals on the dashboard
        </Link>
      </p>
      <Groups items={result.items} done />
    </section>
  );
}
