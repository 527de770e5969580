/**
 * Fault injection on the nearline tier, with real worker processes:
 *  - Redis is SIGKILLed during an event stream and restarted on its AOF;
 *  - a worker is SIGKILLed mid-batch while another keeps running.
 * The submitter retries an unacknowledged event with the same eventId (the intake deduplicates).
 * Every acknowledged event must be applied exactly once: counted once in the patient's online
 * features, written once to the lake's events table.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import type { CodedVisitEvent } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { writeFaultResult } from '@mediassist/tooling/fault-report';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { afterEach, describe, expect, it } from 'vitest';
import { visitEvent } from './testing/events.js';
import { createHarness, type Harness } from './testing/harness.js';
import { lakeRowCounts } from './testing/lake-reader.js';
import { redisUrl } from './testing/redis-url.js';
import { spawnWorkerProcess, type WorkerProcess } from './testing/worker-process.js';

const kb = loadKnowledgeBase();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

/** Polls `check` until it holds; on timeout the error says what was awaited and how far it got. */
async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  progress: () => Promise<string> = () => Promise.resolve(''),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met in time: ${await progress()}`);
    }
    await sleep(100);
  }
}

/** Whether each worker still runs, and their warnings and errors (ids and codes only), for a timeout's message. */
function problems(workers: readonly WorkerProcess[]): string {
  const exits = workers.map((w) => w.child.signalCode ?? w.child.exitCode ?? 'running');
  const lines = workers.flatMap((w) => w.logs().filter((l) => Number(l['level'] ?? 0) >= 40));
  return `${JSON.stringify(exits)} ${JSON.stringify(lines.slice(-20))}`;
}

interface Rig {
  h: Harness;
  home: string;
  worker(): WorkerProcess;
  workers: readonly WorkerProcess[];
}

async function rig(url: string): Promise<Rig> {
  const h = createHarness({ redisUrl: url, kb });
  const home = await mkdtemp(path.join(tmpdir(), 'nearline-fault-'));
  const processes: WorkerProcess[] = [];
  cleanups.push(async () => {
    for (const p of processes) {
      p.kill('SIGKILL');
      await p.exited;
    }
    await h.close().catch(() => undefined);
    await rm(home, { recursive: true, force: true });
  });
  return {
    h,
    home,
    workers: processes,
    worker: () => {
      const p = spawnWorkerProcess({
        REDIS_URL: url,
        MEDIASSIST_HOME: home,
        REDIS_KEY_PREFIX: h.context.prefix,
        METRICS_PORT: '0',
        NEARLINE_CONCURRENCY: '4',
        NEARLINE_LOCK_MS: '1500',
        NEARLINE_STALLED_INTERVAL_MS: '500',
        LAKE_CLAIM_IDLE_MS: '1500',
        LAKE_FLUSH_MS: '200',
        LAKE_FLUSH_ROWS: '50',
        NEARLINE_SWEEP_INTERVAL_MS: '2000',
      });
      processes.push(p);
      return p;
    },
  };
}

/** Submits until acknowledged (same eventId on every try); returns how many tries failed. */
async function submitUntilAcknowledged(h: Harness, event: CodedVisitEvent): Promise<number> {
  let failures = 0;
  for (;;) {
    try {
      await h.intake.submit(event);
      return failures;
    } catch {
      failures++;
      await sleep(100);
    }
  }
}

function events(patients: readonly PatientId[], round: number): CodedVisitEvent[] {
  return patients.map((patientId) =>
    visitEvent({
      patientId,
      encounter: round + 1,
      occurredAt: new Date(Date.now() - 10_000 + round).toISOString(),
      findings: { present: ['fever'], absent: [] },
      medications: { started: [String(1000 + round)], stopped: [] },
    }),
  );
}

/** Waits until every acknowledged event is applied, then counts losses and duplicates. */
async function settle(options: {
  r: Rig;
  patients: readonly PatientId[];
  perPatient: number;
  eventIds: readonly string[];
}): Promise<{ lost: number; duplicated: number; applied: number }> {
  const { r, patients, perPatient, eventIds } = options;
  const visits = async (): Promise<number[]> => {
    const out: number[] = [];
    for (const patientId of patients) {
      const { features } = await r.h.store.read(patientId, ['recent_findings']);
      const state = features.recent_findings;
      out.push(state.status === 'fresh' ? state.value.visits90d : 0);
    }
    return out;
  };
  const lake = path.join(r.home, 'lake');
  await until(
    async () => (await visits()).every((v) => v >= perPatient),
    90_000,
    async () =>
      `visits per patient ${JSON.stringify(await visits())} (want ${String(perPatient)}); worker problems ${problems(r.workers)}`,
  );
  await until(
    async () => (await lakeRowCounts(lake, 'events')).size >= eventIds.length,
    90_000,
    async () =>
      `lake rows ${String((await lakeRowCounts(lake, 'events')).size)} of ${String(eventIds.length)}; worker problems ${problems(r.workers)}`,
  );
  const counts = await lakeRowCounts(lake, 'events');
  const perPatientVisits = await visits();
  const missingRows = eventIds.filter((id) => !counts.has(id)).length;
  const extraRows = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const extraVisits = perPatientVisits.reduce((sum, v) => sum + Math.max(0, v - perPatient), 0);
  const missingVisits = perPatientVisits.reduce((sum, v) => sum + Math.max(0, perPatient - v), 0);
  return {
    lost: Math.max(missingRows, missingVisits),
    duplicated: Math.max(extraRows, extraVisits),
    applied: eventIds.length - missingRows,
  };
}

describe('nearline: Redis SIGKILLed mid-stream and restarted on its AOF', () => {
  it('loses no acknowledged event and applies none twice (online features and lake)', async () => {
    const started = Date.now();
    const home = await mkdtemp(path.join(tmpdir(), 'nearline-fault-redis-'));
    let redis: LocalRedis = await startLocalRedis({ dataDir: path.join(home, 'redis') });
    cleanups.push(async () => {
      await redis.stop();
      await rm(home, { recursive: true, force: true });
    });
    const r = await rig(redis.url);
    const worker = r.worker();
    await worker.ready;

    const patients = Array.from({ length: 30 }, (_, i) => testPatientId(7000 + i));
    const perPatient = 6;
    const eventIds: string[] = [];
    let refusedTries = 0;
    for (let round = 0; round < perPatient; round++) {
      if (round === 3) {
        await redis.kill();
        const restart = (async () => {
          await sleep(1_000);
          redis = await startLocalRedis({ dataDir: redis.dataDir, port: redis.port });
        })();
        const batch = events(patients, round);
        const tries = await Promise.all(batch.map((e) => submitUntilAcknowledged(r.h, e)));
        refusedTries += tries.reduce((a, b) => a + b, 0);
        eventIds.push(...batch.map((e) => e.eventId));
        await restart;
        continue;
      }
      const batch = events(patients, round);
      await Promise.all(batch.map((e) => submitUntilAcknowledged(r.h, e)));
      eventIds.push(...batch.map((e) => e.eventId));
    }
    const result = await settle({ r, patients, perPatient, eventIds });
    writeFaultResult({
      scenario: 'nearline: Redis SIGKILLed mid-stream, restarted on its AOF',
      sent: eventIds.length,
      answered: result.applied,
      lost: result.lost,
      duplicated: result.duplicated,
      note: `${String(refusedTries)} submit tries refused while Redis was down (retried, same eventId); features and lake rows checked per event`,
      durationMs: Date.now() - started,
    });
    expect(result).toEqual({ lost: 0, duplicated: 0, applied: eventIds.length });
  });
});

describe('nearline: a worker SIGKILLed mid-batch', () => {
  it('loses nothing and applies nothing twice; the survivor takes over', async () => {
    const started = Date.now();
    const r = await rig(redisUrl());
    const a = r.worker();
    const b = r.worker();
    await Promise.all([a.ready, b.ready]);
    const patients = Array.from({ length: 40 }, (_, i) => testPatientId(8000 + i));
    const perPatient = 5;
    const eventIds: string[] = [];
    for (let round = 0; round < perPatient; round++) {
      const batch = events(patients, round);
      await Promise.all(batch.map((e) => submitUntilAcknowledged(r.h, e)));
      eventIds.push(...batch.map((e) => e.eventId));
    }
    const processed = async (): Promise<number> => {
      let total = 0;
      for (const patientId of patients) {
        total += await r.h.context.redis.hlen(r.h.keys.done(patientId));
      }
      return total;
    };
    await until(async () => (await processed()) >= 10, 60_000);
    a.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    const result = await settle({ r, patients, perPatient, eventIds });
    writeFaultResult({
      scenario: 'nearline: worker SIGKILLed mid-batch (second worker takes over)',
      sent: eventIds.length,
      answered: result.applied,
      lost: result.lost,
      duplicated: result.duplicated,
      note: 'killed after ≥ 10 events applied; stalled jobs and pending lake entries re-run by the survivor',
      durationMs: Date.now() - started,
    });
    expect(result).toEqual({ lost: 0, duplicated: 0, applied: eventIds.length });
  });
});
