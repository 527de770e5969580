/** One encounter's facts → its FHIR resources (Encounter, Observations, Conditions, orders, note). */
import { CODE_SYSTEMS } from '@mediassist/shared/kb';
import type { EncounterFacts } from './encounter-facts.js';
import { isoDateTime } from './fhir-datatypes.js';
import {
  qualitativeObservation,
  quantityObservation,
  smokingObservation,
} from './fhir-observations.js';
import { immunizationResource, procedureResource } from './care-resources.js';
import { BODY_HEIGHT, BODY_WEIGHT, MEASUREMENT_BY_LOINC } from './measurements.js';
import type { PhraseBook } from './note-phrases.js';
import type { ObservationContext, ObservationJson } from './observation-json.js';
import type { ResourceJson } from './resource-json.js';
import { writeNote } from './note-writer.js';
import type { PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';

export const RESOURCE_TYPES = [
  'Patient',
  'Encounter',
  'Condition',
  'Observation',
  'MedicationRequest',
  'Procedure',
  'Immunization',
  'AllergyIntolerance',
  'DocumentReference',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Where generated resources go (an ndjson part writer, or a test's array). */
export interface ResourceSink {
  /** One resource as its JSON line (without the newline). */
  write(type: ResourceType, json: string): void;
}

export interface EmitEncounterOptions {
  world: WorldModel;
  phrases: PhraseBook;
  sink: ResourceSink;
  profile: PatientProfile;
  facts: EncounterFacts;
  problemIds: ReadonlyMap<number, string>;
  /** The export's end: acute diagnoses older than 30 days by then are resolved. */
  exportEndMs: number;
  observations: ObservationJson;
  resources: ResourceJson;
  random: Random;
}

const SPO2_PULSE_OX = {
  system: CODE_SYSTEMS.loinc,
  code: '59408-5',
  display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
};

export function emitEncounter(options: EmitEncounterOptions): void {
  const { world, phrases, sink, profile, facts, problemIds, observations, resources, random } =
    options;
  const patientId = profile.id;
  const encounterId = facts.id;
  const ms = facts.startMs;
  const write = (type: ResourceType, resource: object): void => {
    sink.write(type, JSON.stringify(resource));
  };
  const cc =
    facts.chiefComplaint === undefined ? undefined : world.findings[facts.chiefComplaint]?.finding;
  const startIso = isoDateTime(facts.startMs);
  const endIso = isoDateTime(facts.endMs);
  sink.write(
    'Encounter',
    resources.encounter(
      {
        id: encounterId,
        patientId,
        type: facts.kind === 'acute' || facts.kind === 'new-problem' ? 'symptom' : facts.kind,
        encounterClass: facts.encounterClass,
        startMs: facts.startMs,
        endMs: facts.endMs,
        reason: cc && { ...cc.code, display: cc.display },
      },
      { start: startIso, end: endIso },
    ),
  );
  const effective = startIso;
  const ctx = (): ObservationContext => ({ id: random.uuid(), patientId, encounterId, effective });
  const findings = (
    ids: readonly number[],
    present: boolean,
    category: 'exam' | 'social-history',
  ): void => {
    for (const fi of ids) {
      const f = world.findings[fi]?.finding;
      if (f) {
        sink.write(
          'Observation',
          observations.finding(ctx(), { coding: f.code, display: f.display, present, category }),
        );
      }
    }
  };
  findings(facts.present, true, 'exam');
  findings(facts.absent, false, 'exam');
  const diastolic = facts.measured.find((m) => m.loinc === '8462-4')?.value;
  for (const m of facts.measured) {
    const spec = MEASUREMENT_BY_LOINC.get(m.loinc);
    if (!spec || m.loinc === '8462-4') {
      continue;
    }
    if (m.loinc === '8480-6') {
      sink.write(
        'Observation',
        observations.bloodPressure(ctx(), { systolic: m.value, diastolic: diastolic ?? 0 }),
      );
      continue;
    }
    const coding = { system: CODE_SYSTEMS.loinc, code: spec.loinc, display: spec.display };
    sink.write(
      'Observation',
      observations.quantity(ctx(), {
        category: spec.category,
        codings: m.loinc === '2708-6' ? [coding, SPO2_PULSE_OX] : [coding],
        display: spec.display,
        value: m.value,
        unit: spec.unit,
      }),
    );
  }
  for (const [body, value] of [
    [BODY_WEIGHT, facts.weightKg],
    [BODY_HEIGHT, facts.heightCm],
  ] as const) {
    if (value !== undefined) {
      const coding = { system: CODE_SYSTEMS.loinc, code: body.loinc, display: body.display };
      sink.write(
        'Observation',
        observations.quantity(ctx(), {
          category: 'vital-signs',
          codings: [coding],
          display: body.display,
          value,
          unit: body.unit,
        }),
      );
    }
  }
  const base = { patientId, encounterId, ms };
  if (facts.smoking !== undefined) {
    write('Observation', smokingObservation({ ...base, id: random.uuid(), status: facts.smoking }));
  }
  for (const r of facts.socialHistory) {
    findings([r.finding], r.present, 'social-history');
  }
  const acute = facts.kind === 'acute';
  const diagnosisIds = new Map<number, string>();
  for (const ci of facts.diagnoses) {
    const c = world.conditions[ci]?.condition;
    if (!c) {
      continue;
    }
    const id = random.uuid();
    diagnosisIds.set(ci, id);
    const resolved = acute && options.exportEndMs - facts.endMs > 30 * 86_400_000;
    sink.write(
      'Condition',
      resources.condition(
        {
          id,
          patientId,
          encounterId,
          condition: c,
          category: 'encounter-diagnosis',
          clinicalStatus: resolved ? 'resolved' : 'active',
          recordedMs: facts.endMs,
          onsetMs: acute ? ms : undefined,
        },
        { recorded: endIso, onset: acute ? startIso : undefined },
      ),
    );
  }
  for (const p of facts.prescriptions) {
    sink.write(
      'MedicationRequest',
      resources.medicationRequest(
        {
          patientId,
          prescription: p,
          reasonConditionId: diagnosisIds.get(p.condition) ?? problemIds.get(p.condition),
        },
        isoDateTime(p.authoredMs),
      ),
    );
  }
  for (const r of facts.preventive) {
    const id = random.uuid();
    switch (r.resource) {
      case 'Immunization':
        write(
          'Immunization',
          immunizationResource({
            id,
            patientId,
            encounterId,
            coding: r.coding,
            display: r.display,
            ms,
          }),
        );
        break;
      case 'Procedure':
        write(
          'Procedure',
          procedureResource({
            id,
            patientId,
            encounterId,
            coding: r.coding,
            display: r.display,
            ms,
          }),
        );
        break;
      case 'Observation':
        write(
          'Observation',
          r.value.kind === 'quantity'
            ? quantityObservation({
                ...base,
                id,
                category: r.category,
                codings: [r.coding],
                display: r.display,
                value: r.value.value,
                unit: r.value.unit,
              })
            : qualitativeObservation({
                ...base,
                id,
                coding: r.coding,
                display: r.display,
                positive: r.value.positive,
              }),
        );
        break;
      default:
        r satisfies never;
    }
  }
  const text = writeNote({
    world,
    phrases,
    facts,
    sex: profile.sex,
    allergies: profile.allergies,
    random,
  });
  sink.write(
    'DocumentReference',
    resources.note(
      { id: random.uuid(), patientId, encounterId, startMs: facts.startMs, endMs: facts.endMs },
      { base64: Buffer.from(text, 'utf8').toString('base64'), start: startIso, end: endIso },
    ),
  );
}
