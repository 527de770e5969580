/**
 * What a patient's record already holds when the export window opens: problem-list Conditions for
 * chronic problems diagnosed before it, their ongoing prescriptions, and drug allergies.
 */
import { concreteDose } from './dose-text.js';
import type { ResourceSink } from './emit-encounter.js';
import type { Prescription } from './encounter-facts.js';
import { isoDateTime } from './fhir-datatypes.js';
import { allergyResource } from './care-resources.js';
import { DAY_MS, type PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { ResourceJson } from './resource-json.js';
import type { WorldModel } from './world-model.js';

export interface StandingHistoryOptions {
  world: WorldModel;
  resources: ResourceJson;
  sink: ResourceSink;
  profile: PatientProfile;
  windowStart: number;
  random: Random;
  /** Filled: condition index → problem-list Condition id. */
  problemIds: Map<number, string>;
  /** Filled: the ongoing chronic prescriptions. */
  chronicPrescriptions: Prescription[];
}

export function emitStandingHistory(options: StandingHistoryOptions): void {
  const { world, resources, sink, profile, windowStart, random, problemIds, chronicPrescriptions } =
    options;
  for (const problem of profile.chronic) {
    if (problem.onsetMs >= windowStart) {
      continue;
    }
    const problemId = random.uuid();
    problemIds.set(problem.condition, problemId);
    const c = world.conditions[problem.condition]?.condition;
    if (c) {
      const at = isoDateTime(problem.onsetMs);
      sink.write(
        'Condition',
        resources.condition(
          {
            id: problemId,
            patientId: profile.id,
            encounterId: undefined,
            condition: c,
            category: 'problem-list-item',
            clinicalStatus: 'active',
            recordedMs: problem.onsetMs,
            onsetMs: problem.onsetMs,
          },
          { recorded: at, onset: at },
        ),
      );
    }
    for (const drug of problem.drugs) {
      const prescription: Prescription = {
        id: random.uuid(),
        drug,
        doseText: concreteDose(drug.typicalDose),
        status: 'active',
        authoredMs: Math.max(problem.onsetMs, windowStart - random.int(365) * DAY_MS),
        encounterId: undefined,
        condition: problem.condition,
      };
      chronicPrescriptions.push(prescription);
      sink.write(
        'MedicationRequest',
        resources.medicationRequest(
          { patientId: profile.id, prescription, reasonConditionId: problemId },
          isoDateTime(prescription.authoredMs),
        ),
      );
    }
  }
  for (const allergy of profile.allergies) {
    sink.write(
      'AllergyIntolerance',
      JSON.stringify(
        allergyResource({
          id: random.uuid(),
          patientId: profile.id,
          allergy,
          recordedMs: windowStart,
        }),
      ),
    );
  }
}
