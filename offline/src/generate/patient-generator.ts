/**
 * One patient's whole record, from the patient's own random stream (seed, index): profile, identity,
 * standing history, planned visits, then each visit's facts (symptom-visit.ts, routine-visit.ts)
 * turned into FHIR resources and a note (emit-encounter.ts). Streams resources to a sink as it goes;
 * keeps nothing after the patient is done.
 */
import type { EncounterClass, EncounterFacts } from './encounter-facts.js';
import { emitEncounter, type ResourceSink } from './emit-encounter.js';
import type { IdentityFactory } from './identity.js';
import type { PhraseBook } from './note-phrases.js';
import { createObservationJson } from './observation-json.js';
import { smokingAt } from './patient-attributes.js';
import { ageAt, DAY_MS, drawProfile } from './patient-profile.js';
import { patientResource } from './patient-resource.js';
import { createRandom, type Random } from './random.js';
import { createResourceJson } from './resource-json.js';
import { followUpFacts, wellnessFacts } from './routine-visit.js';
import { emitStandingHistory } from './standing-history.js';
import { symptomVisitFacts } from './symptom-visit.js';
import type { PatientState, VisitContext } from './visit-context.js';
import { createVisitMeasurer } from './visit-measurer.js';
import { planVisits, type PlannedVisit } from './visit-plan.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export interface PatientGeneratorOptions {
  world: WorldModel;
  seed: number;
  startMs: number;
  endMs: number;
  identities: IdentityFactory;
  phrases: PhraseBook;
}

export interface PatientSummary {
  encounters: number;
}

export interface PatientGenerator {
  generate(index: number, sink: ResourceSink): PatientSummary;
}

/** Lab LOINC → preventive services its result satisfies. */
function servicesByLoinc(world: WorldModel): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of world.kb.preventiveServices) {
    for (const testId of s.satisfiedBy) {
      for (const c of world.kb.test(testId)?.codes ?? []) {
        if (c.system === 'http://loinc.org') {
          map.set(c.code, [...(map.get(c.code) ?? []), s.id]);
        }
      }
    }
  }
  return map;
}

export function createPatientGenerator(options: PatientGeneratorOptions): PatientGenerator {
  const { world, seed, startMs, endMs, identities, phrases } = options;
  const observations = createObservationJson();
  const ctx: VisitContext = {
    world,
    endMs,
    measurer: createVisitMeasurer({ world }),
    resources: createResourceJson(),
    servicesByLoinc: servicesByLoinc(world),
  };

  function classFor(visit: PlannedVisit, random: Random): EncounterClass {
    if (visit.kind !== 'acute') {
      return 'AMB';
    }
    const urgency = world.conditions[visit.condition]?.condition.urgency;
    if (urgency === 'emergency') {
      return random.chance(WORLD_PARAMS.emergencyDepartmentShare) ? 'EMER' : 'AMB';
    }
    return urgency === 'routine' && random.chance(WORLD_PARAMS.virtualVisitShare) ? 'VR' : 'AMB';
  }

  function visitFacts(state: PatientState, visit: PlannedVisit, sink: ResourceSink) {
    const { profile, random } = state;
    const id = random.uuid();
    const day = Math.floor(visit.ms / DAY_MS) * DAY_MS;
    const encounterClass = classFor(visit, random);
    const start =
      day +
      (encounterClass === 'EMER' ? random.int(24 * 60) : 13 * 60 + random.int(9 * 60)) * 60_000;
    const base: EncounterFacts = {
      id,
      kind: visit.kind,
      encounterClass,
      startMs: start,
      endMs: start + (15 + random.int(encounterClass === 'EMER' ? 240 : 30)) * 60_000,
      age: ageAt(profile, start),
      chiefComplaint: undefined,
      present: [],
      absent: [],
      measured: [],
      weightKg: undefined,
      heightCm: undefined,
      diagnoses: [],
      prescriptions: [],
      preventive: [],
      problems: profile.chronic.filter((p) => p.onsetMs < visit.ms).map((p) => p.condition),
      ongoingMedications: state.chronicPrescriptions.filter((p) => p.authoredMs < visit.ms),
      smoking: undefined,
      socialHistory: [],
    };
    const active = ctx.measurer.activeIds(
      state,
      visit.kind === 'new-problem' ? visit.ms - 1 : visit.ms,
    );
    switch (visit.kind) {
      case 'acute':
      case 'new-problem':
        return symptomVisitFacts({ ctx, state, visit, base, active, sink });
      case 'follow-up':
        return followUpFacts({ ctx, state, visit, base, active });
      case 'wellness':
        return wellnessFacts({ ctx, state, visit, base, active });
      default:
        return visit satisfies never;
    }
  }

  return {
    generate(index, sink) {
      const random = createRandom('patient', seed, index);
      const profile = drawProfile({ world, index, endMs, random });
      const identity = identities.draw({ sex: profile.sex, age: profile.ageAtEnd, random });
      sink.write(
        'Patient',
        JSON.stringify(
          patientResource({
            id: profile.id,
            identity,
            gender: profile.sex,
            birthMs: profile.birthMs,
          }),
        ),
      );
      const state: PatientState = {
        profile,
        random,
        ranks: new Map(),
        lastEpisode: new Float64Array(world.conditions.length).fill(Number.NEGATIVE_INFINITY),
        chronicPrescriptions: [],
        problemIds: new Map(),
        lastDone: new Map(),
        known: new Set(),
      };
      const windowStart = Math.max(startMs, profile.birthMs);
      emitStandingHistory({
        world,
        resources: ctx.resources,
        sink,
        profile,
        windowStart,
        random,
        problemIds: state.problemIds,
        chronicPrescriptions: state.chronicPrescriptions,
      });
      const visits = planVisits({ world, profile, startMs: windowStart, endMs, random });
      let first = true;
      for (const visit of visits) {
        const facts = visitFacts(state, visit, sink);
        // The first visit of the window records smoking status when nothing else does.
        const smoking =
          first && facts.smoking === undefined && facts.age >= 12
            ? smokingAt(profile.traits, facts.age)
            : facts.smoking;
        emitEncounter({
          world,
          phrases,
          sink,
          profile,
          facts: { ...facts, smoking },
          problemIds: state.problemIds,
          exportEndMs: endMs,
          observations,
          resources: ctx.resources,
          random,
        });
        first = false;
      }
      return { encounters: visits.length };
    },
  };
}
