/**
 * What is prescribed at a visit: for an acute condition (75 %) a first-line drug, else a second-line
 * or symptomatic one, never one the patient is allergic to; for a new chronic problem, the patient's
 * usual drugs (drawn with the profile), active until the export ends.
 */
import type { Drug } from '@mediassist/shared/kb';
import { concreteDose } from './dose-text.js';
import type { Prescription } from './encounter-facts.js';
import { DAY_MS, type PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export function allowedFor(profile: PatientProfile): (d: Drug) => boolean {
  return (d) =>
    !profile.allergies.some(
      (a) => a.drug.rxcui === d.rxcui || d.classes.some((c) => a.avoidClasses.includes(c)),
    );
}

export interface PrescribeOptions {
  world: WorldModel;
  profile: PatientProfile;
  condition: number;
  encounter: { id: string; ms: number };
  exportEndMs: number;
  random: Random;
}

export function acutePrescriptions(options: PrescribeOptions): Prescription[] {
  const { world, profile, condition, encounter, exportEndMs, random } = options;
  const t = world.conditions[condition]?.treatments;
  if (!t || !random.chance(WORLD_PARAMS.acuteTreatedShare)) {
    return [];
  }
  const allowed = allowedFor(profile);
  const choices = [t.first, t.second, t.symptomatic]
    .map((l) => l.filter(allowed))
    .find((l) => l.length > 0);
  if (!choices) {
    return [];
  }
  const drug = random.chance(0.6) ? (choices[0] ?? random.pick(choices)) : random.pick(choices);
  return [
    {
      id: random.uuid(),
      drug,
      doseText: concreteDose(drug.typicalDose),
      status: exportEndMs - encounter.ms < 30 * DAY_MS ? 'active' : 'completed',
      authoredMs: encounter.ms,
      encounterId: encounter.id,
      condition,
    },
  ];
}

export function newProblemPrescriptions(options: Omit<PrescribeOptions, 'world' | 'exportEndMs'>) {
  const { profile, condition, encounter, random } = options;
  const problem = profile.chronic.find((x) => x.condition === condition);
  return (problem?.drugs ?? []).map((drug): Prescription => ({
    id: random.uuid(),
    drug,
    doseText: concreteDose(drug.typicalDose),
    status: 'active',
    authoredMs: encounter.ms,
    encounterId: encounter.id,
    condition,
  }));
}
