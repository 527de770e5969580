import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text.js';
import { servingByVersion } from './serving-stats.js';

/** What two replicas' prom-client output looks like for the two metrics (abridged). */
function replica(options: { prodModel: number; prodTimeout: number; canary: number }): string {
  const r = 'mediassist_assist_model_requests_total';
  const d = 'mediassist_assist_model_duration_seconds';
  const prodTotal = options.prodModel + options.prodTimeout;
  return [
    `# HELP ${r} Assist answers`,
    `# TYPE ${r} counter`,
    `${r}{model_version="2026.11.01-1",model_role="production",outcome="model"} ${String(options.prodModel)}`,
    `${r}{model_version="2026.11.01-1",model_role="production",outcome="model-timeout"} ${String(options.prodTimeout)}`,
    `${r}{model_version="2026.11.20-1",model_role="canary",outcome="model"} ${String(options.canary)}`,
    `${r}{model_version="none",model_role="none",outcome="model-absent"} 3`,
    `# TYPE ${d} histogram`,
    `${d}_bucket{le="0.01",model_version="2026.11.01-1",model_role="production"} ${String(prodTotal - 10)}`,
    `${d}_bucket{le="0.025",model_version="2026.11.01-1",model_role="production"} ${String(prodTotal)}`,
    `${d}_bucket{le="+Inf",model_version="2026.11.01-1",model_role="production"} ${String(prodTotal)}`,
    `${d}_sum{model_version="2026.11.01-1",model_role="production"} ${String(prodTotal * 0.008)}`,
    `${d}_count{model_version="2026.11.01-1",model_role="production"} ${String(prodTotal)}`,
    `${d}_bucket{le="0.01",model_version="2026.11.20-1",model_role="canary"} 0`,
    `${d}_bucket{le="0.025",model_version="2026.11.20-1",model_role="canary"} ${String(options.canary)}`,
    `${d}_bucket{le="+Inf",model_version="2026.11.20-1",model_role="canary"} ${String(options.canary)}`,
    `${d}_sum{model_version="2026.11.20-1",model_role="canary"} ${String(options.canary * 0.02)}`,
    `${d}_count{model_version="2026.11.20-1",model_role="canary"} ${String(options.canary)}`,
  ].join('\n');
}

describe('parsePrometheusText', () => {
  it('reads names, labels (escapes included) and values, skipping comments', () => {
    expect(
      parsePrometheusText(
        '# HELP x y\nx_total{a="1",b="q\\"uote"} 42\ny 3.5 1700000000\nz{le="+Inf"} +Inf\n',
      ),
    ).toEqual([
      { name: 'x_total', labels: { a: '1', b: 'q"uote' }, value: 42 },
      { name: 'y', labels: {}, value: 3.5 },
      { name: 'z', labels: { le: '+Inf' }, value: Infinity },
    ]);
  });
});

describe('servingByVersion', () => {
  it('adds up replicas per version: answers, fallbacks, mean and p95 bound; ignores "none"', () => {
    const samples = [
      ...parsePrometheusText(replica({ prodModel: 90, prodTimeout: 10, canary: 10 })),
      ...parsePrometheusText(replica({ prodModel: 190, prodTimeout: 10, canary: 30 })),
    ];
    const stats = servingByVersion(samples);
    expect([...stats.keys()].sort()).toEqual(['2026.11.01-1', '2026.11.20-1']);
    const prod = stats.get('2026.11.01-1');
    expect(prod).toMatchObject({
      answers: 300,
      modelAnswers: 280,
      fallbacks: { 'model-timeout': 20 },
      latencyP95Seconds: 0.025,
    });
    expect(prod?.fallbackRate).toBeCloseTo(20 / 300, 12);
    expect(prod?.latencyMeanSeconds).toBeCloseTo(0.008, 12);
    const canary = stats.get('2026.11.20-1');
    expect(canary).toMatchObject({ answers: 40, modelAnswers: 40, fallbackRate: 0 });
    expect(canary?.latencyP95Seconds).toBe(0.025);
    expect(canary?.latencyMeanSeconds).toBeCloseTo(0.02, 12);
  });
});
