/**
 * The nearline side of the privacy scan (real Redis, real BullMQ workers, real DuckDB lake). A
 * recognisable patient — name, MRN, phone, address, birth date, a distinctive note sentence — is
 * seeded through every field a visit and a feedback event can carry: through the edge (the
 * normaliser, then the intake), which rejects free text in coded fields and strips it from a FHIR
 * Bundle, and straight into the refresh queue, the pending hash and the lake stream. Once the workers
 * have processed everything, none of it is found in the online store, any Redis key or value, the
 * lake's event and feedback rows, the workers' logs, the metrics text or the dead letters.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import { AppError } from '@mediassist/shared/errors';
import {
  createEventNormalizer,
  encodePendingEntry,
  REFRESH_JOB_NAME,
  type CodedEvent,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import { PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbLakeFileWriter, type LakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import { LAKE_CONSUMER_GROUP } from './lake/lake-stream.js';
import { readLakeTable } from './testing/lake-reader.js';
import { createHarness, FAST_RETRY, metricValue, type Harness } from './testing/harness.js';
import { redisUrl } from './testing/redis-url.js';
import { startWorkers, type RunningWorkers } from './workers.js';

const PHI = {
  name: 'Philippa Quenneville-Marsh',
  mrn: 'MRN-7730-4419',
  phone: '+1-555-0143-872',
  address: '17 Larkspur Crescent, Dunmore',
  birthDate: '1953-02-27',
  note: 'She fears the tremor started after her brother Ambrose visited from Kilkenny',
} as const;
/** What is searched for: each value, and the distinctive words inside the longer ones. */
const NEEDLES = [
  ...Object.values(PHI),
  'Quenneville',
  'Philippa',
  'Larkspur',
  'Ambrose',
  'Kilkenny',
  '0143-872',
  '7730-4419',
];

function findPhi(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((needle) => lower.includes(needle.toLowerCase()));
}

const kb = loadKnowledgeBase();
const normalizer = createEventNormalizer({
  kb,
  pseudonymKey: PseudonymKeySchema.parse('privacy-scan-test-key-0123456789abcdef'),
  clock: () => new Date('2026-11-05T12:00:00Z'),
});
const OCCURRED = '2026-11-05T09:00:00Z';
const header = () => ({
  eventId: randomUUID(),
  patient: { sourceId: PHI.mrn },
  encounter: { sourceId: PHI.note },
  occurredAt: OCCURRED,
});
const coding = (code: string) => ({ system: 'http://snomed.info/sct', code });

/** Visit bodies with PHI in one field each: every one must be refused with no PHI in the error. */
const REFUSED_VISITS: Record<string, Record<string, unknown>> = {
  'top-level name': { ...header(), name: PHI.name },
  'top-level birthDate': { ...header(), birthDate: PHI.birthDate },
  'top-level address and phone': { ...header(), address: PHI.address, telecom: PHI.phone },
  'top-level note': { ...header(), note: PHI.note },
  'eventId as a name': { ...header(), eventId: PHI.name },
  'occurredAt as a birth date': { ...header(), occurredAt: PHI.birthDate },
  'patient pseudonym as an MRN': { ...header(), patient: { pseudonym: PHI.mrn } },
  'patient with a name beside its id': { ...header(), patient: { sourceId: 'x1', name: PHI.name } },
  'finding as note text': { ...header(), findings: { present: [PHI.note], absent: [] } },
  'finding code with display': {
    ...header(),
    findings: { present: [{ ...coding('386661006'), display: PHI.name }], absent: [] },
  },
  'finding code as an address': { ...header(), findings: { present: [coding(PHI.address)] } },
  'finding with a note field': { ...header(), findings: { present: [], note: PHI.note } },
  'diagnosis id as a name': { ...header(), diagnoses: [{ conditionId: PHI.name }] },
  'diagnosis with a note': {
    ...header(),
    diagnoses: [{ conditionId: 'community-acquired-pneumonia', note: PHI.note }],
  },
  'observation unit as an address': {
    ...header(),
    observations: [{ loinc: '8310-5', value: 38.5, unit: PHI.address }],
  },
  'observation loinc as a phone': {
    ...header(),
    observations: [{ loinc: PHI.phone, value: 1, unit: 'Cel' }],
  },
  'observation with a note': {
    ...header(),
    observations: [{ loinc: '8310-5', value: 38.5, unit: 'Cel', note: PHI.note }],
  },
  'medication as a phone': { ...header(), medications: { started: [PHI.phone] } },
  'medication with a note': { ...header(), medications: { started: [], note: PHI.note } },
  'test as a name': { ...header(), tests: [PHI.name] },
};

const feedbackBase = () => ({
  ...header(),
  modelVersion: null,
  feedback: { action: 'accepted', suggestion: { kind: 'condition', id: 'influenza' } },
});
const REFUSED_FEEDBACK: Record<string, Record<string, unknown>> = {
  'top-level comment': { ...feedbackBase(), comment: PHI.note },
  'modelVersion as a name': { ...feedbackBase(), modelVersion: PHI.name },
  'suggestion id as a name': {
    ...feedbackBase(),
    feedback: { action: 'accepted', suggestion: { kind: 'condition', id: PHI.name } },
  },
  'dismiss reason as free text': {
    ...feedbackBase(),
    feedback: {
      action: 'dismissed',
      suggestion: { kind: 'test', id: 'chest-x-ray' },
      reason: PHI.note,
    },
  },
  'feedback with a note': {
    ...feedbackBase(),
    feedback: {
      action: 'final-diagnosis',
      conditionId: 'influenza',
      icd10: null,
      note: PHI.note,
    },
  },
};

/** A FHIR visit Bundle with PHI everywhere FHIR allows free text: accepted, the PHI stripped. */
function phiBundle(): Record<string, unknown> {
  const cc = (system: string, code: string) => ({
    coding: [{ system, code, display: PHI.name }],
    text: PHI.note,
  });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    entry: [
      {
        resource: {
          resourceType: 'Patient',
          id: PHI.mrn,
          identifier: [{ system: 'urn:oid:1.2.3', value: PHI.mrn }],
          name: [{ text: PHI.name }],
          telecom: [{ system: 'phone', value: PHI.phone }],
          address: [{ text: PHI.address }],
          birthDate: PHI.birthDate,
          text: { status: 'generated', div: `<div>${PHI.note}</div>` },
        },
      },
      {
        resource: {
          resourceType: 'Encounter',
          id: 'enc-privacy-1',
          status: 'finished',
          subject: { reference: `Patient/${PHI.mrn}`, display: PHI.name },
          period: { start: OCCURRED },
          reasonCode: [{ text: PHI.note }],
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: cc('http://snomed.info/sct', '386661006'),
          valueBoolean: true,
          note: [{ text: PHI.note }],
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: cc('http://loinc.org', '8310-5'),
          effectiveDateTime: OCCURRED,
          valueQuantity: { value: 38.6, unit: PHI.address, code: 'Cel' },
        },
      },
      {
        resource: {
          resourceType: 'DocumentReference',
          status: 'current',
          description: PHI.note,
        },
      },
    ],
  };
}

let h: Harness;
let lakeDir: string;
let blocking: Redis;
let files: LakeFileWriter;
let running: RunningWorkers;
const logLines: string[] = [];

beforeAll(async () => {
  h = createHarness({ redisUrl: redisUrl(), kb, retry: FAST_RETRY });
  lakeDir = await mkdtemp(path.join(tmpdir(), 'nearline-privacy-'));
  blocking = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  files = await createDuckDbLakeFileWriter();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  running = await startWorkers(
    {
      redis: h.context.redis,
      blockingRedis: blocking,
      store: h.store,
      kb,
      deriver: h.deriver(),
      lakeFiles: files,
      keys: h.keys,
      metrics: h.metrics,
      logger: createLogger({ name: 'nearline-privacy', level: 'debug', destination }),
      clock: () => new Date(),
    },
    {
      concurrency: 2,
      lakeDir,
      lake: { flushMs: 100, maxRows: 500, claimIdleMs: 5_000, claimIntervalMs: 1_000 },
      retry: FAST_RETRY,
      sweepIntervalMs: 0,
    },
  );
});
afterAll(async () => {
  await running.close();
  files.close();
  blocking.disconnect();
  await h.close();
  await rm(lakeDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(25);
  }
}

/** Every key under the test's prefix and everything it holds, as one text. */
async function dumpRedis(redis: Redis, prefix: string): Promise<{ keys: number; text: string }> {
  const parts: string[] = [];
  let keys = 0;
  for await (const batch of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
    for (const key of batch as string[]) {
      keys += 1;
      parts.push(key);
      const type = await redis.type(key);
      switch (type) {
        case 'string':
          parts.push((await redis.get(key)) ?? '');
          break;
        case 'hash':
          parts.push(JSON.stringify(await redis.hgetall(key)));
          break;
        case 'list':
          parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
          break;
        case 'set':
          parts.push(JSON.stringify(await redis.smembers(key)));
          break;
        case 'zset':
          parts.push(JSON.stringify(await redis.zrange(key, '0', '-1')));
          break;
        case 'stream':
          parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
          break;
        default:
          parts.push(`unscanned type ${type}`);
      }
    }
  }
  return { keys, text: parts.join('\n') };
}

describe('nearline privacy scan (real Redis, BullMQ workers, DuckDB lake)', () => {
  it(
    'keeps a seeded patient’s name, MRN, phone, address, birth date and note out of the store, Redis, the lake, logs, metrics and dead letters',
    { timeout: 60_000 },
    async () => {
      // 1. The edge refuses free text in every coded field, and its errors do not repeat it.
      const refusals = [
        ...Object.entries(REFUSED_VISITS).map(([what, body]) => ({
          what,
          run: () => normalizer.visit(body),
        })),
        ...Object.entries(REFUSED_FEEDBACK).map(([what, body]) => ({
          what,
          run: () => normalizer.feedback(body),
        })),
      ];
      for (const { what, run } of refusals) {
        let thrown: unknown = null;
        try {
          run();
        } catch (error) {
          thrown = error;
        }
        expect(thrown, what).toBeInstanceOf(AppError);
        const error = thrown as AppError;
        expect(error.code, what).toBe('VALIDATION_FAILED');
        expect(findPhi(JSON.stringify({ m: error.message, d: error.details })), what).toEqual([]);
      }

      // 2. What the edge accepts carries pseudonyms and codes only: source ids are replaced, a
      // FHIR Bundle's names, telecom, address, birth date, displays and notes are dropped.
      const accepted: CodedEvent[] = [
        normalizer.visit({
          ...header(),
          findings: { present: ['fever'], absent: [] },
          observations: [{ loinc: '8310-5', value: 38.4, unit: 'Cel' }],
          medications: { started: ['161'], stopped: [] },
        }),
        normalizer.visit(phiBundle()),
        normalizer.feedback(feedbackBase()),
        normalizer.feedback({
          ...feedbackBase(),
          feedback: { action: 'final-diagnosis', conditionId: 'influenza', icd10: null },
        }),
      ];
      for (const event of accepted) {
        expect(findPhi(JSON.stringify(event))).toEqual([]);
      }
      const patientId = accepted[0]?.patientId as PatientId;
      expect(accepted.every((e) => e.patientId === patientId)).toBe(true);
      for (const event of accepted) {
        await h.intake.submit(event);
      }

      // 3. The intake itself refuses an event object carrying extra fields (it re-parses strictly).
      const smuggled = {
        ...accepted[0],
        eventId: randomUUID(),
        note: PHI.note,
      } as unknown as CodedEvent;
      await expect(h.intake.submit(smuggled)).rejects.toThrow();

      // 4. Straight into the queues, past the edge: refresh payloads, a pending entry and lake
      // stream entries full of PHI.
      const other = testPatientId(777_001);
      const badPayloads: unknown[] = [
        { patientId: PHI.mrn },
        { patientId: other, name: PHI.name, birthDate: PHI.birthDate },
        { patient: { address: PHI.address, phone: PHI.phone }, note: PHI.note },
      ];
      for (const payload of badPayloads) {
        await h.refreshQueue.add(REFRESH_JOB_NAME, payload, { attempts: 3 });
      }
      const pendingEvent = {
        ...accepted[0],
        eventId: randomUUID(),
        patientId: other,
        note: PHI.note,
        patientName: PHI.name,
      };
      const { redis } = h.context;
      await redis.hset(
        h.keys.pending(other),
        pendingEvent.eventId,
        encodePendingEntry({
          hash: 'a'.repeat(64),
          envelope: { acceptedAtMs: Date.now(), event: pendingEvent as unknown as CodedEvent },
        }),
      );
      await h.refreshQueue.add(REFRESH_JOB_NAME, { patientId: other }, { attempts: 3 });
      await redis.xadd(
        h.keys.lakeStream,
        '*',
        'e',
        JSON.stringify({ acceptedAtMs: Date.now(), event: pendingEvent }),
      );
      await redis.xadd(h.keys.lakeStream, '*', 'e', PHI.note);
      await redis.xadd(h.keys.lakeStream, '*', 'name', PHI.name, 'dob', PHI.birthDate);
      const expectedLetters = badPayloads.length + 1 + 3;

      // 5. Wait until the workers processed everything.
      await until(async () => (await h.deadQueue.getWaitingCount()) === expectedLetters);
      await until(
        async () => (await metricValue(h.metrics, 'nearline_events_processed_total')) === 4,
      );
      await until(async () => {
        const [events, feedback] = await Promise.all([
          readLakeTable(lakeDir, 'events'),
          readLakeTable(lakeDir, 'feedback'),
        ]);
        return events.length === 2 && feedback.length === 2;
      });
      await until(async () => (await h.refreshQueue.getActiveCount()) === 0);
      // Removing a failed job and deleting an unreadable stream entry follow their dead letter.
      await until(async () => (await h.refreshQueue.getFailedCount()) === 0);
      await until(async () => {
        const summary = (await redis.xpending(h.keys.lakeStream, LAKE_CONSUMER_GROUP)) as [number];
        return summary[0] === 0;
      });

      // 6. Scan.
      const record = await h.store.read(patientId, undefined, { now: new Date() });
      expect(findPhi(JSON.stringify(record)), 'online store read').toEqual([]);
      const dump = await dumpRedis(redis, h.context.prefix);
      expect(dump.keys).toBeGreaterThan(5);
      expect(dump.text).toContain(patientId);
      const leakingKeys = dump.text
        .split('\n')
        .filter((line) => findPhi(line).length > 0)
        .map((line) => line.slice(0, 300));
      expect(leakingKeys, 'Redis keys and values').toEqual([]);
      const lakeRows = [
        ...(await readLakeTable(lakeDir, 'events')),
        ...(await readLakeTable(lakeDir, 'feedback')),
      ];
      expect(lakeRows).toHaveLength(4);
      expect(findPhi(JSON.stringify(lakeRows)), 'lake rows').toEqual([]);
      expect(logLines.length).toBeGreaterThan(0);
      expect(findPhi(logLines.join('')), 'worker logs').toEqual([]);
      const metricsText = await h.metrics.registry.metrics();
      expect(metricsText).toContain('nearline_events_processed_total');
      expect(findPhi(metricsText), 'metrics').toEqual([]);
      const letters = await h.deadLetters();
      expect(letters).toHaveLength(expectedLetters);
      expect(findPhi(JSON.stringify(letters)), 'dead letters').toEqual([]);
    },
  );
});
