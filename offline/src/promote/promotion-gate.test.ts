import { describe, expect, it } from 'vitest';
import { promotionGate, type GateInput } from './promotion-gate.js';

const good: GateInput = {
  loads: true,
  parity: { modelMaxAbsDiff: 1e-7, encoderMaxAbsDiff: 1e-7, tolerance: 1e-5 },
  candidate: { top3: 0.97, ece: 0.01 },
  production: { version: 'v1', top3: 0.972 },
  baseline: null,
  canary: null,
};

describe('promotionGate', () => {
  it('passes a calibrated candidate at most 0.5 pt below production on top-3', () => {
    expect(promotionGate(good).pass).toBe(true);
  });

  it('refuses a candidate more than 0.5 pt below production', () => {
    const decision = promotionGate({ ...good, candidate: { top3: 0.966, ece: 0.01 } });
    expect(decision.pass).toBe(false);
    expect(decision.reason).toContain('accuracy');
  });

  it('refuses ECE ≥ 0.05, parity beyond 1e-5, and a model that does not load', () => {
    expect(promotionGate({ ...good, candidate: { top3: 0.99, ece: 0.05 } }).pass).toBe(false);
    expect(
      promotionGate({ ...good, parity: { ...good.parity!, modelMaxAbsDiff: 2e-5 } }).pass,
    ).toBe(false);
    expect(promotionGate({ ...good, loads: false, parity: null, candidate: null }).pass).toBe(
      false,
    );
  });

  it('without production, requires beating the guideline-only baseline', () => {
    const first = { ...good, production: null };
    expect(promotionGate({ ...first, baseline: { top3: 0.95 } }).pass).toBe(true);
    expect(promotionGate({ ...first, baseline: { top3: 0.98 } }).pass).toBe(false);
  });

  it("starts a canary only on production's encoder", () => {
    expect(promotionGate({ ...good, canary: { sameEncoder: true } }).pass).toBe(true);
    const own = promotionGate({ ...good, canary: { sameEncoder: false } });
    expect(own.pass).toBe(false);
    expect(own.checks.at(-1)?.name).toBe('shared-encoder');
  });
});
