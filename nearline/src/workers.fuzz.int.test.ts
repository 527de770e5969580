/**
 * Worker payload fuzzing (fast-check, seeded, bounded): malformed refresh-job payloads — wrong types,
 * missing or malformed patient ids, extra fields, oversized values, `__proto__`/`constructor` keys —
 * are added straight to the real refresh queue (real Redis, real BullMQ workers) between valid visit
 * events. Each malformed job lands in the dead-letter queue once, with a reason code and no trace of
 * the PHI-looking values it carried; the workers keep running and every valid event is applied.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import { REFRESH_JOB_NAME } from '@mediassist/shared/events';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbLakeFileWriter, type LakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import { visitEvent } from './testing/events.js';
import { createHarness, FAST_RETRY, metricValue, type Harness } from './testing/harness.js';
import { redisUrl } from './testing/redis-url.js';
import { startWorkers, type RunningWorkers } from './workers.js';

const PHI = { name: 'Henrietta Fuzzworth', dob: '1961-04-12', mrn: 'MRN-448812' } as const;
const VALID_ID = testPatientId(424242);

let h: Harness;
let lakeDir: string;
let blocking: Redis;
let files: LakeFileWriter;
let running: RunningWorkers;

beforeAll(async () => {
  h = createHarness({ redisUrl: redisUrl(), kb: loadKnowledgeBase(), retry: FAST_RETRY });
  lakeDir = await mkdtemp(path.join(tmpdir(), 'nearline-fuzz-'));
  blocking = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  files = await createDuckDbLakeFileWriter();
  running = await startWorkers(
    {
      redis: h.context.redis,
      blockingRedis: blocking,
      store: h.store,
      kb: h.kb,
      deriver: h.deriver(),
      lakeFiles: files,
      keys: h.keys,
      metrics: h.metrics,
      logger: h.logger,
      clock: () => new Date(),
    },
    {
      concurrency: 4,
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

const phiValue = fc.constantFrom<string>(...Object.values(PHI));

/** Payloads the refresh contract (`{ patientId: "pt_<32 hex>" }`, nothing else) must refuse. */
const malformedPayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, 'pt_x', true, [], {}),
  fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.nat())).map((patientId) => ({
    patientId,
  })),
  fc.oneof(phiValue, fc.string(), fc.stringMatching(/^pt_[0-9a-f]{31}$/)).map((patientId) => ({
    patientId,
  })),
  phiValue.map((name) => ({ patient: { name } })),
  fc.tuple(fc.constantFrom('name', 'birthDate', 'note', 'mrn'), phiValue).map(([key, value]) => ({
    patientId: VALID_ID,
    [key]: value,
  })),
  fc.integer({ min: 100_000, max: 600_000 }).map((size) => ({
    patientId: `${VALID_ID}${'0'.repeat(size)}`,
  })),
  fc
    .constantFrom('__proto__', 'constructor', 'prototype')
    .map(
      (key) =>
        JSON.parse(`{"patientId":"${VALID_ID}","${key}":{"polluted":"${PHI.name}"}}`) as unknown,
    ),
  fc
    .constantFrom('__proto__', 'constructor')
    .map((key) => JSON.parse(`{"${key}":{"patientId":"${VALID_ID}"}}`) as unknown),
);

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(25);
  }
}

describe('worker payload fuzzing (real Redis, BullMQ, workers)', () => {
  it(
    'dead-letters every malformed refresh payload with a code and no PHI, and processes the valid events in between',
    { timeout: 240_000 },
    async () => {
      let patient = 5000;
      let sentBad = 0;
      let sentGood = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.oneof(
              malformedPayload.map((p) => ({ bad: p })),
              fc.constant(null),
            ),
            {
              minLength: 1,
              maxLength: 12,
            },
          ),
          async (items) => {
            for (const item of items) {
              if (item === null) {
                patient += 1;
                sentGood += 1;
                await h.intake.submit(
                  visitEvent({
                    patientId: testPatientId(patient),
                    findings: { present: ['fever'], absent: [] },
                  }),
                );
              } else {
                sentBad += 1;
                await h.refreshQueue.add(REFRESH_JOB_NAME, item.bad, { attempts: 3 });
              }
            }
            await until(async () => (await h.deadQueue.getWaitingCount()) === sentBad);
            await until(
              async () =>
                (await metricValue(h.metrics, 'nearline_events_processed_total')) === sentGood,
            );
          },
        ),
        { seed: 20_260_302, numRuns: 20, endOnFailure: true },
      );
      const letters = await h.deadLetters();
      expect(letters).toHaveLength(sentBad);
      for (const letter of letters) {
        expect(letter).toMatchObject({
          event: null,
          patientId: null,
          stage: 'refresh',
          attempts: 1,
          reason: { code: 'VALIDATION_FAILED' },
        });
        const text = JSON.stringify(letter);
        for (const needle of Object.values(PHI)) {
          expect(text).not.toContain(needle);
        }
      }
      expect(await metricValue(h.metrics, 'nearline_events_processed_total')).toBe(sentGood);
      expect(
        await metricValue(h.metrics, 'nearline_events_dead_lettered_total', { stage: 'refresh' }),
      ).toBe(sentBad);
      // Prototype-pollution keys stayed data: nothing reached Object.prototype.
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(sentBad).toBeGreaterThan(20);
      expect(sentGood).toBeGreaterThan(10);
    },
  );
});
