const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A score or progress (0..1) as "72 %"; a dash when unknown. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** A measured value with its unit. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  return unit ? `${number.format(value)} ${unit}` : number.format(value);
}

/** "3 days ago", "today"; "never" for null. */
export function formatAgo(at: number | null | undefined, now = Date.now()): string {
  if (at === null || at === undefined) return 'never';
  const days = Math.round((at - now) / 86_400_000);
  if (Math.abs(days) < 1) {
    const hours = Math.round((at - now) / 3_600_000);
    return Math.abs(hours) < 1 ? 'just now' : relative.format(hours, 'hour');
  }
  return relative.format(days, 'day');
}

/** An instant as a calendar date. */
export function formatDate(at: number): string {
  return date.format(at);
}
