import { describe, expect, it } from 'vitest';
import { isoDateTime } from './fhir-datatypes.js';
import {
  bloodPressureObservation,
  findingObservation,
  quantityObservation,
} from './fhir-observations.js';
import { createObservationJson } from './observation-json.js';

const ms = Date.UTC(2025, 2, 4, 14, 30);
const ids = { id: 'a1111111-1111-4111-8111-111111111111', patientId: 'p-1', encounterId: 'e-2222' };
const ctx = { ...ids, effective: isoDateTime(ms) };

describe('createObservationJson', () => {
  const json = createObservationJson();

  it('writes findings byte-identical to JSON.stringify of the typed builder', () => {
    for (const present of [true, false]) {
      const f = {
        coding: { system: 'http://snomed.info/sct' as const, code: '386661006' },
        display: 'Fever "pyrexia"',
        present,
      };
      expect(json.finding(ctx, f)).toBe(JSON.stringify(findingObservation({ ...ids, ms, ...f })));
    }
  });

  it('writes quantities and blood pressure byte-identical to the builders, with ids that contain the sample numbers', () => {
    const q = {
      category: 'vital-signs' as const,
      codings: [
        { system: 'http://loinc.org' as const, code: '8310-5', display: 'Body temperature' },
      ],
      display: 'Body temperature',
      value: 38.4,
      unit: 'Cel',
    };
    expect(json.quantity(ctx, q)).toBe(JSON.stringify(quantityObservation({ ...ids, ms, ...q })));
    expect(json.quantity(ctx, { ...q, value: 0.005 })).toBe(
      JSON.stringify(quantityObservation({ ...ids, ms, ...q, value: 0.005 })),
    );
    expect(json.bloodPressure(ctx, { systolic: 142, diastolic: 88 })).toBe(
      JSON.stringify(bloodPressureObservation({ ...ids, ms, systolic: 142, diastolic: 88 })),
    );
  });
});
