import type { WriteSearch } from './ObjectiveEditorPage';

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, 300) : undefined;

/** The editors' search: `id` to edit, `title` from the advisor, `cycle` to write into. */
export function validateWriteSearch(search: Record<string, unknown>): WriteSearch {
  const result: WriteSearch = {};
  for (const key of ['id', 'title', 'cycle'] as const) {
    const value = text(search[key]);
    if (value) result[key] = value;
  }
  return result;
}
