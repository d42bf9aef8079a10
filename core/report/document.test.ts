import { describe, expect, it } from 'vitest';
import { ambitionIndex } from '../calibration';
import { ambitionBandText, calibrationLines } from './document';

describe('the calibration in words', () => {
  it('names each ambition band with the range SPEC 3.8 gives it', () => {
    expect(ambitionBandText('overreaching')).toBe('overreaching (below 0.4)');
    expect(ambitionBandText('ambitious')).toBe('ambitious (0.4 to 0.6)');
    expect(ambitionBandText('calibrated')).toBe('calibrated (0.6 to 0.8)');
    expect(ambitionBandText('too_safe')).toBe('too safe (above 0.8)');
  });

  it('calls a mean grade of 0.75 calibrated, not too safe', () => {
    const lines = calibrationLines({
      ambition: ambitionIndex([0.7, 0.8, 0.7, 0.8]),
      commitment: { value: 0.5, count: 4 },
    });
    expect(lines[0]).toBe('Ambition index: 0.75, calibrated (0.6 to 0.8) over 4 aspirational KRs.');
    expect(lines[1]).toBe('Commitment reliability: 50 % of 4 committed KRs and SMART goals met.');
  });
});
