import { closeOutNeed, gradeBand, gradeOf } from '../../../../core/grade';
import type { ObjectiveKind } from '../../../../core/settings';

/**
 * Close-out (SPEC 7) as the browser walks it: what each goal needs before the cycle closes, what
 * is still missing, and the body of `POST /cycles/{id}/close`. The rules mirror the server's
 * close-out service, which has the last word (its refusal lists every missing item).
 */

export const ROOT_CAUSE_TAGS = [
  { value: 'too_ambitious', label: 'Too ambitious' },
  { value: 'execution', label: 'Execution' },
  { value: 'external_change', label: 'External change' },
  { value: 'wrong_metric', label: 'Wrong metric' },
  { value: 'deprioritised', label: 'Deprioritised' },
] as const;
export type RootCauseTag = (typeof ROOT_CAUSE_TAGS)[number]['value'];
export type Decision = 'continue' | 'modify' | 'drop';

/** What the lead has written so far, by goal id: kept in the browser until the cycle closes. */
export interface CloseOutProgress {
  notes: Record<string, { rootCauseNote?: string; rootCauseTag?: RootCauseTag | '' }>;
  decisions: Record<string, { decision?: Decision | ''; learned?: string }>;
}

export const emptyProgress = (): CloseOutProgress => ({ notes: {}, decisions: {} });

export interface GoalToGrade {
  id: string;
  title: string;
  score: number | null;
}
export interface ObjectiveToGrade extends GoalToGrade {
  kind: ObjectiveKind | null;
  state: string;
  keyResults: GoalToGrade[];
}

/** A goal's grade with the score behind it, and its band (core/grade). */
export function gradeLine(score: number | null, kind: ObjectiveKind) {
  if (score === null) return { text: 'no score (nothing measured)', band: 'red' as const, label: 'missed' };
  const verdict = gradeBand(gradeOf(score), kind);
  return {
    text: `grade ${verdict.grade.toFixed(1)} from score ${score.toFixed(2)}`,
    band: verdict.band,
    label: verdict.label,
    mayBeTooSafe: verdict.mayBeTooSafe,
  };
}

/**
 * What a goal needs, by its grade (what the page shows): a root-cause note (committed graded
 * below 1.0), a tag (aspirational graded below 0.7), or nothing. The server decides the same way.
 */
export function needOf(score: number | null, kind: ObjectiveKind): 'note' | 'tag' | null {
  return closeOutNeed(score, kind);
}

/** Everything still missing before closing, in words; tags are prompted, not required. */
export function missingItems(
  objectives: readonly ObjectiveToGrade[],
  smartGoals: readonly GoalToGrade[],
  progress: CloseOutProgress,
): string[] {
  const missing: string[] = [];
  for (const o of objectives) {
    if (o.state === 'dropped') continue;
    const d = progress.decisions[o.id];
    if (!d?.decision || !d.learned?.trim())
      missing.push(`"${o.title}" needs a decision and what was learned`);
    for (const kr of o.keyResults)
      if (
        needOf(kr.score, o.kind ?? 'aspirational') === 'note' &&
        !progress.notes[kr.id]?.rootCauseNote?.trim()
      )
        missing.push(`committed KR "${kr.title}" is below 1.0: give the root cause`);
  }
  for (const g of smartGoals)
    if (needOf(g.score, 'committed') === 'note' && !progress.notes[g.id]?.rootCauseNote?.trim())
      missing.push(`SMART goal "${g.title}" is below 1.0: give the root cause`);
  return missing;
}

/** The close request from what was written (blank fields left out). */
export function closeBody(progress: CloseOutProgress) {
  const notes = Object.entries(progress.notes).flatMap(([goalId, n]) => {
    const note = n.rootCauseNote?.trim();
    if (!note && !n.rootCauseTag) return [];
    return [
      {
        goalId,
        ...(note ? { rootCauseNote: note } : {}),
        ...(n.rootCauseTag ? { rootCauseTag: n.rootCauseTag } : {}),
      },
    ];
  });
  const decisions = Object.entries(progress.decisions).flatMap(([objectiveId, d]) =>
    d.decision && d.learned?.trim() ? [{ objectiveId, decision: d.decision, learned: d.learned.trim() }] : [],
  );
  return { notes, decisions };
}

const storageKey = (cycleId: string) => `tandem-close-out:${cycleId}`;

/** The progress saved in this browser for a cycle. */
export function loadProgress(cycleId: string): CloseOutProgress {
  try {
    const raw = localStorage.getItem(storageKey(cycleId));
    const parsed = raw ? (JSON.parse(raw) as CloseOutProgress) : undefined;
    return parsed && typeof parsed === 'object'
      ? { notes: parsed.notes ?? {}, decisions: parsed.decisions ?? {} }
      : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function saveProgress(cycleId: string, progress: CloseOutProgress): void {
  try {
    localStorage.setItem(storageKey(cycleId), JSON.stringify(progress));
  } catch {
    // Storage full or disabled: the page still holds the progress until it is closed.
  }
}

export function forgetProgress(cycleId: string): void {
  try {
    localStorage.removeItem(storageKey(cycleId));
  } catch {
    // Nothing to forget.
  }
}
