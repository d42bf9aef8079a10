/**
 * The command palette's items and search, kept pure so they are tested without a browser: jumps
 * (dashboard, check-in, writing a goal, …), and the goals, people and units the viewer can see.
 */

export type PaletteKind = 'action' | 'objective' | 'key_result' | 'smart_goal' | 'person' | 'unit';

/** Where an item leads: a route of the app with its params and search. */
export type PaletteTarget =
  | { to: '/'; search?: { unit?: string; owner?: string } }
  | {
      to:
        | '/check-in'
        | '/goals'
        | '/alignment'
        | '/write'
        | '/close-out'
        | '/cycles'
        | '/calibration'
        | '/import'
        | '/admin';
    }
  | { to: '/objectives/$objectiveId'; params: { objectiveId: string } }
  | { to: '/key-results/$keyResultId'; params: { keyResultId: string } }
  | { to: '/smart-goals/$smartGoalId'; params: { smartGoalId: string } };

export interface PaletteItem {
  id: string;
  kind: PaletteKind;
  title: string;
  /** A second line: the objective of a KR, a person's email, "Jump". */
  detail: string;
  target: PaletteTarget;
}

/** The section each kind is listed under, in the order the palette shows them. */
export const SECTIONS: readonly { kind: PaletteKind; label: string }[] = [
  { kind: 'action', label: 'Jump to' },
  { kind: 'objective', label: 'Objectives' },
  { kind: 'key_result', label: 'Key results' },
  { kind: 'smart_goal', label: 'SMART goals' },
  { kind: 'person', label: 'People' },
  { kind: 'unit', label: 'Units' },
];

/** The jumps, with the words they are also found by. */
export function actionItems(isAdmin: boolean): (PaletteItem & { keywords: string })[] {
  const jump = (id: string, title: string, target: PaletteTarget, keywords: string) => ({
    id: `action:${id}`,
    kind: 'action' as const,
    title,
    detail: 'Jump',
    target,
    keywords,
  });
  return [
    jump('check-in', 'Check in', { to: '/check-in' }, 'update progress confidence'),
    jump('dashboard', 'Dashboard', { to: '/' }, 'home overview status'),
    jump('write', 'Write a goal', { to: '/write' }, 'new create objective smart okr'),
    jump('goals', 'My goals', { to: '/goals' }, 'mine board'),
    jump('alignment', 'Alignment', { to: '/alignment' }, 'tree cascade'),
    jump('close-out', 'Close-out', { to: '/close-out' }, 'close cycle grades root cause'),
    jump('cycles', 'Cycles and reports', { to: '/cycles' }, 'report grades quarter'),
    jump('calibration', 'Calibration', { to: '/calibration' }, 'ambition commitment brier'),
    jump('import', 'Import goals', { to: '/import' }, 'upload csv xlsx yaml spreadsheet excel file'),
    ...(isAdmin
      ? [jump('admin', 'Administration', { to: '/admin' }, 'settings people units tokens webhooks')]
      : []),
  ];
}

export interface PaletteSource {
  objectives: readonly { id: string; title: string; keyResults: readonly { id: string; title: string }[] }[];
  smartGoals: readonly { id: string; title: string }[];
  people: readonly { id: string; name: string; email: string; isActive?: boolean }[];
  units: readonly { id: string; name: string }[];
}

/** Every searchable item: goals of the cycle the viewer can see, active people, units. */
export function sourceItems(source: PaletteSource): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const o of source.objectives) {
    items.push({
      id: `objective:${o.id}`,
      kind: 'objective',
      title: o.title,
      detail: 'Objective',
      target: { to: '/objectives/$objectiveId', params: { objectiveId: o.id } },
    });
    for (const kr of o.keyResults)
      items.push({
        id: `key_result:${kr.id}`,
        kind: 'key_result',
        title: kr.title,
        detail: `Key result of ${o.title}`,
        target: { to: '/key-results/$keyResultId', params: { keyResultId: kr.id } },
      });
  }
  for (const g of source.smartGoals)
    items.push({
      id: `smart_goal:${g.id}`,
      kind: 'smart_goal',
      title: g.title,
      detail: 'SMART goal',
      target: { to: '/smart-goals/$smartGoalId', params: { smartGoalId: g.id } },
    });
  for (const p of source.people)
    if (p.isActive !== false)
      items.push({
        id: `person:${p.id}`,
        kind: 'person',
        title: p.name,
        detail: `${p.email}: their goals on the dashboard`,
        target: { to: '/', search: { unit: 'all', owner: p.id } },
      });
  for (const u of source.units)
    items.push({
      id: `unit:${u.id}`,
      kind: 'unit',
      title: u.name,
      detail: 'Unit dashboard',
      target: { to: '/', search: { unit: u.id } },
    });
  return items;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/**
 * How well an item matches what was typed (higher is better; 0 is no match): every word typed
 * must appear in the title, the detail or the keywords. A title that starts with the query beats
 * one where a word starts with it, which beats a match anywhere.
 */
export function matchScore(item: PaletteItem & { keywords?: string }, query: string): number {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const title = fold(item.title);
  const haystack = `${title} ${fold(item.detail)} ${fold(item.keywords ?? '')}`;
  if (!words.every((w) => haystack.includes(w))) return 0;
  const whole = words.join(' ');
  if (title.startsWith(whole)) return 4;
  if (
    words.every((w) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(title),
    )
  )
    return 3;
  if (words.every((w) => title.includes(w))) return 2;
  return 1;
}

/**
 * The palette's results for a query, grouped by section in `SECTIONS` order, best matches first
 * within each, at most `perSection` per section. With nothing typed: the jumps only.
 */
export function searchPalette(
  items: readonly (PaletteItem & { keywords?: string })[],
  query: string,
  perSection = 6,
): { kind: PaletteKind; label: string; items: PaletteItem[] }[] {
  const isEmpty = query.trim() === '';
  return SECTIONS.map((section) => {
    const scored = items
      .filter((item) => item.kind === section.kind && (!isEmpty || item.kind === 'action'))
      .map((item, index) => ({ item, index, score: matchScore(item, query) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    return { ...section, items: scored.slice(0, isEmpty ? 20 : perSection).map((s) => s.item) };
  }).filter((section) => section.items.length > 0);
}
