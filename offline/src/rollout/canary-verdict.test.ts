import { describe, expect, it } from 'vitest';
import { acceptanceZ, judgeCanary, type ArmSummary } from './canary-verdict.js';
import type { VersionServing } from './serving-stats.js';

function arm(options: {
  version: string;
  answers: number;
  fallbackRate: number;
  p95: number;
  accepted: number;
  dismissed: number;
}): ArmSummary {
  const serving: VersionServing = {
    version: options.version,
    answers: options.answers,
    modelAnswers: Math.round(options.answers * (1 - options.fallbackRate)),
    fallbacks: {},
    fallbackRate: options.fallbackRate,
    latencyMeanSeconds: options.p95 / 2,
    latencyP95Seconds: options.p95,
  };
  const judged = options.accepted + options.dismissed;
  return {
    version: options.version,
    serving,
    feedback: { accepted: options.accepted, dismissed: options.dismissed },
    acceptanceRate: judged > 0 ? options.accepted / judged : null,
  };
}

const production = arm({
  version: 'p',
  answers: 5000,
  fallbackRate: 0.05,
  p95: 0.05,
  accepted: 600,
  dismissed: 400,
});

describe('judgeCanary', () => {
  it('says not-worse for a canary with enough data and comparable figures', () => {
    const canary = arm({
      version: 'c',
      answers: 600,
      fallbackRate: 0.055,
      p95: 0.05,
      accepted: 62,
      dismissed: 38,
    });
    const verdict = judgeCanary({ production, canary });
    expect(verdict.verdict).toBe('not-worse');
    expect('reasons' in verdict && verdict.reasons).toHaveLength(3);
  });

  it('says insufficient-data below the minimum answers or feedback', () => {
    const canary = arm({
      version: 'c',
      answers: 150,
      fallbackRate: 0.05,
      p95: 0.05,
      accepted: 10,
      dismissed: 5,
    });
    expect(judgeCanary({ production, canary })).toEqual({
      verdict: 'insufficient-data',
      reasons: ['canary served 150 answers (< 200)', 'canary has 15 feedback events (< 50)'],
    });
  });

  it('says worse on more fallbacks, slower p95 or clearly lower acceptance, even on little data', () => {
    const base = {
      version: 'c',
      answers: 600,
      fallbackRate: 0.05,
      p95: 0.05,
      accepted: 60,
      dismissed: 40,
    };
    expect(judgeCanary({ production, canary: arm({ ...base, fallbackRate: 0.1 }) }).verdict).toBe(
      'worse',
    );
    expect(judgeCanary({ production, canary: arm({ ...base, p95: 0.1 }) }).verdict).toBe('worse');
    expect(
      judgeCanary({ production, canary: arm({ ...base, accepted: 40, dismissed: 60 }) }).verdict,
    ).toBe('worse');
    expect(
      judgeCanary({ production, canary: arm({ ...base, answers: 20, fallbackRate: 0.5 }) }).verdict,
    ).toBe('worse');
  });

  it('says no-canary without one', () => {
    expect(judgeCanary({ production, canary: null })).toEqual({ verdict: 'no-canary' });
  });
});

describe('acceptanceZ', () => {
  it('is the two-proportion z statistic, null without feedback on either side', () => {
    // 40/100 vs 600/1000: pooled 640/1100.
    const pooled = 640 / 1100;
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / 100 + 1 / 1000));
    expect(
      acceptanceZ({ accepted: 40, dismissed: 60 }, { accepted: 600, dismissed: 400 }),
    ).toBeCloseTo((0.4 - 0.6) / se, 10);
    expect(acceptanceZ({ accepted: 0, dismissed: 0 }, { accepted: 1, dismissed: 1 })).toBeNull();
    expect(acceptanceZ({ accepted: 5, dismissed: 0 }, { accepted: 5, dismissed: 0 })).toBe(0);
  });
});
