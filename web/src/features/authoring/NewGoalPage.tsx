import { useNavigate } from '@tanstack/react-router';
import { useDeferredValue, useId, useState } from 'react';
import { ADVISOR_QUESTIONS, type AdvisorInput, advise } from '../../../../core/advisor';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';

const RECOMMENDATION = {
  okr: {
    title: 'An OKR',
    detail: 'An objective with key results: a direction, and outcomes that show you got there.',
  },
  smart: { title: 'A SMART goal', detail: 'A specific, time-bound goal one person owns and finishes.' },
  both: {
    title: 'Both: an OKR with SMART goals beneath it',
    detail: 'The OKR sets the destination; SMART goals owned by individuals carry the concrete steps.',
  },
} as const;

type YesNo = '' | 'yes' | 'no';

/**
 * Starting a goal: the framework advisor (core/advisor, SPEC 5) answers "OKR or SMART goal?" from
 * the statement and a few optional answers, listing every signal for and against, then opens the
 * right editor with the statement as the title.
 */
export function NewGoalPage() {
  const id = useId();
  const navigate = useNavigate();
  const [input, setInput] = useState<AdvisorInput>({});
  const deferred = useDeferredValue(input);
  const result = advise(deferred);
  const set = (patch: Partial<AdvisorInput>) => setInput((current) => ({ ...current, ...patch }));
  const yesNo = (key: keyof AdvisorInput): YesNo =>
    input[key] === true ? 'yes' : input[key] === false ? 'no' : '';
  const count = (text: string) => {
    const n = Number.parseInt(text, 10);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const title = input.statement?.trim() ?? '';
  const rec = RECOMMENDATION[result.recommendation];
  return (
    <Page title="Start a goal">
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <form
          className="rounded-lg border border-slate-200 bg-white p-4"
          // Enter in a field goes on to write the goal the advisor recommends.
          onSubmit={(e) => {
            e.preventDefault();
            void navigate({
              to: result.recommendation === 'smart' ? '/write/smart-goal' : '/write/objective',
              search: title ? { title } : {},
            });
          }}
        >
          <h2 className="mb-3 font-semibold">OKR or SMART goal?</h2>
          <label htmlFor={`${id}-statement`} className="mb-1 block text-sm font-medium text-slate-800">
            What is the goal, in one sentence?
          </label>
          <textarea
            id={`${id}-statement`}
            rows={2}
            maxLength={2000}
            className="mb-4 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={input.statement ?? ''}
            onChange={(e) => set({ statement: e.target.value || undefined })}
          />
          <div className="grid gap-x-3 sm:grid-cols-3">
            <div className="mb-4">
              <label htmlFor={`${id}-level`} className="mb-1 block text-sm font-medium text-slate-800">
                Level
              </label>
              <select
                id={`${id}-level`}
                className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                value={input.level ?? ''}
                onChange={(e) => set({ level: (e.target.value || undefined) as AdvisorInput['level'] })}
              >
                <option value="">Not sure</option>
                <option value="company">Company</option>
                <option value="department">Department</option>
                <option value="team">Team</option>
                <option value="individual">Individual</option>
              </select>
            </div>
            {(['teamSize', 'departmentsInvolved'] as const).map((key) => (
              <div key={key} className="mb-4">
                <label htmlFor={`${id}-${key}`} className="mb-1 block text-sm font-medium text-slate-800">
                  {key === 'teamSize' ? 'People working on it' : 'Departments involved'}
                </label>
                <input
                  id={`${id}-${key}`}
                  inputMode="numeric"
                  className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                  value={input[key] ?? ''}
                  onChange={(e) => set({ [key]: count(e.target.value) })}
                />
              </div>
            ))}
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">If you know (optional)</legend>
            <div className="grid gap-x-3 sm:grid-cols-2">
              {ADVISOR_QUESTIONS.filter((q) => q.kind === 'yes-no').map((q) => (
                <div key={q.key} className="mb-3">
                  <label htmlFor={`${id}-${q.key}`} className="mb-1 block text-xs text-slate-800">
                    {q.prompt}
                  </label>
                  <select
                    id={`${id}-${q.key}`}
                    className="block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                    value={yesNo(q.key)}
                    onChange={(e) =>
                      set({ [q.key]: e.target.value === '' ? undefined : e.target.value === 'yes' })
                    }
                  >
                    <option value="">Not sure</option>
                    <option value="yes">Yes</option>
                    <option value="no">No</option>
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          {/* The form's default button, so that Enter submits it (the visible ones are in the answer). */}
          <button type="submit" hidden>
            Write the recommended goal
          </button>
        </form>
        <section
          aria-labelledby={`${id}-answer`}
          aria-live="polite"
          className="self-start rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id={`${id}-answer`} className="font-semibold">
            The advisor's answer: {rec.title}
            {result.committed ? ' (committed)' : ''}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{rec.detail}</p>
          <p className="mt-2 text-sm">{result.explanation}</p>
          {result.signals.length > 0 ? (
            <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label="Signals">
              {result.signals.map((s) => (
                <li key={s.id} className="flex gap-2">
                  <span
                    className={`shrink-0 self-start whitespace-nowrap rounded px-1 text-xs font-medium ${s.side === 'okr' ? 'bg-indigo-100 text-indigo-900' : 'bg-emerald-100 text-emerald-900'}`}
                  >
                    {s.side === 'okr' ? 'toward OKR' : 'toward SMART'}
                  </span>
                  <span>
                    {s.reason}
                    {s.evidence ? <q className="ml-1 text-slate-700">{s.evidence}</q> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-2">
            <Button
              variant={result.recommendation === 'smart' ? 'secondary' : 'primary'}
              onClick={() => void navigate({ to: '/write/objective', search: title ? { title } : {} })}
            >
              Write an objective
            </Button>
            <Button
              variant={result.recommendation === 'smart' ? 'primary' : 'secondary'}
              onClick={() => void navigate({ to: '/write/smart-goal', search: title ? { title } : {} })}
            >
              Write a SMART goal
            </Button>
          </div>
        </section>
      </div>
    </Page>
  );
}
