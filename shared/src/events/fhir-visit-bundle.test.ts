import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { pseudonymizePatientId, type PseudonymKey } from '../pseudonym.js';
import { createEventNormalizer } from './event-normalizer.js';
import { fhirBundleToVisit } from './fhir-visit-bundle.js';
import { createEventsTestKb } from './testing/events-test-kb.js';
import { VISIT_BUNDLE_EVENT_ID as EVENT_ID, visitBundle } from './testing/visit-bundle.js';

const KEY = 'k'.repeat(40) as PseudonymKey;

describe('fhirBundleToVisit', () => {
  it('reads coded elements only and skips refuted and entered-in-error resources', () => {
    const { input } = fhirBundleToVisit(visitBundle());
    expect(input).toMatchObject({
      eventId: EVENT_ID,
      patient: { sourceId: 'p-1' },
      encounter: { sourceId: 'enc-1' },
      occurredAt: '2026-11-05T09:00:00+00:00',
      diagnoses: [
        {
          icd10: 'E11.9',
          category: 'problem-list-item',
          verification: 'confirmed',
          clinicalStatus: 'active',
        },
      ],
      observations: [
        { loinc: '8480-6', value: 150, unit: 'mm[Hg]', at: '2026-11-05T09:05:00Z' },
        { loinc: '8462-4', value: 95, unit: 'mm[Hg]', at: '2026-11-05T09:05:00Z' },
      ],
      medications: { started: ['314076'], stopped: ['5640'] },
    });
    expect(JSON.stringify(input)).not.toMatch(/Jane|Doe|awful|shown to humans/);
  });

  it('normalises to the same coded form as the compact input', () => {
    const normalizer = createEventNormalizer({
      kb: createEventsTestKb(),
      pseudonymKey: KEY,
      clock: () => new Date('2026-11-05T12:00:00Z'),
    });
    const event = normalizer.visit(visitBundle());
    expect(event.patientId).toBe(pseudonymizePatientId('p-1', KEY));
    expect(event.findings).toEqual({ present: ['fever'], absent: ['cough'] });
    expect(event.diagnoses.map((d) => d.conditionId)).toEqual(['type-2-diabetes']);
    expect(event.medications).toEqual({ started: ['29046'], stopped: ['5640'] });
    expect(event.tests).toEqual(['influenza-vaccine']);
    expect(JSON.stringify(event)).not.toMatch(/p-1|enc-1|Jane/);
  });

  it('requires exactly one Encounter and a resolvable patient reference', () => {
    const bundle = visitBundle();
    const entries = bundle['entry'] as { resource: Record<string, unknown> }[];
    const withoutEncounter = {
      ...bundle,
      entry: entries.filter((e) => e.resource['resourceType'] !== 'Encounter'),
    };
    expect(() => fhirBundleToVisit(withoutEncounter)).toThrow(AppError);
    expect(() => fhirBundleToVisit({ ...bundle, entry: [...entries, entries[1]] })).toThrow(
      expect.objectContaining({
        details: [{ path: 'entry', issue: 'expected_exactly_one_encounter' }],
      }),
    );
    const encounter = entries[1]?.resource ?? {};
    const badSubject = { ...encounter, subject: { reference: 'Group/7' } };
    expect(() =>
      fhirBundleToVisit({ ...bundle, entry: [entries[0], { resource: badSubject }] }),
    ).toThrow(
      expect.objectContaining({
        details: [{ path: 'entry.1.resource.subject', issue: 'unresolvable_reference' }],
      }),
    );
  });
});
