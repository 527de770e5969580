import { describe, expect, it } from 'vitest';
import { canaryServes } from './canary-routing.js';

const keys = Array.from({ length: 10_000 }, (_, i) => `pt_${i.toString(16).padStart(32, '0')}`);

describe('canaryServes', () => {
  it('never serves the canary at share 0 and always at share 1', () => {
    expect(
      keys.some((patientKey) => canaryServes({ patientKey, share: 0, canaryVersion: 'v2' })),
    ).toBe(false);
    expect(
      keys.every((patientKey) => canaryServes({ patientKey, share: 1, canaryVersion: 'v2' })),
    ).toBe(true);
  });

  it('routes about the requested share of patients, the same way every time', () => {
    const routed = keys.filter((patientKey) =>
      canaryServes({ patientKey, share: 0.2, canaryVersion: 'v2' }),
    );
    expect(routed.length / keys.length).toBeGreaterThan(0.18);
    expect(routed.length / keys.length).toBeLessThan(0.22);
    expect(
      keys.filter((patientKey) => canaryServes({ patientKey, share: 0.2, canaryVersion: 'v2' })),
    ).toEqual(routed);
  });
});
