import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type DragEvent, useState } from 'react';
import { messageOf } from '../../api/errors';
import { Button } from '../../components/Button';
import { StatusBadge } from '../../components/StatusBadge';
import { formatScore } from '../../lib/format';
import { boardOf, COLUMNS, type Column, type SmartGoal, stateForDrop } from './board';
import { StaleGoal, setSmartGoalState } from './my-goals.queries';

const DRAG_TYPE = 'application/x-tandem-smart-goal';
const dueFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

interface Problem {
  message: string;
  current?: SmartGoal;
}

/**
 * The SMART goal board: open, due soon, overdue and done. A goal is marked done with its button
 * (the keyboard way) or by dragging it onto Done; dragging a done goal out of Done reopens it. A
 * stale version shows what someone else saved and offers to apply the change on top of it.
 */
export function SmartGoalBoard(props: { goals: readonly SmartGoal[]; now: number; timeZone: string }) {
  const queryClient = useQueryClient();
  const board = boardOf(props.goals, props.now, props.timeZone);
  const [pending, setPending] = useState<string>();
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [announcement, setAnnouncement] = useState('');
  const [dropTarget, setDropTarget] = useState<Column>();

  const change = async (goal: SmartGoal, state: 'done' | 'open') => {
    setPending(goal.id);
    setProblems(({ [goal.id]: _, ...rest }) => rest);
    try {
      await setSmartGoalState(goal, state);
      setAnnouncement(state === 'done' ? `Marked “${goal.title}” done.` : `Reopened “${goal.title}”.`);
      await Promise.all(
        [['smart-goals'], ['smart_goal', goal.id], ['dashboard'], ['alignment'], ['due']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    } catch (error) {
      if (error instanceof StaleGoal) void queryClient.invalidateQueries({ queryKey: ['smart-goals'] });
      setProblems((current) => ({
        ...current,
        [goal.id]:
          error instanceof StaleGoal
            ? { message: error.message, current: error.current }
            : { message: messageOf(error) },
      }));
    } finally {
      setPending(undefined);
    }
  };

  const onDrop = (event: DragEvent, column: Column) => {
    event.preventDefault();
    setDropTarget(undefined);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    const goal = props.goals.find((g) => g.id === id);
    const state = goal && stateForDrop(goal, column);
    if (goal && state) void change(goal, state);
  };

  return (
    <section aria-labelledby="board-heading" className="mt-6">
      <h2 id="board-heading" className="mb-1 text-lg font-semibold">
        SMART goal board
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Mark a goal done with its button, or drag it onto Done; drag it back out to reopen it.
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {COLUMNS.map((column) => (
          <section
            key={column.id}
            aria-labelledby={`column-${column.id}`}
            className={`rounded-lg border bg-slate-100 p-2 ${
              dropTarget === column.id ? 'border-brand-600 ring-2 ring-brand-600' : 'border-slate-200'
            }`}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setDropTarget(column.id);
            }}
            onDragLeave={() => setDropTarget(undefined)}
            onDrop={(event) => onDrop(event, column.id)}
          >
            <h3 id={`column-${column.id}`} className="mb-2 px-1 text-sm font-semibold text-slate-800">
              {column.title} <span className="font-normal text-slate-600">({board[column.id].length})</span>
            </h3>
            {board[column.id].length === 0 ? (
              <p className="px-1 pb-2 text-xs text-slate-600">{column.empty}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {board[column.id].map((goal) => (
                  <Card
                    key={goal.id}
                    goal={goal}
                    isPending={pending === goal.id}
                    problem={problems[goal.id]}
                    onChange={(g, state) => void change(g, state)}
                  />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

function Card(props: {
  goal: SmartGoal;
  isPending: boolean;
  problem: Problem | undefined;
  onChange: (goal: SmartGoal, state: 'done' | 'open') => void;
}) {
  const { goal, problem } = props;
  const isDone = goal.state === 'done';
  const target = isDone ? 'open' : 'done';
  return (
    <li
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, goal.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      className="cursor-grab rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm"
      aria-label={goal.title}
    >
      <Link
        to="/smart-goals/$smartGoalId"
        params={{ smartGoalId: goal.id }}
        className="font-medium text-slate-900 hover:underline"
      >
        {goal.title}
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <StatusBadge status={goal.evaluation.status} />
        <span>due {dueFormat.format(new Date(`${goal.dueDate}T00:00:00Z`))}</span>
        <span className="tabular-nums">{formatScore(goal.evaluation.score)}</span>
      </div>
      {problem ? (
        <div
          role="alert"
          className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950"
        >
          <p className="font-medium">{problem.message}</p>
          {problem.current ? (
            <>
              <p>
                It is now <q>{problem.current.title}</q>, {problem.current.state}.
              </p>
              {problem.current.state !== target ? (
                <Button
                  variant="secondary"
                  className="mt-1 min-h-8 px-2 py-1 text-xs"
                  onClick={() => props.onChange(problem.current!, target)}
                >
                  {isDone ? 'Reopen it anyway' : 'Mark it done anyway'}
                </Button>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
      <div className="mt-2">
        <Button
          variant="secondary"
          className="min-h-8 px-2 py-1 text-xs"
          disabled={props.isPending}
          aria-label={`${isDone ? 'Reopen' : 'Mark done'}: ${goal.title}`}
          onClick={() => props.onChange(goal, target)}
        >
          {props.isPending ? 'Saving…' : isDone ? 'Reopen' : 'Mark done'}
        </Button>
      </div>
    </li>
  );
}
