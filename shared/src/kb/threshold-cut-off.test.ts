import { describe, expect, it } from 'vitest';
import { meetsThreshold, thresholdCutOff, type FindingThreshold } from './threshold-cut-off.js';

const heartRate: FindingThreshold = {
  loinc: '8867-4',
  comparator: '>',
  value: 100,
  unit: '/min',
  byAge: [
    { belowAgeYears: 1, value: 160, sources: ['nice-ng143'] },
    { belowAgeYears: 5, value: 140, sources: ['nice-ng143'] },
  ],
};

describe('thresholdCutOff', () => {
  it('takes the first band the age falls below, the adult value from the last band on', () => {
    expect(thresholdCutOff(heartRate, 0.5)).toBe(160);
    expect(thresholdCutOff(heartRate, 1)).toBe(140);
    expect(thresholdCutOff(heartRate, 4.9)).toBe(140);
    expect(thresholdCutOff(heartRate, 5)).toBe(100);
  });

  it('uses the adult value when the age is unknown or there are no bands', () => {
    expect(thresholdCutOff(heartRate)).toBe(100);
    const { byAge: _bands, ...adultOnly } = heartRate;
    expect(thresholdCutOff(adultOnly, 0.5)).toBe(100);
  });

  it('compares with the threshold’s comparator', () => {
    expect(meetsThreshold({ value: 130, threshold: heartRate, ageYears: 3 })).toBe(false);
    expect(meetsThreshold({ value: 130, threshold: heartRate })).toBe(true);
    expect(meetsThreshold({ value: 100, threshold: { ...heartRate, comparator: '>=' } })).toBe(
      true,
    );
  });
});
