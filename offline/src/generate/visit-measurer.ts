/**
 * Measurements at routine visits and the patient's baselines: each patient keeps a rank per LOINC so
 * their values stay similar from visit to visit; diastolic pressure follows systolic.
 */
import type { Baseline } from './baselines.js';
import { baselineFor } from './baselines.js';
import { ageAt, heightAt, type PatientProfile } from './patient-profile.js';
import type { Measured } from './presentation.js';
import type { Random } from './random.js';
import { resolveMeasurement } from './resolve-measurement.js';
import type { WorldModel } from './world-model.js';

export interface MeasuredPatient {
  profile: PatientProfile;
  random: Random;
  ranks: Map<string, number>;
}

export interface PatientDay {
  age: number;
  active: ReadonlySet<string>;
}

export interface VisitMeasurer {
  /** Ids of the chronic conditions active at a time. */
  activeIds(state: MeasuredPatient, ms: number): Set<string>;
  baseline(state: MeasuredPatient, loinc: string, day: PatientDay): Baseline;
  /** Values for the LOINCs, from baselines only (no condition pushing them). */
  routine(state: MeasuredPatient, ms: number, loincs: readonly string[]): Measured[];
  /** Adds diastolic pressure after systolic, consistent with it. */
  withDiastolic(state: MeasuredPatient, measured: Measured[], day: PatientDay): Measured[];
  /** Body weight consistent with a measured BMI and the patient's height at that age. */
  weightKg(
    state: MeasuredPatient,
    visit: { measured: readonly Measured[]; age: number },
  ): number | undefined;
}

export function createVisitMeasurer({ world }: { world: WorldModel }): VisitMeasurer {
  const conditionId = (ci: number): string => world.conditions[ci]?.condition.id ?? '';
  const measurer: VisitMeasurer = {
    activeIds(state, ms) {
      return new Set(
        state.profile.chronic.filter((p) => p.onsetMs <= ms).map((p) => conditionId(p.condition)),
      );
    },
    baseline(state, loinc, { age, active }) {
      let rank = state.ranks.get(loinc);
      if (rank === undefined) {
        rank = state.random.next();
        state.ranks.set(loinc, rank);
      }
      return baselineFor(loinc, {
        age,
        sex: state.profile.sex,
        bmi: state.profile.bmi,
        active,
        rank,
      });
    },
    routine(state, ms, loincs) {
      const age = ageAt(state.profile, ms);
      const active = measurer.activeIds(state, ms);
      const out: Measured[] = [];
      for (const loinc of loincs) {
        const r = resolveMeasurement({
          world,
          loinc,
          age,
          baseline: measurer.baseline(state, loinc, { age, active }),
          drawn: new Set(),
          random: state.random,
        });
        if (r) {
          out.push({ loinc, value: r.value });
        }
      }
      return out;
    },
    withDiastolic(state, measured, day) {
      const sbp = measured.find((m) => m.loinc === '8480-6');
      if (!sbp) {
        return measured;
      }
      const base = measurer.baseline(state, '8462-4', day);
      const sbpBase = measurer.baseline(state, '8480-6', day);
      const raw =
        sbp.value < 90
          ? 48 + state.random.int(12)
          : base.mean + (sbp.value - sbpBase.mean) * 0.45 + state.random.normal() * 4;
      const dbp = Math.round(Math.max(35, Math.min(sbp.value - 20, raw)));
      return [...measured, { loinc: '8462-4', value: dbp }];
    },
    weightKg(state, { measured, age }) {
      const bmi = measured.find((m) => m.loinc === '39156-5')?.value;
      const h = heightAt(state.profile.heightCm, age) / 100;
      return bmi === undefined ? undefined : Math.round(bmi * h * h * 10) / 10;
    },
  };
  return measurer;
}
