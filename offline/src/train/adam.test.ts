import { describe, expect, it } from 'vitest';
import { createAdam } from './adam.js';

describe('Adam learning-rate schedule', () => {
  const stepOnce = (rate: number | undefined): number => {
    const w = Float32Array.of(1);
    const adam = createAdam({
      params: [w],
      isWeight: [false],
      config: { learningRate: 0.1, l2: 0 },
    });
    if (rate !== undefined) {
      adam.setLearningRate(rate);
    }
    adam.step([Float32Array.of(2)]);
    return w[0] ?? Number.NaN;
  };

  it('moves by the configured rate on the first step (bias-corrected |m/√v| = 1)', () => {
    expect(stepOnce(undefined)).toBeCloseTo(0.9, 5);
  });

  it('moves by the rate set for the epoch, not the configured one', () => {
    expect(stepOnce(0.025)).toBeCloseTo(0.975, 5);
    expect(stepOnce(0)).toBe(1);
  });
});
