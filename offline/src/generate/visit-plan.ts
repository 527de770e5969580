/**
 * When a patient comes, and why: acute presentations (acute-visits.ts), the visit where each chronic
 * problem is first diagnosed, chronic follow-ups and wellness visits (Poisson counts per year).
 */
import { drawAcuteVisits } from './acute-visits.js';
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
  const acute = drawAcuteVisits({ ...options, from }).map((v): PlannedVisit => ({
    kind: 'acute',
    ms: v.ms,
    condition: v.condition,
  }));
  const visits = [...acute, ...drawRoutine(options, from)];
  for (const p of profile.chronic) {
    if (p.onsetMs >= from && p.onsetMs < endMs) {
      visits.push({ kind: 'new-problem', ms: p.onsetMs, condition: p.condition });
    }
  }
  return visits.sort((a, b) => a.ms - b.ms);
}
