import { describe, expect, it } from 'vitest';
import { type Calibration, calibrationFigures, childUnits, validateCalibrationSearch } from './calibration';

const base: Calibration = {
  scope: { unitId: 'u1', personId: null },
  cycles: [{ id: 'c1', name: '2026-Q3' }],
  ambition: { value: 0.75, band: 'calibrated', count: 4 },
  commitment: { value: 2 / 3, count: 3 },
  confidence: { value: 0.04, count: 1 },
  hiddenGoals: 0,
  hiddenSummary: null,
};

describe('calibration in words', () => {
  it('says each figure with its band and the number of goals behind it', () => {
    expect(calibrationFigures(base)).toEqual({
      ambition: '0.75, calibrated (0.6 to 0.8) over 4 KRs',
      commitment: '67 % of 3 met',
      confidence: '0.04 over 1 goal (lower is better)',
    });
  });

  it('says why a figure is missing', () => {
    const empty = calibrationFigures({
      ...base,
      ambition: { value: null, band: null, count: 2 },
      commitment: { value: null, count: 0 },
      confidence: { value: null, count: 0 },
    });
    expect(empty.ambition).toBe('not enough aspirational KRs (2; 3 needed)');
    expect(empty.commitment).toBe('no committed KR or SMART goal');
    expect(empty.confidence).toBe('no confidence to score');
  });
});

describe('the page search', () => {
  it('keeps a unit, a person and a known number of cycles, and drops the rest', () => {
    expect(validateCalibrationSearch({ unit: 'u1', person: 'p1', cycles: '8' })).toEqual({
      unit: 'u1',
      person: 'p1',
      cycles: 8,
    });
    expect(validateCalibrationSearch({ unit: '', cycles: '3', other: 'x' })).toEqual({});
  });

  it('lists the units under one in name order, never by a figure', () => {
    const units = [
      { id: 'b', name: 'Sales', parentId: 'top' },
      { id: 'a', name: 'Engineering', parentId: 'top' },
      { id: 'top', name: 'Acme', parentId: null },
    ];
    expect(childUnits(units, 'top').map((u) => u.name)).toEqual(['Engineering', 'Sales']);
    expect(childUnits(units, null).map((u) => u.id)).toEqual(['top']);
  });
});
