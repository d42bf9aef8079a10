import { ambitionBandText } from '../../../../core/report/document';
import type { Schema } from '../../api/client';

/** Calibration as the API answers it (`GET /calibration`). */
export type Calibration = Schema<'Calibration'>;

/** How many closed cycles the page may look back over (the API's default is 4, SPEC 3.8). */
export const CYCLE_CHOICES = [1, 2, 4, 8] as const;
export const DEFAULT_CYCLES = 4;

/** The search of `/calibration`: a unit, a person (only oneself unless the API says otherwise), N. */
export interface CalibrationSearch {
  unit?: string;
  person?: string;
  cycles?: number;
}

/** Reads the page's search parameters, dropping what is not one (an unknown N falls back to 4). */
export function validateCalibrationSearch(search: Record<string, unknown>): CalibrationSearch {
  const result: CalibrationSearch = {};
  for (const key of ['unit', 'person'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 100) result[key] = value;
  }
  const cycles = Number(search.cycles);
  if ((CYCLE_CHOICES as readonly number[]).includes(cycles)) result.cycles = cycles;
  return result;
}

/** The three figures in words, as the page and its table show them. */
export function calibrationFigures(c: Calibration): {
  ambition: string;
  commitment: string;
  confidence: string;
} {
  return {
    ambition:
      c.ambition.value === null
        ? `not enough aspirational KRs (${c.ambition.count}; 3 needed)`
        : `${c.ambition.value.toFixed(2)}, ${ambitionBandText(c.ambition.band!)} over ${c.ambition.count} KRs`,
    commitment:
      c.commitment.value === null
        ? 'no committed KR or SMART goal'
        : `${Math.round(c.commitment.value * 100)} % of ${c.commitment.count} met`,
    confidence:
      c.confidence.value === null
        ? 'no confidence to score'
        : `${c.confidence.value.toFixed(2)} over ${c.confidence.count} goal${c.confidence.count === 1 ? '' : 's'} (lower is better)`,
  };
}

/** The units to show under one: its children in name order (never ranked by a figure). */
export function childUnits<T extends { id: string; parentId: string | null; name: string }>(
  units: readonly T[],
  parentId: string | null,
): T[] {
  return units.filter((u) => u.parentId === parentId).sort((a, b) => a.name.localeCompare(b.name));
}
