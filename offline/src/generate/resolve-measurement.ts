/**
 * One measurement at one visit: the patient's value today, pushed across KB thresholds by the
 * findings the visit's condition produced, then the finding states re-read from the value itself —
 * so a finding on a measured LOINC is present exactly when the written value meets its threshold.
 */
import type { Baseline } from './baselines.js';
import { MEASUREMENT_BY_LOINC, type MeasurementSpec } from './measurements.js';
import {
  drawValue,
  ruleInterval,
  satisfies,
  type Interval,
  type ThresholdRule,
} from './threshold-values.js';
import type { Random } from './random.js';
import type { WorldFinding, WorldModel } from './world-model.js';

/** Paediatric limits (APLS) replace the adult KB thresholds for heart and breathing rates. */
export function ruleFor(f: WorldFinding, age: number): ThresholdRule | undefined {
  const t = f.threshold;
  if (!t || age >= 12) {
    return t?.rule;
  }
  const young = age < 5;
  switch (f.finding.id) {
    case 'tachycardia':
      return { comparator: '>', value: young ? 140 : 120 };
    case 'bradycardia':
      return { comparator: '<', value: young ? 80 : 60 };
    case 'tachypnoea':
      return { comparator: '>', value: young ? 40 : 25 };
    default:
      return t.rule;
  }
}

export interface ResolveMeasurementOptions {
  world: WorldModel;
  loinc: string;
  age: number;
  baseline: Baseline;
  /** Findings the visit's condition made present (finding indexes). */
  drawn: ReadonlySet<number>;
  random: Random;
}

export interface ResolvedMeasurement {
  spec: MeasurementSpec;
  value: number;
  /** Threshold findings on this LOINC with their state read from the value. */
  states: readonly { finding: number; present: boolean }[];
}

const isUp = (r: ThresholdRule): boolean => r.comparator === '>' || r.comparator === '>=';

function intersect(a: Interval, b: Interval): Interval {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function resolveMeasurement(
  options: ResolveMeasurementOptions,
): ResolvedMeasurement | undefined {
  const { world, loinc, age, baseline, drawn, random } = options;
  const spec = MEASUREMENT_BY_LOINC.get(loinc);
  if (!spec) {
    return undefined;
  }
  const mean = Number.isFinite(baseline.mean)
    ? baseline.mean
    : (spec.normal[0] + spec.normal[1]) / 2;
  const today = mean + random.normal() * baseline.sd;
  const rules = (world.thresholdFindings.get(loinc) ?? []).flatMap((fi) => {
    const f = world.findings[fi];
    const rule = f && ruleFor(f, age);
    return rule ? [{ finding: fi, rule, drawn: drawn.has(fi) }] : [];
  });
  const pushed = rules.filter((r) => r.drawn);
  // The visit's condition decides the direction when it pushes both ways (fever beats hypothermia).
  const direction = pushed.some((r) => isUp(r.rule))
    ? 'up'
    : pushed.length > 0
      ? 'down'
      : undefined;
  let interval: Interval = { lo: spec.hard[0], hi: spec.hard[1] };
  for (const r of pushed) {
    if ((direction === 'up') === isUp(r.rule)) {
      interval = intersect(interval, ruleInterval(r.rule, true, spec));
    }
  }
  for (const r of rules) {
    if (r.drawn && (direction === 'up') === isUp(r.rule)) {
      continue;
    }
    const candidate = intersect(interval, ruleInterval(r.rule, satisfies(today, r.rule), spec));
    if (candidate.lo <= candidate.hi) {
      interval = candidate;
    }
  }
  const value = drawValue({ spec, interval, preferred: today, random });
  return {
    spec,
    value,
    states: rules.map((r) => ({ finding: r.finding, present: satisfies(value, r.rule) })),
  };
}
