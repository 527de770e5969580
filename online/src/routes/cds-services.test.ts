import {
  CdsDiscoveryResponseSchema,
  CdsServiceResponseSchema,
  type CdsCard,
  type CdsServiceResponse,
  type ErrorBody,
} from '@mediassist/shared/api';
import { pseudonymizePatientId } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { createFhirFetcher } from '../cds-hooks/fhir-fetcher.js';
import {
  callService,
  createCdsTestApp,
  TEST_PSEUDONYM_KEY,
} from '../cds-hooks/testing/cds-test-app.js';
import {
  condition,
  DRUGS,
  encounter,
  hookRequest,
  medicationRequest,
  observation,
  orderRequest,
  patient,
  PATIENT_NAME,
  procedure,
  searchset,
  SPEC_ENCOUNTER_ID,
  SPEC_PATIENT_ID,
} from '../cds-hooks/testing/fhir-fixture.js';

async function cardsOf(res: Response): Promise<CdsCard[]> {
  expect(res.status).toBe(200);
  const body = (await res.json()) as CdsServiceResponse;
  // The response is exactly the specification's shape (uuids, ≤140-character summaries, …).
  expect(CdsServiceResponseSchema.safeParse(body).success).toBe(true);
  return body.cards;
}

const CPT = 'http://www.ama-assn.org/go/cpt';

const patientView = () =>
  hookRequest({
    hook: 'patient-view',
    context: {},
    prefetch: {
      patient: patient({ gender: 'female', birthDate: '1961-03-14' }),
      conditions: searchset([condition({ icd10: 'E11.9' }), condition({ icd10: 'I10' })]),
      observations: searchset([
        observation({ loinc: '4548-4', value: 7.1, unit: '%', date: '2026-10-01' }),
      ]),
      procedures: searchset([procedure({ system: CPT, code: '45378', date: '2020-05-01' })]),
      immunizations: null,
      medications: searchset([
        medicationRequest(DRUGS.simvastatin),
        medicationRequest({ ...DRUGS.clarithromycin, status: 'active' }),
      ]),
    },
  });

describe('GET /cds-services (discovery)', () => {
  it('lists the four services with their hooks and prefetch templates, without credentials', async () => {
    const t = await createCdsTestApp();
    const res = await t.app.request('/cds-services');
    expect(res.status).toBe(200);
    const body = CdsDiscoveryResponseSchema.parse(await res.json());
    expect(body.services.map((s) => [s.id, s.hook])).toEqual([
      ['mediassist-patient-view', 'patient-view'],
      ['mediassist-order-select', 'order-select'],
      ['mediassist-order-sign', 'order-sign'],
      ['mediassist-encounter-start', 'encounter-start'],
    ]);
    const orderSelect = body.services[1];
    expect(orderSelect?.prefetch).toMatchObject({
      medications: 'MedicationRequest?patient={{context.patientId}}&status=active',
    });
    expect(body.services[0]?.prefetch).toMatchObject({ patient: 'Patient/{{context.patientId}}' });
  });

  it('is not mounted when CDS Hooks is not configured', async () => {
    const { createTestApp } = await import('../testing/test-app.js');
    const t = await createTestApp();
    expect((await t.app.request('/cds-services')).status).toBe(404);
  });
});

describe('POST /cds-services/mediassist-order-select', () => {
  it('warfarin active + ibuprofen draft: a critical card that suggests deleting the draft', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [DRUGS.warfarin],
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-order-select', body }));
    expect(cards).toHaveLength(1);
    const card = cards[0] as CdsCard;
    expect(card.indicator).toBe('critical');
    expect(card.summary).toMatch(/^Major interaction: ibuprofen \+ warfarin/);
    expect(card.selectionBehavior).toBe('at-most-one');
    const remove = card.suggestions?.[0];
    expect(remove?.actions).toEqual([
      {
        type: 'delete',
        description: 'Remove the draft ibuprofen order',
        resourceId: 'MedicationRequest/draft-ibuprofen',
      },
    ]);
    expect(card.overrideReasons?.map((r) => r.code)).toContain('already-considered');
    expect(card.source.url).toMatch(/^https:\/\//);
    expect(card.links?.every((l) => l.type === 'absolute' && /^https?:\/\//.test(l.url))).toBe(
      true,
    );
    expect(card.detail).toContain('Avoid; use acetaminophen');
  });

  it('offers the alternative the knowledge base lists, as delete + create, with its milder interaction', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [DRUGS.warfarin],
    });
    const [card] = await cardsOf(await callService(t, { id: 'mediassist-order-select', body }));
    const replace = card?.suggestions?.[1];
    expect(replace?.label).toBe('Replace ibuprofen with acetaminophen');
    expect(replace?.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    expect(replace?.actions?.[1]?.resource).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '161' }],
      },
      subject: { reference: `Patient/${SPEC_PATIENT_ID}` },
      encounter: { reference: `Encounter/${SPEC_ENCOUNTER_ID}` },
    });
    expect(card?.detail).toContain('still has a moderate interaction with warfarin');
  });

  it('flags an ONC high-priority pair (simvastatin + clarithromycin) as critical and says so', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.clarithromycin],
      active: [DRUGS.simvastatin],
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-order-select', body }));
    expect(cards.map((c) => [c.indicator, c.summary.split(':')[0]])).toEqual([
      ['critical', 'Contraindicated combination'],
    ]);
    expect(cards[0]?.detail).toContain('ONC high-priority interaction (Phansalkar 2012, group 25)');
  });

  it('answers no cards for a pair without an interaction (amoxicillin + lisinopril)', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.amoxicillin],
      active: [DRUGS.lisinopril],
    });
    expect(await cardsOf(await callService(t, { id: 'mediassist-order-select', body }))).toEqual(
      [],
    );
  });

  it('shows a moderate interaction as a warning, not an interruption', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.tramadol],
      active: [DRUGS.warfarin],
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-order-select', body }));
    expect(cards.map((c) => c.indicator)).toEqual(['warning']);
  });

  it('ignores interactions between drafts that are not among the selections', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen, { ...DRUGS.warfarin, id: 'draft-warfarin' }, DRUGS.metformin],
      active: [],
      selections: ['MedicationRequest/draft-metformin'],
    });
    expect(await cardsOf(await callService(t, { id: 'mediassist-order-select', body }))).toEqual(
      [],
    );
  });

  it('says which medications it could not check instead of staying silent', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [{ id: 'draft-x', rxcui: '99999999', display: 'Zzz-unknown 5 MG' }],
      active: [DRUGS.warfarin],
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-order-select', body }));
    expect(cards.map((c) => [c.indicator, c.summary])).toEqual([
      ['info', '1 medication could not be checked for interactions'],
    ]);
  });

  it('refuses a call for another hook (400) and an unknown service (404)', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({ hook: 'order-sign', drafts: [DRUGS.ibuprofen], active: [] });
    const wrong = await callService(t, { id: 'mediassist-order-select', body });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ErrorBody).error.details).toEqual([
      { path: 'json.hook', issue: 'hook_mismatch' },
    ]);
    expect((await callService(t, { id: 'no-such-service', body })).status).toBe(404);
  });

  it('names missing context fields by path without echoing values (400)', async () => {
    const t = await createCdsTestApp();
    const body = hookRequest({
      hook: 'order-select',
      context: { draftOrders: { resourceType: 'Bundle' } },
    });
    const res = await callService(t, { id: 'mediassist-order-select', body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details).toContainEqual({
      path: 'json.context.selections',
      issue: 'invalid_type',
    });
  });
});

describe('POST /cds-services/mediassist-order-sign', () => {
  it('checks every draft about to be signed, including draft–draft pairs', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-sign',
      drafts: [DRUGS.ibuprofen, { ...DRUGS.warfarin, id: 'draft-warfarin' }],
      active: [],
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-order-sign', body }));
    expect(cards).toHaveLength(1);
    expect(cards[0]?.indicator).toBe('critical');
    // Either draft may be removed.
    expect(cards[0]?.suggestions?.flatMap((s) => s.actions?.map((a) => a.resourceId))).toEqual(
      expect.arrayContaining([
        'MedicationRequest/draft-ibuprofen',
        'MedicationRequest/draft-warfarin',
      ]),
    );
  });
});

describe('POST /cds-services/mediassist-patient-view', () => {
  it('answers care gaps, chronic monitoring and medication alerts from prefetch, and audits the chart', async () => {
    const t = await createCdsTestApp();
    const res = await callService(t, { id: 'mediassist-patient-view', body: patientView() });
    const cards = await cardsOf(res);
    const summaries = cards.map((c) => c.summary);
    // Active simvastatin + clarithromycin: a standing-order alert, not an interruption.
    expect(cards[0]).toMatchObject({ indicator: 'warning' });
    expect(summaries[0]).toMatch(/^Active medications: contraindicated combination/);
    // Diabetes monitoring: HbA1c was done on 2026-10-01 (within 90 days), so it is not asked for.
    const diabetes = cards.find((c) => c.summary.startsWith('Type 2 diabetes mellitus:'));
    expect(diabetes?.summary).toContain('Urine albumin-to-creatinine ratio');
    expect(diabetes?.summary).not.toContain('HbA1c');
    expect(diabetes?.selectionBehavior).toBe('any');
    expect(diabetes?.suggestions?.[0]?.actions?.[0]?.resource).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'draft',
    });
    // Preventive care: a 65-year-old woman; colonoscopy in 2020 covers colorectal screening.
    expect(summaries).toContain('Due: Breast cancer screening: biennial mammography, women 40-74');
    expect(summaries.some((s) => s.toLowerCase().includes('colorectal'))).toBe(false);
    expect(summaries.at(-1)).toMatch(/^\d+ more preventive services are due$/);
    // Every card names its source; no card carries the patient's name.
    expect(cards.every((c) => c.source.label.length > 0)).toBe(true);
    expect(JSON.stringify(cards)).not.toContain('Watts');
    expect(t.logText()).not.toContain(PATIENT_NAME.split(' ')[1]);
    expect(t.logText()).not.toContain(SPEC_PATIENT_ID);
    expect(t.audit.records).toEqual([
      expect.objectContaining({
        patient: pseudonymizePatientId(SPEC_PATIENT_ID, TEST_PSEUDONYM_KEY),
        endpoint: 'POST /cds-services/:id',
        caller: 'cds:open-mode',
        role: 'clinician',
        outcome: 'success',
      }),
    ]);
  });

  it('says the patient’s data was not checked when nothing was prefetched and no FHIR server is given', async () => {
    const t = await createCdsTestApp();
    const body = hookRequest({ hook: 'patient-view', context: {} });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-patient-view', body }));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ indicator: 'info' });
    expect(cards[0]?.summary).toMatch(/^MediAssist could not read: age and sex, problem list/);
    expect(cards[0]?.detail).toContain('not prefetched, and no FHIR server was given');
  });

  it('degrades to an info card when the FHIR server cannot be reached (never a 5xx)', async () => {
    const t = await createCdsTestApp({
      fetcher: createFhirFetcher({
        fetch: () => Promise.reject(new TypeError('fetch failed')),
      }),
    });
    const body = hookRequest({
      hook: 'patient-view',
      context: {},
      fhirServer: 'https://ehr.example.org/fhir',
      accessToken: 'opaque-token',
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-patient-view', body }));
    expect(cards.map((c) => c.indicator)).toEqual(['info']);
    expect(cards[0]?.detail).toContain('the FHIR server could not be reached');
  });
});

describe('POST /cds-services/mediassist-encounter-start', () => {
  it('carries the differential as suggestions and the tests guidelines recommend', async () => {
    const t = await createCdsTestApp();
    const body = hookRequest({
      hook: 'encounter-start',
      context: { encounterId: SPEC_ENCOUNTER_ID },
      prefetch: {
        patient: patient({ gender: 'male', birthDate: '1958-06-01' }),
        encounter: encounter({
          reasons: [
            { system: 'http://snomed.info/sct', code: '49727002' },
            { system: 'http://snomed.info/sct', code: '267036007' },
          ],
        }),
        encounterObservations: searchset([
          observation({
            loinc: '8310-5',
            value: 38.9,
            unit: 'Cel',
            date: '2026-11-22T09:40:00Z',
            category: 'vital-signs',
          }),
        ]),
      },
    });
    const cards = await cardsOf(await callService(t, { id: 'mediassist-encounter-start', body }));
    const differential = cards.filter((c) => c.summary.endsWith('— differential suggestion'));
    expect(differential.length).toBeGreaterThanOrEqual(3);
    expect(differential.every((c) => c.summary.startsWith('Consider '))).toBe(true);
    expect(differential.every((c) => c.detail?.includes('not a diagnosis'))).toBe(true);
    expect(cards.some((c) => /diagnosed|diagnosis is/i.test(c.summary))).toBe(false);
    const tests = cards.find((c) => c.summary.startsWith('Tests to consider:'));
    expect(tests?.suggestions?.length).toBeGreaterThan(0);
    expect(tests?.suggestions?.[0]?.actions?.[0]?.resource).toMatchObject({
      resourceType: 'ServiceRequest',
      encounter: { reference: `Encounter/${SPEC_ENCOUNTER_ID}` },
    });
  });

  it('returns no differential for an encounter without a coded presentation', async () => {
    const t = await createCdsTestApp();
    const body = hookRequest({
      hook: 'encounter-start',
      context: { encounterId: SPEC_ENCOUNTER_ID },
      prefetch: {
        patient: null,
        encounter: encounter({ reasons: [] }),
        encounterObservations: null,
      },
    });
    expect(await cardsOf(await callService(t, { id: 'mediassist-encounter-start', body }))).toEqual(
      [],
    );
  });
});
