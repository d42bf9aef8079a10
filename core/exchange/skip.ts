/**
 * Leaving goals out of a goals file (an import that skips bad rows): which goal a problem's path
 * is about, and the file without some goals, still locating what remains where it was written.
 */
import type { ParsedGoalsFile } from '../goals-file/parse';

/** The goal a path such as `objectives[2].key_results[0].measure` is about, by key; undefined for none. */
export function goalKeyAt(parsed: ParsedGoalsFile, path: string): string | undefined {
  const { content } = parsed;
  const kr = /^objectives\[(\d+)\]\.key_results\[(\d+)\]/.exec(path);
  if (kr) return content.objectives?.[Number(kr[1])]?.key_results?.[Number(kr[2])]?.key;
  const objective = /^objectives\[(\d+)\]/.exec(path);
  if (objective) return content.objectives?.[Number(objective[1])]?.key;
  const goal = /^smart_goals\[(\d+)\]/.exec(path);
  if (goal) return content.smart_goals?.[Number(goal[1])]?.key;
  return undefined;
}

/** A KR left out because its objective was: its key, title and place in the file. */
export interface CascadedKeyResult {
  key: string;
  title: string;
  objective: { key: string; title: string };
  line: number;
  column: number;
  path: string;
}

/**
 * The file without the goals of `keys` (an objective with all its KRs; the KRs of a left-out
 * objective that `keys` does not name are returned as `cascaded`). `locate` still answers with the
 * places of the original file, so later problems point where the user wrote the goal.
 */
export function withoutGoals(
  parsed: ParsedGoalsFile,
  keys: ReadonlySet<string>,
): { parsed: ParsedGoalsFile; cascaded: CascadedKeyResult[] } {
  const { content } = parsed;
  const cascaded: CascadedKeyResult[] = [];
  const objectiveIndex: number[] = [];
  const krIndex: number[][] = [];
  const objectives = (content.objectives ?? []).flatMap((o, i) => {
    if (keys.has(o.key)) {
      (o.key_results ?? []).forEach((kr, j) => {
        if (keys.has(kr.key)) return;
        const at = parsed.locate(['objectives', i, 'key_results', j]);
        cascaded.push({
          key: kr.key,
          title: kr.title,
          objective: { key: o.key, title: o.title },
          ...at,
          path: `objectives[${i}].key_results[${j}]`,
        });
      });
      return [];
    }
    const kept: number[] = [];
    const keyResults = (o.key_results ?? []).filter((kr, j) => {
      if (keys.has(kr.key)) return false;
      kept.push(j);
      return true;
    });
    objectiveIndex.push(i);
    krIndex.push(kept);
    return [o.key_results ? { ...o, key_results: keyResults } : o];
  });
  const goalIndex: number[] = [];
  const smartGoals = (content.smart_goals ?? []).filter((g, k) => {
    if (keys.has(g.key)) return false;
    goalIndex.push(k);
    return true;
  });
  // A unit only the objectives left out named goes with them (else it is a problem of no goal).
  const usedBefore = new Set((content.objectives ?? []).map((o) => o.unit));
  const usedAfter = new Set(objectives.map((o) => o.unit));
  const parents = new Set((content.units ?? []).map((u) => u.parent));
  const unitIndex: number[] = [];
  const units = (content.units ?? []).filter((u, i) => {
    if (usedBefore.has(u.key) && !usedAfter.has(u.key) && !parents.has(u.key)) return false;
    unitIndex.push(i);
    return true;
  });
  const { objectives: _o, smart_goals: _g, units: _u, ...rest } = content;
  return {
    parsed: {
      file: parsed.file,
      content: {
        ...rest,
        ...(units.length > 0 ? { units } : {}),
        ...(objectives.length > 0 ? { objectives } : {}),
        ...(smartGoals.length > 0 ? { smart_goals: smartGoals } : {}),
      },
      locate: (path) => {
        const old = [...path];
        if (old[0] === 'objectives' && typeof old[1] === 'number') {
          const i = old[1];
          old[1] = objectiveIndex[i] ?? i;
          if (old[2] === 'key_results' && typeof old[3] === 'number') old[3] = krIndex[i]?.[old[3]] ?? old[3];
        } else if (old[0] === 'smart_goals' && typeof old[1] === 'number')
          old[1] = goalIndex[old[1]] ?? old[1];
        else if (old[0] === 'units' && typeof old[1] === 'number') old[1] = unitIndex[old[1]] ?? old[1];
        return parsed.locate(old);
      },
    },
    cascaded,
  };
}
