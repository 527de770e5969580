import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESOURCE_TYPES, type ResourceType } from './emit-encounter.js';
import { generateInMemory, type InMemoryExport } from './testing/in-memory-export.js';

/** The elements of docs/specs/fhir-profile.md, per resource type (unknown extra elements allowed). */
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const ref = (type: string) =>
  z.object({ reference: z.string().regex(new RegExp(`^${type}/[0-9a-f-]{36}$`)) });
const coding = z.object({
  system: z.url().or(z.string().startsWith('urn:')),
  code: z.string().min(1),
  display: z.string().optional(),
});
const concept = z.object({ coding: z.array(coding).min(1), text: z.string().optional() });
const quantity = z.object({
  value: z.number(),
  unit: z.string().min(1),
  system: z.literal('http://unitsofmeasure.org'),
  code: z.string(),
});
const category = (codes: readonly string[]) =>
  z
    .array(
      z.object({
        coding: z.array(z.object({ code: z.enum(codes as [string, ...string[]]) })).min(1),
      }),
    )
    .min(1);

const SCHEMAS: Record<ResourceType, z.ZodType> = {
  Patient: z.object({
    resourceType: z.literal('Patient'),
    id: uuid,
    identifier: z.array(z.object({ system: z.string(), value: z.string().min(1) })).min(1),
    name: z
      .array(z.object({ family: z.string().min(1), given: z.array(z.string().min(1)).min(1) }))
      .min(1),
    gender: z.enum(['female', 'male']),
    birthDate: z.iso.date(),
    address: z
      .array(
        z.object({
          line: z.array(z.string()).min(1),
          city: z.string(),
          state: z.string().length(2),
          postalCode: z.string().regex(/^\d{5}$/),
        }),
      )
      .min(1),
    telecom: z
      .array(z.object({ system: z.enum(['phone', 'email']), value: z.string().min(3) }))
      .min(1),
  }),
  Encounter: z.object({
    resourceType: z.literal('Encounter'),
    id: uuid,
    status: z.literal('finished'),
    class: z.object({
      system: z.literal('http://terminology.hl7.org/CodeSystem/v3-ActCode'),
      code: z.enum(['AMB', 'EMER', 'VR']),
    }),
    type: z
      .array(
        z.object({
          coding: z.array(
            z.object({
              system: z.literal('http://snomed.info/sct'),
              code: z.enum(['185345009', '390906007', '162673000']),
            }),
          ),
        }),
      )
      .length(1),
    subject: ref('Patient'),
    period: z.object({ start: dateTime, end: dateTime }),
    reasonCode: z.array(concept).optional(),
  }),
  Condition: z.object({
    resourceType: z.literal('Condition'),
    id: uuid,
    clinicalStatus: z.object({
      coding: z.array(z.object({ code: z.enum(['active', 'resolved']) })),
    }),
    verificationStatus: z.object({
      coding: z.array(z.object({ code: z.enum(['confirmed', 'provisional']) })),
    }),
    category: category(['encounter-diagnosis', 'problem-list-item']),
    code: z
      .object({ coding: z.array(coding).min(1) })
      .refine((c) => c.coding[0]?.system === 'http://hl7.org/fhir/sid/icd-10-cm'),
    subject: ref('Patient'),
    encounter: ref('Encounter').optional(),
    recordedDate: dateTime,
  }),
  Observation: z
    .object({
      resourceType: z.literal('Observation'),
      id: uuid,
      status: z.literal('final'),
      category: category(['exam', 'vital-signs', 'laboratory', 'social-history', 'survey']),
      code: concept,
      subject: ref('Patient'),
      encounter: ref('Encounter'),
      effectiveDateTime: dateTime,
      valueBoolean: z.boolean().optional(),
      valueQuantity: quantity.optional(),
      valueCodeableConcept: concept.optional(),
      component: z.array(z.object({ code: concept, valueQuantity: quantity })).optional(),
    })
    .refine(
      (o) =>
        [o.valueBoolean, o.valueQuantity, o.valueCodeableConcept, o.component].filter(
          (v) => v !== undefined,
        ).length === 1,
      'exactly one value',
    ),
  MedicationRequest: z.object({
    resourceType: z.literal('MedicationRequest'),
    id: uuid,
    status: z.enum(['active', 'completed', 'stopped']),
    intent: z.literal('order'),
    medicationCodeableConcept: z.object({
      coding: z
        .array(coding.extend({ system: z.literal('http://www.nlm.nih.gov/research/umls/rxnorm') }))
        .min(1),
    }),
    subject: ref('Patient'),
    encounter: ref('Encounter').optional(),
    authoredOn: dateTime,
    dosageInstruction: z.array(z.object({ text: z.string().min(1) })).length(1),
  }),
  Procedure: z.object({
    resourceType: z.literal('Procedure'),
    id: uuid,
    status: z.literal('completed'),
    code: concept,
    subject: ref('Patient'),
    encounter: ref('Encounter'),
    performedDateTime: dateTime,
  }),
  Immunization: z.object({
    resourceType: z.literal('Immunization'),
    id: uuid,
    status: z.literal('completed'),
    vaccineCode: z.object({
      coding: z.array(coding.extend({ system: z.literal('http://hl7.org/fhir/sid/cvx') })).min(1),
    }),
    patient: ref('Patient'),
    occurrenceDateTime: dateTime,
  }),
  AllergyIntolerance: z.object({
    resourceType: z.literal('AllergyIntolerance'),
    id: uuid,
    code: concept,
    patient: ref('Patient'),
    reaction: z.array(z.object({ manifestation: z.array(concept).min(1) })).min(1),
  }),
  DocumentReference: z.object({
    resourceType: z.literal('DocumentReference'),
    id: uuid,
    status: z.literal('current'),
    type: z.object({
      coding: z.array(
        z.object({ system: z.literal('http://loinc.org'), code: z.literal('11506-3') }),
      ),
    }),
    subject: ref('Patient'),
    date: dateTime,
    content: z
      .array(
        z.object({
          attachment: z.object({ contentType: z.literal('text/plain'), data: z.base64() }),
        }),
      )
      .length(1),
    context: z.object({ encounter: z.array(ref('Encounter')).length(1) }),
  }),
};

let data: InMemoryExport;
beforeAll(() => {
  data = generateInMemory(200);
}, 120_000);

function references(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v) => {
      references(v, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') {
        out.push(v);
      } else {
        references(v, out);
      }
    }
  }
}

describe('generated resources', () => {
  it('match the FHIR profile of every resource type written', () => {
    for (const type of RESOURCE_TYPES) {
      const resources = data.resources[type];
      expect(resources.length, type).toBeGreaterThan(0);
      for (const r of resources) {
        const parsed = SCHEMAS[type].safeParse(r);
        expect(parsed.success, `${type}: ${JSON.stringify(parsed.error?.issues.slice(0, 2))}`).toBe(
          true,
        );
      }
    }
  }, 60_000);

  it('use unique ids, and every reference resolves within the export', () => {
    const ids = new Set<string>();
    for (const type of RESOURCE_TYPES) {
      for (const r of data.resources[type]) {
        const key = `${type}/${r.id ?? ''}`;
        expect(ids.has(key), key).toBe(false);
        ids.add(key);
      }
    }
    const refs: string[] = [];
    for (const type of RESOURCE_TYPES) {
      references(data.resources[type], refs);
    }
    expect(refs.length).toBeGreaterThan(1000);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  }, 60_000);
});
