import type {
  Bundle,
  Composition,
  Condition,
  MedicationStatement,
  Observation,
  Resource,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { toFhirComposition } from './fhir-composition.js';
import { fixtureKb } from './testing/fixture-kb.js';
import { createTextExtractor } from './text-extractor.js';

const kb = fixtureKb();
const extractor = createTextExtractor({ kb });
const NOTE = [
  'CC: cough',
  'HPI: productive cough for 3 days, no chest pain. History of asthma.',
  'Vitals: BP 142/91, T 101.2 F',
  'Meds: lisinopril 10 mg po daily',
  'Allergies: penicillin (hives)',
  'Assessment: possible pneumonia. HTN.',
  'Plan: CXR. Refer to cardiology. Start amoxicillin 875 mg PO BID x 7 days. Follow up in 1 week.',
].join('\n');
const options = {
  patientRef: 'Patient/p1',
  encounterRef: 'Encounter/e1',
  now: '2026-03-01T10:00:00Z',
  kb,
};

function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

function ofType<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return resources(bundle).filter((r): r is T => r.resourceType === type);
}

describe('toFhirComposition', () => {
  const bundle = toFhirComposition(extractor.summarize(NOTE), options);

  it('is a document bundle led by a preliminary Composition with SOAP sections', () => {
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'document',
      timestamp: options.now,
    });
    const [composition] = ofType<Composition>(bundle, 'Composition');
    expect(bundle.entry?.[0]?.resource).toBe(composition);
    expect(composition).toMatchObject({
      status: 'preliminary',
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
      date: options.now,
    });
    expect(composition?.section?.map((s) => s.code?.coding?.[0]?.code)).toEqual([
      '61150-9',
      '61149-1',
      '51848-0',
      '18776-5',
    ]);
  });

  it('references only entries that exist in the bundle', () => {
    const urls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
    const [composition] = ofType<Composition>(bundle, 'Composition');
    const refs = (composition?.section ?? []).flatMap((s) =>
      (s.entry ?? []).map((e) => e.reference),
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(urls.has(ref)).toBe(true);
    }
  });

  it('drafts conditions as provisional or differential encounter diagnoses and history as problems', () => {
    const conditions = ofType<Condition>(bundle, 'Condition').map((c) => [
      c.code?.coding?.[0]?.code,
      c.category?.[0]?.coding?.[0]?.code,
      c.verificationStatus?.coding?.[0]?.code,
    ]);
    expect(conditions).toEqual([
      ['J45.909', 'problem-list-item', 'provisional'],
      ['J18.9', 'encounter-diagnosis', 'differential'],
      ['I10', 'encounter-diagnosis', 'provisional'],
    ]);
  });

  it('writes findings as boolean exam observations and vitals as coded quantities', () => {
    const observations = ofType<Observation>(bundle, 'Observation');
    const findings = observations
      .filter((o) => o.category?.[0]?.coding?.[0]?.code === 'exam')
      .map((o) => [o.code.text, o.valueBoolean]);
    expect(findings).toEqual([
      ['Cough', true],
      ['Productive cough', true],
      ['Chest pain', false],
    ]);
    const bp = observations.find((o) => o.code.coding?.[0]?.code === '85354-9');
    expect(bp?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value])).toEqual([
      ['8480-6', 142],
      ['8462-4', 91],
    ]);
    const temp = observations.find((o) => o.code.coding?.[0]?.code === '8310-5');
    expect(temp?.valueQuantity).toMatchObject({
      value: 38.4,
      code: 'Cel',
      system: 'http://unitsofmeasure.org',
    });
  });

  it('drafts medications with status, RxNorm code and structured dosage', () => {
    const statements = ofType<MedicationStatement>(bundle, 'MedicationStatement');
    expect(
      statements.map((m) => [m.medicationCodeableConcept?.coding?.[0]?.code, m.status]),
    ).toEqual([
      ['29046', 'active'],
      ['723', 'intended'],
    ]);
    expect(statements[1]?.dosage?.[0]).toMatchObject({
      route: { coding: [{ code: '26643006' }] },
      doseAndRate: [{ doseQuantity: { value: 875, code: 'mg' } }],
      timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
    });
  });

  it('drafts allergies, ordered tests and referrals', () => {
    expect(ofType(bundle, 'AllergyIntolerance')).toMatchObject([
      {
        verificationStatus: { coding: [{ code: 'unconfirmed' }] },
        code: { text: 'Penicillins' },
        reaction: [{ manifestation: [{ text: 'hives' }] }],
      },
    ]);
    expect(ofType(bundle, 'ServiceRequest')).toMatchObject([
      { status: 'draft', code: { coding: [{ code: '36643-5' }] } },
      { status: 'draft', performerType: { text: 'cardiology' } },
    ]);
  });

  it('is deterministic and escapes narrative text', () => {
    expect(toFhirComposition(extractor.summarize(NOTE), options)).toEqual(bundle);
    const other = toFhirComposition(extractor.summarize(NOTE), {
      ...options,
      now: '2026-03-02T10:00:00Z',
    });
    expect(other.entry?.[1]?.fullUrl).not.toBe(bundle.entry?.[1]?.fullUrl);
    const html = toFhirComposition(extractor.summarize('CC: <script>cough</script>'), options);
    const [composition] = ofType<Composition>(html, 'Composition');
    expect(composition?.section?.[0]?.text?.div).toContain('&lt;script&gt;');
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});
