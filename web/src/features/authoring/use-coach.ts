import { useEffect, useState } from 'react';
import type { CoachContext, PlacedFinding } from './coach-run';
import type { ObjectiveDraft, SmartGoalDraft } from './draft';

type CoachModule = typeof import('./coach-run');
let loading: Promise<CoachModule> | undefined;

/** The coach's module (core/coach and its word lists), loaded once, on first use. */
export function loadCoach(): Promise<CoachModule> {
  loading ??= import('./coach-run');
  return loading;
}

/**
 * The coach's findings on a draft as it is typed: linted `delay` ms after the last change
 * (debounced), in the browser, with core/coach (the rules of `tandem lint`).
 */
export function useCoach(
  draft: { kind: 'objective'; value: ObjectiveDraft } | { kind: 'smart'; value: SmartGoalDraft },
  context: CoachContext | undefined,
  delay = 300,
): { findings: PlacedFinding[]; isReady: boolean } {
  const [findings, setFindings] = useState<PlacedFinding[]>([]);
  const [isReady, setReady] = useState(false);
  useEffect(() => {
    if (!context) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadCoach().then((coach) => {
        if (cancelled) return;
        const now = { ...context, now: Date.now() };
        setFindings(
          draft.kind === 'objective'
            ? coach.coachObjective(draft.value, now)
            : coach.coachSmartGoal(draft.value, now),
        );
        setReady(true);
      });
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [draft.kind, draft.value, context, delay]);
  return { findings, isReady };
}
