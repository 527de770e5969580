import {
  PSEUDONYM_IDENTIFIER_SYSTEMS,
  SummarizeFhirResponseSchema,
  SummarizeSummaryResponseSchema,
} from '@mediassist/shared/api';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import {
  createTextExtractor,
  findingsOf,
  MAX_TEXT_CHARS,
  type ClinicalSummary,
} from '@mediassist/shared/text';
import { describe, expect, it } from 'vitest';
import { UNIDENTIFIED_PATIENT_DISPLAY } from '../summarize/draft-bundle.js';
import { EXAMPLE_NOTE } from '../summarize/example-note.js';
import {
  ENCOUNTER,
  extractor,
  NOTE,
  PATIENT,
  post,
  spanViolations,
  summarizeApp,
} from '../summarize/testing/summarize-test-kit.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('POST /api/v1/summarize: the summary', () => {
  it('returns the coded summary with findings, conditions, vitals, meds, allergies, assessment and plan', async () => {
    const t = await summarizeApp();
    const res = await post(t, { text: NOTE });
    expect(res.status).toBe(200);
    const summary = SummarizeSummaryResponseSchema.parse(await res.json());
    expect(summary.kbVersion).toBe('9.8.7');
    expect(summary.textLength).toBe(NOTE.length);
    expect(summary.chiefComplaint).toMatchObject({ text: 'fever', findingIds: ['fever'] });
    const findings = summary.findings.map((f) => [f.findingId, f.assertion, f.match]);
    expect(findings).toEqual(
      expect.arrayContaining([
        ['fever', 'present', 'exact'],
        ['dyspnea', 'present', 'exact'],
        ['chest-pain', 'absent', 'exact'],
      ]),
    );
    expect(summary.conditions.map((c) => [c.conditionId, c.section])).toEqual([
      ['essential-hypertension', 'pmh'],
    ]);
    expect(summary.assessment.map((c) => [c.conditionId, c.assertion])).toEqual([
      ['community-acquired-pneumonia', 'possible'],
    ]);
    expect(summary.medications.map((m) => [m.name, m.status])).toEqual([
      ['lisinopril', 'current'],
      ['amoxicillin', 'started'],
    ]);
    expect(summary.allergies).toMatchObject([
      { kind: 'substance', substance: { drugClassId: 'penicillin' } },
    ]);
    expect(summary.vitals.map((v) => v.kind)).toEqual([
      'blood-pressure',
      'heart-rate',
      'temperature',
    ]);
    expect(summary.plan.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['medication', 'follow-up']),
    );
  });

  it('gives every item a span that quotes the input exactly (UTF-16 offsets, non-ASCII text)', async () => {
    const t = await summarizeApp();
    const text = `Naïve patient 👩‍⚕️ seen — « suivi ».\n${NOTE}\nPlan: réévaluer 🙂 in 3 days.`;
    const res = await post(t, { text });
    const summary = (await res.json()) as ClinicalSummary;
    expect(summary.findings.length).toBeGreaterThan(3);
    expect(spanViolations(text, summary)).toEqual([]);
    expect(summary).toEqual(extractor.summarize(text));
  });

  it('reads a doctor–patient transcript, with speakers and answered questions', async () => {
    const t = await summarizeApp();
    const text = [
      'Doctor: What brings you in today?',
      'Patient: I have been running a temperature since Monday.',
      'Doctor: Any chest pain?',
      'Patient: No.',
      'Doctor: Are you out of breath?',
      'Patient: Yes, when I climb stairs.',
    ].join('\n');
    const res = await post(t, { text });
    expect(res.status).toBe(200);
    const summary = SummarizeSummaryResponseSchema.parse(await res.json());
    expect(summary.dialogue).toBe(true);
    const byId = new Map(summary.findings.map((f) => [f.findingId, f]));
    expect(byId.get('fever')).toMatchObject({ assertion: 'present', speaker: 'patient' });
    expect(byId.get('chest-pain')).toMatchObject({ assertion: 'absent' });
    expect(byId.get('dyspnea')).toMatchObject({ assertion: 'present' });
    expect(spanViolations(text, summary)).toEqual([]);
  });

  it('accepts text of exactly the documented maximum', async () => {
    const t = await summarizeApp();
    const text = `${NOTE}\n`.padEnd(MAX_TEXT_CHARS, '.');
    const res = await post(t, { text });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ClinicalSummary).textLength).toBe(MAX_TEXT_CHARS);
  });
});

describe('POST /api/v1/summarize: the FHIR document', () => {
  interface Entry {
    fullUrl: string;
    resource: Record<string, unknown> & { resourceType: string };
  }

  it('returns a document Bundle led by a preliminary Composition, naming patient and encounter by pseudonym', async () => {
    const t = await summarizeApp();
    const res = await post(t, {
      text: NOTE,
      format: 'fhir',
      patient: PATIENT,
      encounter: ENCOUNTER,
    });
    expect(res.status).toBe(200);
    const bundle = SummarizeFhirResponseSchema.parse(await res.json());
    const entries = bundle.entry as Entry[];
    const [composition, ...drafts] = entries.map((e) => e.resource);
    expect(bundle.timestamp).toBe('2026-11-22T10:00:00.000Z');
    expect(composition).toMatchObject({
      resourceType: 'Composition',
      status: 'preliminary',
      date: '2026-11-22T10:00:00.000Z',
      subject: {
        type: 'Patient',
        identifier: { system: PSEUDONYM_IDENTIFIER_SYSTEMS.patient, value: PATIENT },
      },
      encounter: {
        type: 'Encounter',
        identifier: { system: PSEUDONYM_IDENTIFIER_SYSTEMS.encounter, value: ENCOUNTER },
      },
    });
    const types = new Set(drafts.map((r) => r.resourceType));
    expect([...types].sort()).toEqual([
      'AllergyIntolerance',
      'Condition',
      'MedicationStatement',
      'Observation',
    ]);
    // No stand-in reference survives: every subject names the pseudonym, every reference resolves.
    const raw = JSON.stringify(bundle);
    expect(raw).not.toMatch(/"reference":"(?:Patient|Encounter)\//);
    const urls = new Set(entries.map((e) => e.fullUrl));
    const sectionRefs = ((composition?.['section'] ?? []) as { entry?: { reference: string }[] }[])
      .flatMap((s) => s.entry ?? [])
      .map((e) => e.reference);
    expect(sectionRefs.length).toBe(drafts.length);
    expect(sectionRefs.every((r) => urls.has(r))).toBe(true);
    for (const draft of drafts) {
      const who = draft['subject'] ?? draft['patient'];
      expect(who).toEqual(composition?.['subject']);
    }
  });

  it('gives the subject a display when no patient is named', async () => {
    const t = await summarizeApp();
    const res = await post(t, { text: NOTE, format: 'fhir' });
    expect(res.status).toBe(200);
    const bundle = SummarizeFhirResponseSchema.parse(await res.json());
    expect(bundle.entry[0]?.resource).toMatchObject({
      resourceType: 'Composition',
      subject: { display: UNIDENTIFIED_PATIENT_DISPLAY },
    });
    expect(bundle.entry[0]?.resource).not.toHaveProperty('encounter');
    expect(t.audit.records).toEqual([]);
  });
});

describe('POST /api/v1/summarize: OpenAPI', () => {
  interface Operation {
    requestBody: {
      content: Record<string, { schema: unknown; examples: Record<string, { value: unknown }> }>;
    };
    responses: Record<
      string,
      { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }
    >;
  }

  it('documents the route with its schemas, limit, errors and examples that are real answers', async () => {
    const t = await summarizeApp();
    const res = await t.app.request('/openapi.json', { headers: t.as('clinician') });
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const op = doc.paths['/api/v1/summarize']?.['post'];
    expect(op).toBeDefined();
    expect(Object.keys(op?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '413',
      '415',
      '429',
    ]);
    expect(doc.components.schemas['SummarizeRequest']?.properties?.['text']).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: MAX_TEXT_CHARS,
    });
    expect(doc.components.schemas).toHaveProperty('ClinicalSummary');
    expect(doc.components.schemas).toHaveProperty('FhirDocumentBundle');
    const requests = op?.requestBody.content['application/json']?.examples ?? {};
    expect(Object.keys(requests)).toEqual(['note', 'transcript', 'fhir']);
    const answers = op?.responses['200']?.content?.['application/json']?.examples ?? {};
    const summary = SummarizeSummaryResponseSchema.parse(answers['summary']?.value);
    const noteExample = requests['note']?.value as { text: string };
    expect(summary).toEqual(extractor.summarize(noteExample.text));
    expect(SummarizeFhirResponseSchema.safeParse(answers['fhir']?.value).success).toBe(true);
    // And posting the documented request gives the documented answer.
    const live = await post(t, noteExample);
    expect(await live.json()).toEqual(summary);
  });
});

describe('POST /api/v1/summarize with the shipped knowledge base', () => {
  const shipped = loadKnowledgeBase();
  const shippedExtractor = createTextExtractor({ kb: shipped });

  async function shippedApp(): Promise<TestApp> {
    return createTestApp({
      overrides: { kb: shipped, textExtractor: shippedExtractor },
      config: { bodyLimitBytes: 256 * 1024 },
    });
  }

  it('codes the documented example note: findings, vitals-derived signs, history, meds, allergy, assessment, plan', async () => {
    const t = await shippedApp();
    const res = await post(t, { text: EXAMPLE_NOTE });
    expect(res.status).toBe(200);
    const s = SummarizeSummaryResponseSchema.parse(await res.json());
    expect(s.kbVersion).toBe(shipped.version);
    const patient = findingsOf(s.findings);
    expect(patient.present).toEqual(
      expect.arrayContaining(['cough', 'fever', 'productive-cough', 'dyspnoea', 'tachycardia']),
    );
    expect(patient.absent).toContain('chest-pain');
    expect(s.conditions.map((c) => [c.icd10, c.assertion])).toEqual([['I10', 'historical']]);
    expect(s.medications.map((m) => [m.name, m.rxcui, m.status])).toEqual([
      ['lisinopril', '29046', 'current'],
      ['azithromycin', '18631', 'started'],
    ]);
    expect(s.allergies).toMatchObject([
      { kind: 'substance', substance: { drugClassId: 'penicillin' }, reaction: { text: 'rash' } },
    ]);
    expect(s.assessment.map((c) => [c.icd10, c.assertion])).toEqual([['J18.9', 'possible']]);
    expect(s.plan.map((p) => p.kind)).toEqual(['test', 'medication', 'follow-up']);
    expect(spanViolations(EXAMPLE_NOTE, s)).toEqual([]);
  });

  it("reads a child's vitals against children's cut-offs when the request gives the age", async () => {
    const t = await shippedApp();
    // A transcript states no age: HR 130 and RR 30 are raised for an adult, normal at 3 years.
    const text = 'Doctor: How is he?\nParent: Coughing.\nDoctor: Heart rate 130, resp rate 30.';
    const read = async (body: object) =>
      SummarizeSummaryResponseSchema.parse(await (await post(t, { text, ...body })).json());
    const child = await read({ ageYears: 3 });
    expect(child.vitalCutOffs).toMatchObject({
      basis: 'age-specific',
      ageYears: 3,
      ageFrom: 'request',
    });
    expect(findingsOf(child.findings).present).not.toContain('tachycardia');
    expect(findingsOf(child.findings).absent).toEqual(
      expect.arrayContaining(['tachycardia', 'tachypnoea']),
    );
    const unknown = await read({});
    expect(unknown.vitalCutOffs).toMatchObject({ basis: 'adult-age-unknown', ageFrom: 'unknown' });
    expect(findingsOf(unknown.findings).present).toEqual(
      expect.arrayContaining(['tachycardia', 'tachypnoea']),
    );
    expect((await read({ ageYears: 40 })).vitalCutOffs).toMatchObject({ basis: 'adult' });
  });

  it('refuses an age that is not one (400 naming json.ageYears)', async () => {
    const t = await shippedApp();
    for (const ageYears of [-1, 131, '3']) {
      const res = await post(t, { text: 'cough', ageYears });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('ageYears');
    }
  });

  it('drafts the example as a FHIR document with an order, a medication statement and a provisional diagnosis', async () => {
    const t = await shippedApp();
    const res = await post(t, { text: EXAMPLE_NOTE, format: 'fhir', patient: PATIENT });
    const bundle = SummarizeFhirResponseSchema.parse(await res.json());
    const byType = (type: string) =>
      bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
    expect(byType('ServiceRequest')).toHaveLength(1);
    expect(byType('MedicationStatement')).toHaveLength(2);
    expect(byType('Condition')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          verificationStatus: expect.objectContaining({
            coding: [expect.objectContaining({ code: 'provisional' })],
          }) as unknown,
        }),
      ]),
    );
  });
});
