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
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createTestKb } from '../testing/test-kb.js';

const kb = createTestKb();
const extractor = createTextExtractor({ kb });
const PATIENT = `pt_${'a'.repeat(32)}`;
const ENCOUNTER = `en_${'b'.repeat(32)}`;
/** Identifying words that must never reach a log line, an error body or the audit log. */
const PHI = /Jane|Doe|Elm Street/;
const NOTE = [
  'CC: fever',
  'HPI: Jane Doe of 12 Elm Street reports fever and shortness of breath for 2 days. Denies chest pain.',
  'PMH: HTN',
  'Meds: lisinopril 10 mg PO daily',
  'Allergies: penicillin (hives)',
  'Vitals: BP 142/91, HR 96, T 38.6 C',
  'Assessment: possible pneumonia.',
  'Plan: start amoxicillin 500 mg PO TID x 5 days. Follow up in 1 week.',
].join('\n');

async function summarizeApp(options: { withExtractor?: boolean } = {}): Promise<TestApp> {
  return createTestApp({
    overrides: { kb, ...(options.withExtractor === false ? {} : { textExtractor: extractor }) },
    config: { bodyLimitBytes: 256 * 1024 },
  });
}

function post(t: TestApp, body: unknown, headers: Record<string, string> = t.as('clinician')) {
  return t.app.request('/api/v1/summarize', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every `{ span, text }` anywhere in `value` that does not quote `input` exactly. */
function spanViolations(input: string, value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v) => spanViolations(input, v));
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const record = value as { span?: { start: number; end: number }; text?: unknown };
  const own =
    record.span && typeof record.text === 'string'
      ? input.slice(record.span.start, record.span.end) === record.text
        ? []
        : [`${JSON.stringify(record.span)} ≠ ${record.text}`]
      : [];
  return [...own, ...Object.values(value).flatMap((v) => spanViolations(input, v))];
}

async function errorOf(res: Response) {
  const text = await res.text();
  const body = JSON.parse(text) as {
    error: { code: string; message: string; details?: { path: string; issue: string }[] };
  };
  return { ...body.error, raw: text };
}

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

describe('POST /api/v1/summarize: errors', () => {
  it.each([
    ['an empty text', { text: '' }, 'json.text'],
    ['a blank text', { text: ' \n\t ' }, 'json.text'],
    ['a number as text', { text: 42 }, 'json.text'],
    ['no text', { format: 'summary' }, 'json.text'],
    ['an unknown format', { text: NOTE, format: 'pdf' }, 'json.format'],
    ['a patient that is not a pseudonym', { text: NOTE, patient: 'Jane Doe' }, 'json.patient'],
    ['an encounter that is not a pseudonym', { text: NOTE, encounter: 'E1' }, 'json.encounter'],
  ])('400 VALIDATION_FAILED for %s, naming the path', async (_, body, path) => {
    const t = await summarizeApp();
    const res = await post(t, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(path);
    expect(error.raw).not.toMatch(PHI);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('400 VALIDATION_FAILED for malformed JSON, without quoting it', async () => {
    const t = await summarizeApp();
    const res = await post(t, '{"text": "Jane Doe has a fever"');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.raw).not.toMatch(PHI);
  });

  it('413 PAYLOAD_TOO_LARGE with a stable code for text one character over the limit, never echoing it', async () => {
    const t = await summarizeApp();
    const text = `${NOTE}\n`.padEnd(MAX_TEXT_CHARS + 1, 'x');
    const res = await post(t, { text, patient: PATIENT });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `Note text exceeds ${String(MAX_TEXT_CHARS)} characters`,
      details: [{ path: 'json.text', issue: 'too_big' }],
    });
    expect(error.raw).not.toMatch(PHI);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('413 for an extractor configured below the schema limit, and for a body over the byte limit', async () => {
    const small = createTextExtractor({ kb, maxTextChars: 100 });
    const t = await createTestApp({
      overrides: { kb, textExtractor: small },
      config: { bodyLimitBytes: 1024 },
    });
    const over = await post(t, { text: NOTE.slice(0, 101) });
    expect(over.status).toBe(413);
    expect(await errorOf(over)).toMatchObject({
      message: 'Note text exceeds 100 characters',
      details: [{ path: 'json.text', issue: 'too_big' }],
    });
    const huge = await post(t, { text: 'x'.repeat(2000) });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post(t, { text: NOTE.slice(0, 100) })).status).toBe(200);
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a plain-text body', async () => {
    const t = await summarizeApp();
    const res = await t.app.request('/api/v1/summarize', {
      method: 'POST',
      headers: { ...t.as('clinician'), 'Content-Type': 'text/plain' },
      body: NOTE,
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('401 without credentials and 403 for a data scientist; clinicians and admins may summarize', async () => {
    const t = await summarizeApp();
    expect((await post(t, { text: NOTE }, {})).status).toBe(401);
    const forbidden = await post(t, { text: NOTE }, t.as('data-scientist'));
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe('FORBIDDEN');
    expect((await post(t, { text: NOTE }, t.as('clinician'))).status).toBe(200);
    expect((await post(t, { text: NOTE }, t.as('admin'))).status).toBe(200);
    const token = await t.jwt({ sub: 'dr-who', roles: ['clinician'] });
    expect((await post(t, { text: NOTE }, { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('is not mounted when no extractor is injected', async () => {
    const t = await summarizeApp({ withExtractor: false });
    expect((await post(t, { text: NOTE })).status).toBe(404);
  });
});

describe('POST /api/v1/summarize: privacy and audit', () => {
  it('audits the patient access with ids only, and never logs or stores the text', async () => {
    const t = await summarizeApp();
    const res = await post(t, { text: NOTE, patient: PATIENT });
    expect(res.status).toBe(200);
    expect(t.audit.records).toEqual([
      {
        at: '2026-11-22T10:00:00.000Z',
        caller: 'test-clinician',
        role: 'clinician',
        patient: PATIENT,
        endpoint: 'POST /api/v1/summarize',
        requestId: res.headers.get('X-Request-Id'),
        outcome: 'success',
        status: 200,
      },
    ]);
    expect(t.logs().some((l) => l['route'] === '/api/v1/summarize')).toBe(true);
    expect(t.logText()).not.toMatch(PHI);
    expect(t.logText()).not.toContain('shortness of breath');
    expect(JSON.stringify(t.audit.records)).not.toMatch(PHI);
  });

  it('audits nothing for a note refused at validation (never read), and logs no text', async () => {
    const t = await summarizeApp();
    const text = NOTE.padEnd(MAX_TEXT_CHARS + 5, ' Jane Doe');
    const res = await post(t, { text, patient: PATIENT });
    expect(res.status).toBe(413);
    expect(t.audit.records).toEqual([]);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('writes nothing to the audit log when no patient is named', async () => {
    const t = await summarizeApp();
    expect((await post(t, { text: NOTE })).status).toBe(200);
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
