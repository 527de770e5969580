/**
 * Acute presentations month by month: KB priors by sex and age band × the condition's case mix ×
 * true chronic risk factors × attributes × the patient's exposure clusters × seasonality × a
 * recurrence boost after each episode (decaying, condition-specific) × acute risk factors for a year
 * after their episode × a latent per-patient propensity for recurrent conditions; no menstrual or
 * pregnancy conditions after menopause. Rates that only change with the patient's state are summed
 * once per state; only seasonal, recently-episodic or acute-risk conditions are re-weighed each month.
 */
import { attributeMultiplier, attributeStates, isPostmenopausal } from './attribute-states.js';
import { AGE_BANDS } from '@mediassist/shared/kb';
import { ageAt, ageBandOf, DAY_MS, YEAR_MS, type PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export interface AcuteVisit {
  ms: number;
  condition: number;
}

const ACUTE_RF_WINDOW_MS = 365 * DAY_MS;
const VTE = new Set(['deep-vein-thrombosis', 'pulmonary-embolism']);
const DECAY_MS = WORLD_PARAMS.recurrenceDecayDays * DAY_MS;

export function drawAcuteVisits(options: {
  world: WorldModel;
  profile: PatientProfile;
  from: number;
  endMs: number;
  random: Random;
}): AcuteVisit[] {
  const { world, profile, from, endMs, random } = options;
  const { acute, acuteTables: tables } = world;
  const n = acute.length;
  const lastEpisode = new Float64Array(world.conditions.length).fill(Number.NEGATIVE_INFINITY);
  const propensity = new Float64Array(n).fill(1);
  const sd = WORLD_PARAMS.recurrencePropensitySd;
  acute.forEach((ci, k) => {
    if (world.conditions[ci]?.recurrent) {
      propensity[k] = Math.exp(random.normal() * sd - (sd * sd) / 2);
    }
  });
  const staticW = new Float64Array(n);
  const acuteRiskFactors = acute.map((ci) => {
    const rfs = world.conditions[ci]?.acuteRiskFactors ?? [];
    return rfs.length > 0 ? rfs : undefined;
  });
  const dynamic = Uint8Array.from(tables.dynamic);
  const dynamicList: number[] = [];
  dynamic.forEach((d, k) => {
    if (d) {
      dynamicList.push(k);
    }
  });
  const weights = new Float64Array(n);
  let staticSum = 0;
  const onsets = profile.chronic.map((p) => p.onsetMs).sort((a, b) => a - b);
  let stateKey = -1;
  const clusterWeight = new Float64Array(world.clusters.length).fill(1);
  let hadVte = false;
  const visits: AcuteVisit[] = [];
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
    // Attribute states change with age (whole years are enough), chronic onsets and a first clot.
    const key =
      Math.floor(age) * 100_000 +
      AGE_BANDS.indexOf(band) * 1000 +
      activeCount * 10 +
      (hadVte ? 2 : 0);
    if (key !== stateKey) {
      stateKey = key;
      const states = attributeStates({ world, profile, ms: monthStart, lastEpisode });
      const active = new Set(
        profile.chronic.filter((p) => p.onsetMs <= monthStart).map((p) => p.condition),
      );
      const postmenopausal = isPostmenopausal(profile, age);
      for (let c = 0; c < clusterWeight.length; c++) {
        const attribute = world.clusterAttribute[c];
        const odds = world.clusters[c]?.attribute?.odds ?? 1;
        clusterWeight[c] =
          (profile.exposure[c] ?? 1) *
          (attribute !== undefined && states.has(attribute) ? odds : 1);
      }
      staticSum = 0;
      for (let k = 0; k < n; k++) {
        const wc = world.conditions[acute[k] ?? -1];
        let w = wc ? (wc.condition.prior[profile.sex][band] / 1000) * wc.caseMix : 0;
        if (wc && postmenopausal && wc.premenopausal) {
          w = 0;
        }
        if (wc && w > 0) {
          for (const rf of wc.chronicRiskFactors) {
            if (active.has(rf.index)) {
              w *= rf.oddsRatio;
            }
          }
          for (const c of wc.clusters) {
            w *= clusterWeight[c] ?? 1;
          }
          w *= attributeMultiplier(wc, states) * (propensity[k] ?? 1);
        }
        staticW[k] = w;
        if (!dynamic[k]) {
          staticSum += w;
        }
      }
    }
    let total = staticSum;
    for (const k of dynamicList) {
      let w = (staticW[k] ?? 0) * (tables.season[k * 12 + month] ?? 1);
      const ci = acute[k] ?? -1;
      const last = lastEpisode[ci] ?? Number.NEGATIVE_INFINITY;
      if (w > 0 && Number.isFinite(last)) {
        w = tables.recurs[k]
          ? w * (1 + (tables.boost[k] ?? 1) * Math.exp(-(monthStart - last) / DECAY_MS))
          : 0;
      }
      const rfs = acuteRiskFactors[k];
      if (rfs && w > 0) {
        for (const rf of rfs) {
          if (
            monthStart - (lastEpisode[rf.index] ?? Number.NEGATIVE_INFINITY) <
            ACUTE_RF_WINDOW_MS
          ) {
            w *= rf.oddsRatio;
          }
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
    for (let v = 0; v < count && total > 0; v++) {
      let u = random.next() * total;
      let chosen = -1;
      for (const k of dynamicList) {
        u -= weights[k] ?? 0;
        if (u < 0) {
          chosen = k;
          break;
        }
      }
      for (let k = 0; chosen < 0 && k < n; k++) {
        if (!dynamic[k]) {
          u -= staticW[k] ?? 0;
          if (u < 0) {
            chosen = k;
          }
        }
      }
      const ci = acute[chosen];
      if (ci === undefined) {
        break;
      }
      const ms = monthStart + Math.floor(random.next() * (monthEnd - monthStart));
      visits.push({ ms, condition: ci });
      lastEpisode[ci] = ms;
      hadVte ||= VTE.has(world.conditions[ci]?.condition.id ?? '');
      // From now on its rate depends on time since this episode; none more this month.
      if (dynamic[chosen]) {
        total -= weights[chosen] ?? 0;
      } else {
        dynamic[chosen] = 1;
        dynamicList.push(chosen);
        staticSum -= staticW[chosen] ?? 0;
        total -= staticW[chosen] ?? 0;
      }
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
