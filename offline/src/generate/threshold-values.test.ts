import { describe, expect, it } from 'vitest';
import { MEASUREMENT_BY_LOINC } from './measurements.js';
import { drawValue, ruleInterval, satisfies, type ThresholdRule } from './threshold-values.js';
import { createRandom } from './random.js';

const temperature = MEASUREMENT_BY_LOINC.get('8310-5')!;
const rules: ThresholdRule[] = [
  { comparator: '>', value: 38 },
  { comparator: '>=', value: 38 },
  { comparator: '<', value: 35 },
  { comparator: '<=', value: 35 },
];

describe('threshold intervals', () => {
  it('draws values that meet a rule when asked to, and miss it otherwise, at the rounding step', () => {
    const random = createRandom('intervals');
    for (const rule of rules) {
      for (const wanted of [true, false]) {
        const interval = ruleInterval(rule, wanted, temperature);
        for (let i = 0; i < 300; i++) {
          const preferred = 30 + random.next() * 12;
          const value = drawValue({ spec: temperature, interval, preferred, random });
          expect(
            satisfies(value, rule),
            `${rule.comparator}${String(rule.value)} → ${String(value)}`,
          ).toBe(wanted);
          expect(Number(value.toFixed(1))).toBe(value);
        }
      }
    }
  });

  it('keeps the preferred value when it already fits', () => {
    const random = createRandom('keep');
    const interval = ruleInterval({ comparator: '>', value: 38 }, false, temperature);
    expect(drawValue({ spec: temperature, interval, preferred: 36.84, random })).toBe(36.8);
  });
});
