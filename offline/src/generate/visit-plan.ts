/**
 * When a patient comes, and why: acute presentations month by month (KB priors by sex and age band ×
 * chronic risk factors × attributes × seasonality × a recurrence boost after each episode and a
 * latent per-patient propensity for recurrent conditions), the visit where each chronic problem is
 * first diagnosed, chronic follow-ups and wellness visits (Poisson counts per year).
 */
import { attributeMultiplier, attributeStates } from './attribute-states.js';
import { ageAt, ageBandOf, DAY_MS, YEAR_MS, type PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export type PlannedVisit =
  | { kind: 'acute'; ms: number; condition: number }
  | { kind: 'new-problem'; ms: number; condition: number }
  | { kind: 'follow-up'; ms: number; addressed: readonly number[] }
  | { kind: 'wellness'; ms: number };

export interface PlanVisitsOptions {
  world: WorldModel;
  profile: PatientProfile;
  startMs: number;
  endMs: number;
  random: Random;
}

const ACUTE_RF_WINDOW_MS = 365 * DAY_MS;
const VTE = new Set(['deep-vein-thrombosis', 'pulmonary-embolism']);

function drawAcute(options: PlanVisitsOptions, from: number): PlannedVisit[] {
  const { world, profile, endMs, random } = options;
  const n = world.conditions.length;
  const lastEpisode = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const propensity = new Float64Array(n).fill(1);
  const sd = WORLD_PARAMS.recurrencePropensitySd;
  for (const ci of world.acute) {
    if (world.conditions[ci]?.recurrent) {
      propensity[ci] = Math.exp(random.normal() * sd - (sd * sd) / 2);
    }
  }
  const acute = world.acute;
  const staticW = new Float64Array(acute.length);
  const weights = new Float64Array(acute.length);
  const onsets = profile.chronic.map((p) => p.onsetMs).sort((a, b) => a - b);
  const withEpisode = new Set<number>();
  let stateKey = '';
  let hadVte = false;
  const visits: PlannedVisit[] = [];
  const start = new Date(from);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  for (;;) {
    const monthStart = Math.max(from, Date.UTC(year, month, 1));
    const monthEnd = Math.min(endMs, Date.UTC(year, month + 1, 1));
    if (monthStart >= endMs) {
      break;
    }
    const age = ageAt(profile, monthStart);
    const band = ageBandOf(age);
    let activeCount = 0;
    while (activeCount < onsets.length && (onsets[activeCount] ?? Infinity) <= monthStart) {
      activeCount++;
    }
    const key = `${band}|${String(activeCount)}|${String(hadVte)}|${String(age >= 16 && age < 62)}`;
    if (key !== stateKey) {
      stateKey = key;
      const states = attributeStates({ world, profile, ms: monthStart, lastEpisode });
      const activeIds = new Set(
        profile.chronic.filter((p) => p.onsetMs <= monthStart).map((p) => p.condition),
      );
      acute.forEach((ci, k) => {
        const wc = world.conditions[ci];
        let w = wc ? wc.condition.prior[profile.sex][band] / 1000 : 0;
        if (wc && w > 0) {
          for (const rf of wc.chronicRiskFactors) {
            if (activeIds.has(rf.index)) {
              w *= rf.oddsRatio;
            }
          }
          w *= attributeMultiplier(wc, states, world) * (propensity[ci] ?? 1);
        }
        staticW[k] = w;
      });
    }
    let total = 0;
    for (let k = 0; k < acute.length; k++) {
      let w = staticW[k] ?? 0;
      if (w === 0) {
        weights[k] = 0;
        continue;
      }
      const ci = acute[k] ?? 0;
      const wc = world.conditions[ci];
      if (wc?.seasonByMonth) {
        w *= wc.seasonByMonth[month] ?? 1;
      }
      if (wc && withEpisode.has(ci)) {
        const last = lastEpisode[ci] ?? 0;
        const decay = Math.exp(-(monthStart - last) / (WORLD_PARAMS.recurrenceDecayDays * DAY_MS));
        w = wc.recurs ? w * (1 + wc.recurrenceBoost * decay) : 0;
      }
      for (const rf of wc?.acuteRiskFactors ?? []) {
        const t = lastEpisode[rf.index] ?? Number.NEGATIVE_INFINITY;
        if (monthStart - t < ACUTE_RF_WINDOW_MS) {
          w *= rf.oddsRatio;
        }
      }
      weights[k] = w;
      total += w;
    }
    const burden = 1 + WORLD_PARAMS.acuteBurdenPerChronic * activeCount;
    const span = (monthEnd - monthStart) / YEAR_MS;
    const count = random.poisson(
      total * WORLD_PARAMS.acuteVisitScale * profile.visitPropensity * burden * span,
    );
    for (let v = 0; v < count; v++) {
      let u = random.next() * total;
      let chosen = -1;
      for (let k = 0; k < acute.length; k++) {
        u -= weights[k] ?? 0;
        if (u < 0) {
          chosen = k;
          break;
        }
      }
      const ci = acute[chosen];
      if (ci === undefined) {
        continue;
      }
      const ms = monthStart + Math.floor(random.next() * (monthEnd - monthStart));
      visits.push({ kind: 'acute', ms, condition: ci });
      lastEpisode[ci] = ms;
      withEpisode.add(ci);
      hadVte ||= VTE.has(world.conditions[ci]?.condition.id ?? '');
      total -= weights[chosen] ?? 0;
      weights[chosen] = 0;
    }
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return visits;
}

function drawRoutine(options: PlanVisitsOptions, from: number): PlannedVisit[] {
  const { world, profile, endMs, random } = options;
  const visits: PlannedVisit[] = [];
  for (let t = from; t < endMs; t += YEAR_MS) {
    const sliceEnd = Math.min(endMs, t + YEAR_MS);
    const span = (sliceEnd - t) / YEAR_MS;
    const followed = profile.chronic.filter(
      (p) => p.onsetMs < sliceEnd && world.conditions[p.condition]?.followed,
    );
    if (followed.length > 0) {
      const fu = WORLD_PARAMS.followUp;
      const rate = Math.min(fu.max, fu.base + fu.perCondition * (followed.length - 1));
      const count = random.poisson(rate * span * Math.sqrt(profile.visitPropensity));
      const earliest = Math.max(t, Math.min(...followed.map((p) => p.onsetMs)) + 14 * DAY_MS);
      for (let k = 0; k < count && earliest < sliceEnd; k++) {
        const ms = earliest + Math.floor(random.next() * (sliceEnd - earliest));
        const addressed = followed.filter((p) => p.onsetMs <= ms).map((p) => p.condition);
        if (addressed.length > 0) {
          visits.push({ kind: 'follow-up', ms, addressed });
        }
      }
    }
    const age = ageAt(profile, t);
    const rate = WORLD_PARAMS.wellnessPerYear[ageBandOf(age)] * (0.3 + 1.4 * profile.adherence);
    const cap = age < 5 ? 3 : 1;
    const count = Math.min(cap, random.poisson(rate * span));
    for (let k = 0; k < count; k++) {
      visits.push({ kind: 'wellness', ms: t + Math.floor(random.next() * (sliceEnd - t)) });
    }
  }
  return visits;
}

/** All visits of the patient in [startMs, endMs), in time order. */
export function planVisits(options: PlanVisitsOptions): PlannedVisit[] {
  const { profile, startMs, endMs } = options;
  const from = Math.max(startMs, profile.birthMs);
  if (from >= endMs) {
    return [];
  }
  const visits = [...drawAcute(options, from), ...drawRoutine(options, from)];
  for (const p of profile.chronic) {
    if (p.onsetMs >= from && p.onsetMs < endMs) {
      visits.push({ kind: 'new-problem', ms: p.onsetMs, condition: p.condition });
    }
  }
  return visits.sort((a, b) => a.ms - b.ms);
}
