/**
 * One patient's whole record, from the patient's own random stream (seed, index): profile, identity,
 * planned visits, then each visit's facts turned into FHIR resources and a note. Streams resources to
 * a sink as it goes; keeps nothing after the patient is done.
 */
import type { Drug } from '@mediassist/shared/kb';
import { attributeStates } from './attribute-states.js';
import { concreteDose } from './dose-text.js';
import type { EncounterClass, EncounterFacts, Prescription } from './encounter-facts.js';
import { emitEncounter, type ResourceSink, type ResourceType } from './emit-encounter.js';
import { createObservationJson } from './observation-json.js';
import { createResourceJson } from './resource-json.js';
import { isoDateTime } from './fhir-datatypes.js';
import { patientResource } from './fhir-resources.js';
import type { IdentityFactory } from './identity.js';
import type { Measured } from './presentation.js';
import { drawPresentation } from './presentation.js';
import { preventiveCareAt } from './preventive-care.js';
import { ageAt, DAY_MS, drawProfile, heightAt, type PatientProfile } from './patient-profile.js';
import { createRandom, type Random } from './random.js';
import { createVisitMeasurer } from './visit-measurer.js';
import { emitStandingHistory } from './standing-history.js';
import {
  CARDIORESPIRATORY,
  FOLLOW_UP_VITALS,
  monitoringLabs,
  WELLNESS_VITALS,
} from './routine-measurements.js';
import { planVisits, type PlannedVisit } from './visit-plan.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';
import type { PhraseBook } from './note-phrases.js';

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

interface PatientState {
  profile: PatientProfile;
  random: Random;
  lastEpisode: Float64Array;
  ranks: Map<string, number>;
  chronicPrescriptions: Prescription[];
  problemIds: Map<number, string>;
  lastDone: Map<string, number>;
}

function allowedFor(profile: PatientProfile): (d: Drug) => boolean {
  return (d) =>
    !profile.allergies.some(
      (a) => a.drug.rxcui === d.rxcui || d.classes.some((c) => a.avoidClasses.includes(c)),
    );
}

export function createPatientGenerator(options: PatientGeneratorOptions): PatientGenerator {
  const { world, seed, startMs, endMs, identities, phrases } = options;
  const observations = createObservationJson();
  const resources = createResourceJson();
  const write = (sink: ResourceSink, type: ResourceType, resource: object): void => {
    sink.write(type, JSON.stringify(resource));
  };
  const conditionId = (ci: number): string => world.conditions[ci]?.condition.id ?? '';
  const measurer = createVisitMeasurer({ world });

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

  function acutePrescriptions(
    state: PatientState,
    ci: number,
    facts: { id: string; ms: number },
  ): Prescription[] {
    const t = world.conditions[ci]?.treatments;
    if (!t || !state.random.chance(WORLD_PARAMS.acuteTreatedShare)) {
      return [];
    }
    const allowed = allowedFor(state.profile);
    const options = [t.first, t.second, t.symptomatic]
      .map((l) => l.filter(allowed))
      .find((l) => l.length > 0);
    if (!options) {
      return [];
    }
    const drug = state.random.chance(0.6)
      ? (options[0] ?? state.random.pick(options))
      : state.random.pick(options);
    return [
      {
        id: state.random.uuid(),
        drug,
        doseText: concreteDose(drug.typicalDose),
        status: endMs - facts.ms < 30 * DAY_MS ? 'active' : 'completed',
        authoredMs: facts.ms,
        encounterId: facts.id,
        condition: ci,
      },
    ];
  }

  function visitFacts(
    state: PatientState,
    visit: PlannedVisit,
    sink: ResourceSink,
  ): EncounterFacts {
    const { profile, random } = state;
    const id = random.uuid();
    const day = Math.floor(visit.ms / DAY_MS) * DAY_MS;
    const encounterClass = classFor(visit, random);
    const startMs =
      day +
      (encounterClass === 'EMER' ? random.int(24 * 60) : 13 * 60 + random.int(9 * 60)) * 60_000;
    const endMsVisit = startMs + (15 + random.int(encounterClass === 'EMER' ? 240 : 30)) * 60_000;
    const age = ageAt(profile, startMs);
    const active = measurer.activeIds(
      state,
      visit.kind === 'new-problem' ? visit.ms - 1 : visit.ms,
    );
    const problems = profile.chronic.filter((p) => p.onsetMs < visit.ms).map((p) => p.condition);
    const ongoing = state.chronicPrescriptions.filter((p) => p.authoredMs < visit.ms);
    const base: EncounterFacts = {
      id,
      kind: visit.kind,
      encounterClass,
      startMs,
      endMs: endMsVisit,
      age,
      chiefComplaint: undefined,
      present: [],
      absent: [],
      measured: [],
      weightKg: undefined,
      heightCm: undefined,
      diagnoses: [],
      prescriptions: [],
      preventive: [],
      problems,
      ongoingMedications: ongoing,
      smoking: undefined,
    };
    const weight = (measured: readonly Measured[]): number | undefined => {
      const bmi = measured.find((m) => m.loinc === '39156-5')?.value;
      const h = heightAt(profile.heightCm, age) / 100;
      return bmi === undefined ? undefined : Math.round(bmi * h * h * 10) / 10;
    };
    switch (visit.kind) {
      case 'acute':
      case 'new-problem': {
        const attributes = attributeStates({
          world,
          profile,
          ms: visit.ms,
          lastEpisode: state.lastEpisode,
        });
        const p = drawPresentation({
          world,
          condition: visit.condition,
          sex: profile.sex,
          age,
          inPerson: encounterClass !== 'VR',
          attributes,
          baseline: (loinc) => measurer.baseline(state, loinc, { age, active }),
          weigh: random.chance(0.3),
          diagnostic: visit.kind === 'new-problem',
          random,
        });
        const measured = measurer.withDiastolic(state, [...p.measured], { age, active });
        let prescriptions: Prescription[];
        if (visit.kind === 'acute') {
          state.lastEpisode[visit.condition] = visit.ms;
          prescriptions = acutePrescriptions(state, visit.condition, { id, ms: startMs });
        } else {
          const problem = profile.chronic.find((x) => x.condition === visit.condition);
          prescriptions = (problem?.drugs ?? []).map((drug) => ({
            id: random.uuid(),
            drug,
            doseText: concreteDose(drug.typicalDose),
            status: 'active' as const,
            authoredMs: startMs,
            encounterId: id,
            condition: visit.condition,
          }));
          state.chronicPrescriptions.push(...prescriptions);
          const problemId = random.uuid();
          state.problemIds.set(visit.condition, problemId);
          const c = world.conditions[visit.condition]?.condition;
          if (c) {
            const at = isoDateTime(startMs);
            sink.write(
              'Condition',
              resources.condition(
                {
                  id: problemId,
                  patientId: profile.id,
                  encounterId: id,
                  condition: c,
                  category: 'problem-list-item',
                  clinicalStatus: 'active',
                  recordedMs: startMs,
                  onsetMs: startMs,
                },
                { recorded: at, onset: at },
              ),
            );
          }
        }
        return {
          ...base,
          chiefComplaint: p.chiefComplaint,
          present: p.present,
          absent: p.absent,
          measured,
          weightKg: weight(measured),
          diagnoses: [visit.condition],
          prescriptions,
        };
      }
      case 'follow-up': {
        const addressedIds = visit.addressed.map(conditionId);
        const vitals: string[] = [...FOLLOW_UP_VITALS];
        if (addressedIds.some((c) => CARDIORESPIRATORY.has(c))) {
          vitals.push('2708-6', '9279-1');
        }
        if (random.chance(0.5)) {
          vitals.push('8310-5');
        }
        const labs = monitoringLabs(addressedIds, (p) => random.chance(p));
        const measured = measurer.withDiastolic(
          state,
          measurer.routine(state, startMs, [...vitals, ...labs]),
          { age, active },
        );
        for (const m of measured) {
          satisfyByLoinc(state, m.loinc, startMs);
        }
        return { ...base, measured, weightKg: weight(measured), diagnoses: visit.addressed };
      }
      case 'wellness': {
        const measured = measurer.withDiastolic(
          state,
          measurer.routine(state, startMs, WELLNESS_VITALS),
          {
            age,
            active,
          },
        );
        const attributes = attributeStates({
          world,
          profile,
          ms: visit.ms,
          lastEpisode: state.lastEpisode,
        });
        const preventive = preventiveCareAt({
          world,
          sex: profile.sex,
          age,
          ms: startMs,
          conditions: active,
          attributes: new Set([...attributes].map((fi) => world.findings[fi]?.finding.id ?? '')),
          adherence: profile.adherence,
          lastDone: state.lastDone,
          measure: (loinc) => measurer.routine(state, startMs, [loinc])[0]?.value,
          random,
        });
        return {
          ...base,
          measured,
          weightKg: weight(measured),
          heightCm: Math.round(heightAt(profile.heightCm, age)),
          preventive,
          smoking: age >= 12 ? profile.traits.smoking : undefined,
        };
      }
      default:
        return visit satisfies never;
    }
  }

  const servicesByLoinc = new Map<string, string[]>();
  for (const s of world.kb.preventiveServices) {
    for (const testId of s.satisfiedBy) {
      for (const c of world.kb.test(testId)?.codes ?? []) {
        if (c.system === 'http://loinc.org') {
          servicesByLoinc.set(c.code, [...(servicesByLoinc.get(c.code) ?? []), s.id]);
        }
      }
    }
  }
  function satisfyByLoinc(state: PatientState, loinc: string, ms: number): void {
    for (const id of servicesByLoinc.get(loinc) ?? []) {
      state.lastDone.set(id, ms);
    }
  }

  return {
    generate(index, sink) {
      const random = createRandom('patient', seed, index);
      const profile = drawProfile({ world, index, endMs, random });
      const identity = identities.draw({ sex: profile.sex, age: profile.ageAtEnd, random });
      write(
        sink,
        'Patient',
        patientResource({
          id: profile.id,
          identity,
          gender: profile.sex,
          birthMs: profile.birthMs,
        }),
      );
      const state: PatientState = {
        profile,
        random,
        lastEpisode: new Float64Array(world.conditions.length).fill(Number.NEGATIVE_INFINITY),
        ranks: new Map(),
        chronicPrescriptions: [],
        problemIds: new Map(),
        lastDone: new Map(),
      };
      const windowStart = Math.max(startMs, profile.birthMs);
      emitStandingHistory({
        world,
        resources,
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
        const smoking =
          first && facts.smoking === undefined && facts.age >= 12
            ? profile.traits.smoking
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
          resources,
          random,
        });
        first = false;
      }
      return { encounters: visits.length };
    },
  };
}
