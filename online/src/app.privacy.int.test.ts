/**
 * Privacy: recognisable PHI (name, MRN, phone, address, birth date, a distinctive note sentence) is
 * sent through every online input path — assist free text and source id, summarize, visit and
 * feedback events (real Redis intake and refresh queue), CDS Hooks prefetch — including requests
 * that fail. Then logs, /metrics, every Redis key and value the requests left (job payloads, the
 * intake's ledger), every response body that is an error, and the audit log are scanned: nothing.
 * (Ingest's lake is scanned the same way in offline/src/ingest/phi.int.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { createEventIntake, createNearlineKeys, NEARLINE_QUEUES } from '@mediassist/shared/events';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hookRequest } from './cds-hooks/testing/fhir-fixture.js';
import { createAttackApp, type AttackApp } from './testing/attack-app.js';
import { redisUrl } from './testing/redis-url.js';

const PHI = {
  name: 'Zebulon Quixote-Harrington',
  family: 'Quixote-Harrington',
  mrn: 'MRN-778812',
  phone: '555-0199-4321',
  address: '42 Wallaby Way',
  birthDate: '1961-07-04',
  sentence: 'his ferret Quimby bit him at the allotment',
} as const;
const NEEDLES = Object.values(PHI).map((v) => v.toLowerCase());
const NOTE = `${PHI.name} (born ${PHI.birthDate}, ${PHI.address}, tel ${PHI.phone}) says ${PHI.sentence}. Cough and fever for 3 days, no chest pain.`;

let ctx: RedisTestContext;
let queue: Queue;
let t: AttackApp;
const errorBodies: string[] = [];

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((needle) => lower.includes(needle));
}

async function post(path: string, body: unknown, headers: Record<string, string>) {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) {
    errorBodies.push(text);
  }
  return { status: res.status, text };
}

/** Every key under the test prefix with its whole content, whatever its type. */
async function redisDump(): Promise<string> {
  const { redis, prefix } = ctx;
  const keys = await redis.keys(`${prefix}*`);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const content: unknown =
      type === 'string'
        ? await redis.get(key)
        : type === 'hash'
          ? await redis.hgetall(key)
          : type === 'list'
            ? await redis.lrange(key, 0, -1)
            : type === 'set'
              ? await redis.smembers(key)
              : type === 'zset'
                ? await redis.call('ZRANGE', key, '0', '-1', 'WITHSCORES')
                : type === 'stream'
                  ? await redis.xrange(key, '-', '+')
                  : `(${type})`;
    parts.push(`${key} ${JSON.stringify(content)}`);
  }
  return parts.join('\n');
}

beforeAll(async () => {
  ctx = createRedisTestContext(redisUrl());
  const keys = createNearlineKeys(ctx.prefix);
  queue = new Queue(NEARLINE_QUEUES.refresh, { connection: ctx.redis, prefix: keys.queuePrefix });
  const intake = createEventIntake({
    redis: ctx.redis,
    refreshQueue: queue,
    keys,
    retry: { attempts: 3, backoffDelayMs: 20, jitter: 0.5 },
  });
  t = await createAttackApp({ eventIntake: intake });
});
afterAll(async () => {
  await queue.close();
  await ctx.cleanup();
});

describe('no PHI leaves the request', () => {
  it('is absent from logs, metrics, Redis, error responses and the audit log', async () => {
    const clinician = t.as('clinician');
    const patient = { sourceId: PHI.mrn };
    // Assist: free text and a source id; then a failing one (unknown finding named after the patient).
    const pseudonymous = { pseudonym: `pt_${'9'.repeat(32)}` };
    const served = { patient: pseudonymous, text: NOTE, age: 64, sex: 'male' };
    expect((await post('/api/v1/assist', served, clinician)).status).toBe(200);
    await post('/api/v1/assist', { ...served, patient }, clinician);
    await post(
      '/api/v1/assist',
      { patient, findings: { present: [PHI.family.toLowerCase()] }, text: NOTE },
      clinician,
    );
    await post(
      '/api/v1/assist',
      `{"patient": {"sourceId": "${PHI.mrn}"}, "text": "${PHI.name}`,
      clinician,
    );
    // Summarize: the note, and one too long (413) that still carries the note.
    expect((await post('/api/v1/summarize', { text: NOTE }, clinician)).status).toBe(200);
    await post('/api/v1/summarize', { text: `${NOTE} ${'x'.repeat(20_001)}` }, clinician);
    await post('/api/v1/summarize', { text: 42, note: NOTE }, clinician);
    // Events: a visit and a feedback through the real Redis intake, and a malformed visit.
    const visit = {
      eventId: randomUUID(),
      patient,
      encounter: { sourceId: `ENC-${PHI.mrn}` },
      occurredAt: '2026-11-22T09:30:00Z',
      findings: { present: ['fever', 'cough'] },
      medications: { started: ['29046'] },
    };
    expect((await post('/api/v1/events/visit', visit, clinician)).status).toBe(202);
    const feedback = {
      eventId: randomUUID(),
      patient,
      encounter: { sourceId: `ENC-${PHI.mrn}` },
      occurredAt: '2026-11-22T09:40:00Z',
      modelVersion: null,
      feedback: { action: 'final-diagnosis', conditionId: null, icd10: 'I10' },
    };
    expect((await post('/api/v1/events/feedback', feedback, clinician)).status).toBe(202);
    await post(
      '/api/v1/events/visit',
      { ...visit, occurredAt: PHI.birthDate, note: NOTE },
      clinician,
    );
    // Patient lookup by source id (found or not, the id never comes back).
    await post('/api/v1/patients/lookup', { patient }, clinician);
    // CDS Hooks: a prefetched Patient with name, address, phone and birth date.
    const prefetchPatient = {
      resourceType: 'Patient',
      id: PHI.mrn,
      name: [{ text: PHI.name, family: PHI.family }],
      telecom: [{ system: 'phone', value: PHI.phone }],
      address: [{ line: [PHI.address] }],
      birthDate: PHI.birthDate,
      gender: 'male',
    };
    const id = 'mediassist-patient-view';
    const cds = hookRequest({
      hook: 'patient-view',
      context: { patientId: PHI.mrn },
      prefetch: { patient: prefetchPatient },
    });
    const cdsRes = await post(`/cds-services/${id}`, cds, {
      Authorization: `Bearer ${await t.ehrToken(id)}`,
    });
    expect(cdsRes.status).toBe(200);
    await post(
      `/cds-services/${id}`,
      { ...cds, context: { patientId: PHI.name } },
      {
        Authorization: `Bearer ${await t.ehrToken(id)}`,
      },
    );

    const metrics = await t.app.request('/metrics', { headers: t.as('admin') });
    const scanned = {
      logs: leaks(t.logText()),
      metrics: leaks(await metrics.text()),
      redis: leaks(await redisDump()),
      errors: leaks(errorBodies.join('\n')),
      audit: leaks(JSON.stringify(t.audit.records)),
    };
    expect(scanned).toEqual({ logs: [], metrics: [], redis: [], errors: [], audit: [] });
    // The scans saw real material: requests were logged, jobs queued, refusals answered, access audited.
    expect(t.logs().filter((l) => l['msg'] === 'request').length).toBeGreaterThanOrEqual(10);
    expect((await redisDump()).length).toBeGreaterThan(200);
    expect(errorBodies.length).toBeGreaterThanOrEqual(4);
    expect(t.audit.records.length).toBeGreaterThanOrEqual(4);
    expect(
      t.audit.records.every((r) => r.patient === undefined || r.patient.startsWith('pt_')),
    ).toBe(true);
  });
});
