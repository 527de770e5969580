import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDuckDbLakeFileWriter, type LakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import type { FeatureDeriver } from './refresh/derive-features.js';
import { visitEvent } from './testing/events.js';
import { createHarness, FAST_RETRY, metricValue, type Harness } from './testing/harness.js';
import { lakeRowCounts } from './testing/lake-reader.js';
import { redisUrl } from './testing/redis-url.js';
import { startWorkers, type RunningWorkers, type WorkersConfig } from './workers.js';

const kb = loadKnowledgeBase();
let h: Harness;
let lakeDir: string;
let blocking: Redis;
let files: LakeFileWriter;
let running: RunningWorkers | undefined;

beforeEach(async () => {
  h = createHarness({ redisUrl: redisUrl(), kb, retry: FAST_RETRY });
  lakeDir = await mkdtemp(path.join(tmpdir(), 'nearline-workers-'));
  blocking = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  files = await createDuckDbLakeFileWriter();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  files.close();
  blocking.disconnect();
  await h.close();
  await rm(lakeDir, { recursive: true, force: true });
});

const config = (extra: Partial<WorkersConfig> = {}): WorkersConfig => ({
  concurrency: 8,
  lakeDir,
  lake: { flushMs: 100, maxRows: 500, claimIdleMs: 5_000, claimIntervalMs: 1_000 },
  retry: FAST_RETRY,
  sweepIntervalMs: 0,
  ...extra,
});

async function start(
  options: { deriver?: FeatureDeriver; redis?: Redis } = {},
  extra: Partial<WorkersConfig> = {},
) {
  running = await startWorkers(
    {
      redis: options.redis ?? h.context.redis,
      blockingRedis: blocking,
      store: h.store,
      kb,
      deriver: options.deriver ?? h.deriver(),
      lakeFiles: files,
      keys: h.keys,
      metrics: h.metrics,
      logger: h.logger,
      clock: () => new Date(),
    },
    config(extra),
  );
  return running;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(25);
  }
}

const visits = async (patient: number): Promise<number | undefined> => {
  const state = (await h.store.read(testPatientId(patient), ['recent_findings'])).features
    .recent_findings;
  return state.status === 'fresh' || state.status === 'stale' ? state.value.visits90d : undefined;
};

describe('startWorkers (real Redis, BullMQ, DuckDB)', () => {
  it('refreshes every patient of a stream of events exactly once, coalescing bursts, and fills the lake', async () => {
    await start();
    const patients = 20;
    const perPatient = 10;
    const submitted: string[] = [];
    for (let round = 0; round < perPatient; round++) {
      await Promise.all(
        Array.from({ length: patients }, async (_, p) => {
          const event = visitEvent({
            patientId: testPatientId(1000 + p),
            encounter: round + 1,
            occurredAt: new Date(Date.now() - 1000 + round).toISOString(),
            findings: { present: ['fever'], absent: [] },
          });
          submitted.push(event.eventId);
          await h.intake.submit(event);
        }),
      );
    }
    await until(
      async () =>
        (await metricValue(h.metrics, 'nearline_events_processed_total')) === patients * perPatient,
    );
    for (let p = 0; p < patients; p++) {
      expect(await visits(1000 + p)).toBe(perPatient);
    }
    const refreshes = await metricValue(h.metrics, 'nearline_refresh_batch_events');
    expect(refreshes).toBeLessThan(patients * perPatient);
    await until(async () => (await lakeRowCounts(lakeDir, 'events')).size === submitted.length);
    expect([...(await lakeRowCounts(lakeDir, 'events')).values()].every((n) => n === 1)).toBe(true);
  });

  it('dead-letters a poison event after its retries while other patients flow', async () => {
    const real = h.deriver();
    const deriver: FeatureDeriver = {
      derive: (input) =>
        input.working.recent_findings?.value.present.includes('haemoptysis')
          ? Promise.reject(new Error('engine bug'))
          : real.derive(input),
    };
    await start({ deriver });
    const poison = visitEvent({
      patientId: testPatientId(1),
      findings: { present: ['haemoptysis'], absent: [] },
    });
    await h.intake.submit(poison);
    for (let p = 2; p <= 6; p++) {
      await h.intake.submit(
        visitEvent({ patientId: testPatientId(p), findings: { present: ['fever'], absent: [] } }),
      );
    }
    await until(async () => (await h.deadLetters()).length === 1);
    expect((await h.deadLetters())[0]).toMatchObject({
      eventId: poison.eventId,
      attempts: FAST_RETRY.attempts,
    });
    expect(
      await metricValue(h.metrics, 'nearline_refresh_jobs_total', { outcome: 'retried' }),
    ).toBe(FAST_RETRY.attempts - 1);
    await until(
      async () => (await metricValue(h.metrics, 'nearline_events_processed_total')) === 5,
    );
    for (let p = 2; p <= 6; p++) {
      expect(await visits(p)).toBe(1);
    }
    expect(await visits(1)).toBeUndefined();
    expect(
      await metricValue(h.metrics, 'nearline_events_dead_lettered_total', { stage: 'refresh' }),
    ).toBe(1);
  });

  it('keeps an event that arrives while its patient is being refreshed (keep-last-if-active)', async () => {
    const real = h.deriver();
    let slow = true;
    const deriver: FeatureDeriver = {
      derive: async (input) => {
        if (slow) {
          slow = false;
          await sleep(400);
        }
        return real.derive(input);
      },
    };
    await start({ deriver });
    const P = 77;
    await h.intake.submit(visitEvent({ patientId: testPatientId(P), encounter: 1 }));
    await until(async () => (await h.refreshQueue.getActiveCount()) === 1);
    for (let i = 2; i <= 4; i++) {
      await h.intake.submit(visitEvent({ patientId: testPatientId(P), encounter: i }));
    }
    await until(async () => (await visits(P)) === 4);
    expect(await metricValue(h.metrics, 'nearline_refresh_batch_events')).toBe(2);
  });

  it('finds events staged without a job (a producer that died half-way) at start-up', async () => {
    const event = visitEvent({ patientId: testPatientId(9) });
    await h.intake.submit(event);
    await h.refreshQueue.obliterate({ force: true });
    await start();
    await until(async () => (await visits(9)) === 1);
    expect(await metricValue(h.metrics, 'nearline_swept_patients_total')).toBeGreaterThanOrEqual(1);
  });

  it('refuses to start unless Redis evicts nothing (maxmemory-policy noeviction)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'nearline-lru-'));
    const lru = await startLocalRedis({
      dataDir,
      extraArgs: ['--maxmemory-policy', 'allkeys-lru'],
    });
    const client = new Redis(lru.url, { maxRetriesPerRequest: null });
    try {
      await expect(start({ redis: client })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('allkeys-lru') as unknown,
      });
    } finally {
      client.disconnect();
      await lru.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
