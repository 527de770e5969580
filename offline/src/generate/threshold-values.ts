/**
 * Values on either side of a KB threshold: the interval a finding state allows (at the measurement's
 * rounding step, strict or not), and a value inside it as close as possible to the patient's own.
 */
import type { MeasurementSpec } from './measurements.js';
import type { Random } from './random.js';

/** One threshold on a measurement, as a KB finding defines it. */
export interface ThresholdRule {
  comparator: '>' | '>=' | '<' | '<=';
  value: number;
}

/** Closed interval [lo, hi] of values a measurement may take. */
export interface Interval {
  lo: number;
  hi: number;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The values (rounded to the spec's step) that satisfy a threshold, or its negation. */
export function ruleInterval(
  rule: ThresholdRule,
  satisfied: boolean,
  spec: MeasurementSpec,
): Interval {
  const step = 10 ** -spec.decimals;
  const [hardLo, hardHi] = spec.hard;
  const { comparator, value } = rule;
  const upward = comparator === '>' || comparator === '>=';
  const strict = comparator === '>' || comparator === '<';
  if (upward === satisfied) {
    // value above: '>' v → v + step; '>=' v → v; negated '<' v → v; negated '<=' v → v + step
    const lo = upward ? (strict ? value + step : value) : strict ? value : value + step;
    return { lo: roundTo(Math.max(hardLo, lo), spec.decimals), hi: hardHi };
  }
  const hi = upward ? (strict ? value : value - step) : strict ? value - step : value;
  return { lo: hardLo, hi: roundTo(Math.min(hardHi, hi), spec.decimals) };
}

export function satisfies(value: number, rule: ThresholdRule): boolean {
  switch (rule.comparator) {
    case '>':
      return value > rule.value;
    case '>=':
      return value >= rule.value;
    case '<':
      return value < rule.value;
    case '<=':
      return value <= rule.value;
    default:
      return rule.comparator satisfies never;
  }
}

export interface DrawValueOptions {
  spec: MeasurementSpec;
  interval: Interval;
  /** The patient's value today if nothing else acted on it. */
  preferred: number;
  random: Random;
}

/** A value inside the interval, as close to the preferred value as the interval allows. */
export function drawValue({ spec, interval, preferred, random }: DrawValueOptions): number {
  const { lo, hi } = interval;
  const step = 10 ** -spec.decimals;
  let v = roundTo(preferred, spec.decimals);
  if (v < lo || v > hi) {
    const [nLo, nHi] = spec.normal;
    const overlapLo = Math.max(lo, nLo);
    const overlapHi = Math.min(hi, nHi);
    if (overlapLo <= overlapHi) {
      v = overlapLo + random.next() * (overlapHi - overlapLo);
    } else if (hi < nLo) {
      v = hi - Math.abs(random.normal()) * spec.spread * 0.6;
    } else {
      v = lo + Math.abs(random.normal()) * spec.spread * 0.6;
    }
    v = roundTo(Math.min(hi, Math.max(lo, v)), spec.decimals);
  }
  // Rounding can step outside a strict bound: nudge back inside.
  if (v < lo) {
    v = roundTo(v + step, spec.decimals);
  }
  if (v > hi) {
    v = roundTo(v - step, spec.decimals);
  }
  return v;
}
