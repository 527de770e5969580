import type { ErrorBody } from '@mediassist/shared/api';
import type { CodedEvent, EventIntake } from '@mediassist/shared/events';
import { pseudonymizePatientId, type PseudonymKey } from '@mediassist/shared/pseudonym';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';

const KEY = 'test-pseudonym-key-0123456789abcdef0123' as PseudonymKey;
const PATIENT = `pt_${'a'.repeat(32)}`;
const EVENT_ID = '3f2a1b0c-1d2e-4f30-8a4b-5c6d7e8f9a0b';

/** Records what the route hands to the nearline tier (the Redis intake is tested in events.int.test.ts). */
function recordingIntake(): EventIntake & { events: CodedEvent[] } {
  const events: CodedEvent[] = [];
  return {
    events,
    submit(event) {
      const duplicate = events.some((e) => e.eventId === event.eventId);
      events.push(event);
      return Promise.resolve({ eventId: event.eventId, duplicate });
    },
  };
}

async function setup(options: { intake?: boolean; key?: boolean } = {}) {
  const intake = recordingIntake();
  const t = await createTestApp({
    overrides: {
      ...(options.intake === false ? {} : { eventIntake: intake }),
      ...(options.key === false ? {} : { pseudonymKey: KEY }),
    },
    config: { bodyLimitBytes: 64 * 1024 },
  });
  return { t, intake };
}

const visit = (extra: Record<string, unknown> = {}) => ({
  eventId: EVENT_ID,
  patient: { pseudonym: PATIENT },
  encounter: { sourceId: 'enc-1' },
  occurredAt: '2026-11-22T09:30:00Z',
  findings: { present: ['fever', { system: 'http://snomed.info/sct', code: '267036007' }] },
  medications: { started: ['29046'] },
  ...extra,
});

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  identifier: { value: `urn:uuid:${EVENT_ID}` },
  entry: [
    {
      resource: {
        resourceType: 'Encounter',
        id: 'enc-9',
        subject: { reference: 'Patient/MRN-123' },
        period: { start: '2026-11-22T09:00:00Z' },
      },
    },
    {
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '29857009' }] },
        valueBoolean: true,
        note: [{ text: 'Jane Doe said it hurts' }],
      },
    },
  ],
};

async function post(
  t: Awaited<ReturnType<typeof createTestApp>>,
  path: string,
  options: { body: unknown; headers?: Record<string, string>; raw?: string },
) {
  const res = await t.app.request(`/api/v1/events/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...t.as('clinician'), ...options.headers },
    body: options.raw ?? JSON.stringify(options.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/v1/events/visit', () => {
  it('answers 202 with the event id and hands the coded event (ids and codes only) to the intake', async () => {
    const { t, intake } = await setup();
    expect(await post(t, 'visit', { body: visit() })).toEqual({
      status: 202,
      body: { eventId: EVENT_ID, duplicate: false },
    });
    const [event] = intake.events;
    expect(event).toMatchObject({
      kind: 'visit',
      patientId: PATIENT,
      findings: { present: ['dyspnea', 'fever'], absent: [] },
      medications: { started: ['29046'], stopped: [] },
    });
    expect(JSON.stringify(event)).not.toContain('enc-1');
    expect(t.audit.records).toEqual([
      expect.objectContaining({
        patient: PATIENT,
        endpoint: 'POST /api/v1/events/visit',
        status: 202,
      }),
    ]);
    expect((await post(t, 'visit', { body: visit() })).body).toEqual({
      eventId: EVENT_ID,
      duplicate: true,
    });
  });

  it('accepts a FHIR Bundle as application/fhir+json, pseudonymising the EHR patient id', async () => {
    const { t, intake } = await setup();
    const res = await post(t, 'visit', {
      body: bundle,
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    expect(res.status).toBe(202);
    expect(intake.events[0]).toMatchObject({
      patientId: pseudonymizePatientId('MRN-123', KEY),
      findings: { present: ['chest-pain'] },
    });
    expect(JSON.stringify(intake.events[0])).not.toMatch(/MRN-123|Jane/);
  });

  it('refuses EHR ids when the service has no pseudonym key', async () => {
    const { t } = await setup({ key: false });
    const res = await post(t, 'visit', { body: bundle });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error.details).toEqual([
      { path: 'json.patient.sourceId', issue: 'source_ids_not_accepted' },
      { path: 'json.encounter.sourceId', issue: 'source_ids_not_accepted' },
    ]);
  });

  it('rejects free text, unknown KB ids, bad JSON and other media types with stable codes', async () => {
    const { t, intake } = await setup();
    const note = await post(t, 'visit', {
      body: visit({ note: 'Jane Doe, chest pain since Monday' }),
    });
    expect(note.status).toBe(400);
    expect(note.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'json', issue: 'unrecognized_keys' }] },
    });
    expect(JSON.stringify(note.body)).not.toContain('Jane');
    const unknown = await post(t, 'visit', {
      body: visit({ findings: { present: ['not-in-kb'] } }),
    });
    expect((unknown.body as ErrorBody).error.details).toEqual([
      { path: 'json.findings.present.0', issue: 'unknown_kb_id' },
    ]);
    expect((await post(t, 'visit', { body: null, raw: '{"eventId":' })).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'json', issue: 'invalid_json' }] },
    });
    const text = await post(t, 'visit', {
      body: null,
      raw: 'fever',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(text).toMatchObject({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
    });
    expect(intake.events).toEqual([]);
  });

  it('needs a clinician (or admin) credential', async () => {
    const { t } = await setup();
    const anonymous = await t.app.request('/api/v1/events/visit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(visit()),
    });
    expect(anonymous.status).toBe(401);
    expect(
      (await post(t, 'visit', { body: visit(), headers: t.as('data-scientist') })).status,
    ).toBe(403);
    expect((await post(t, 'visit', { body: visit(), headers: t.as('admin') })).status).toBe(202);
  });

  it('answers 503 when no event queue is configured', async () => {
    const { t } = await setup({ intake: false });
    expect(await post(t, 'visit', { body: visit() })).toMatchObject({
      status: 503,
      body: { error: { code: 'DEPENDENCY_UNAVAILABLE' } },
    });
  });
});

describe('POST /api/v1/events/feedback', () => {
  const feedback = (body: Record<string, unknown>) => ({
    eventId: EVENT_ID,
    patient: { pseudonym: PATIENT },
    encounter: { pseudonym: `en_${'b'.repeat(32)}` },
    occurredAt: '2026-11-22T09:40:00Z',
    modelVersion: null,
    ...body,
  });

  it('accepts a dismissal with a reason code and a final diagnosis', async () => {
    const { t, intake } = await setup();
    const dismissed = await post(t, 'feedback', {
      body: feedback({
        feedback: {
          action: 'dismissed',
          suggestion: { kind: 'condition', id: 'community-acquired-pneumonia' },
          reason: 'ruled-out',
        },
      }),
    });
    expect(dismissed.status).toBe(202);
    expect(intake.events[0]).toMatchObject({ kind: 'feedback', modelVersion: null });
    const final = await post(t, 'feedback', {
      body: feedback({
        eventId: '9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0',
        feedback: { action: 'final-diagnosis', conditionId: null, icd10: 'I10' },
      }),
    });
    expect(final.status).toBe(202);
    expect(intake.events[1]).toMatchObject({
      feedback: { action: 'final-diagnosis', conditionId: 'essential-hypertension', icd10: 'I10' },
    });
  });

  it('rejects a free-text reason', async () => {
    const { t } = await setup();
    const res = await post(t, 'feedback', {
      body: feedback({
        feedback: {
          action: 'dismissed',
          suggestion: { kind: 'condition', id: 'community-acquired-pneumonia' },
          reason: 'the patient told me she is fine',
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('she is fine');
  });
});
