/**
 * Two real worker processes; one is killed with SIGKILL while it is applying events. The other takes
 * over its jobs (stalled) and its lake stream entries (claimed): nothing is lost, nothing counts twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import type { PatientId } from '@mediassist/shared/ids';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAKE_CONSUMER_GROUP } from './lake/lake-stream.js';
import { visitEvent } from './testing/events.js';
import { createHarness, type Harness } from './testing/harness.js';
import { lakeRowCounts } from './testing/lake-reader.js';
import { redisUrl } from './testing/redis-url.js';
import { spawnWorkerProcess, type WorkerProcess } from './testing/worker-process.js';

const kb = loadKnowledgeBase();
let h: Harness;
let home: string;
const processes: WorkerProcess[] = [];

beforeEach(async () => {
  h = createHarness({ redisUrl: redisUrl(), kb });
  home = await mkdtemp(path.join(tmpdir(), 'nearline-crash-'));
});
afterEach(async () => {
  for (const p of processes.splice(0)) {
    p.kill('SIGKILL');
    await p.exited;
  }
  await h.close();
  await rm(home, { recursive: true, force: true });
});

function worker(): WorkerProcess {
  const p = spawnWorkerProcess({
    REDIS_URL: redisUrl(),
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
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(50);
  }
}

describe('a worker process killed mid-job', () => {
  it('loses nothing and double-counts nothing (online features and lake)', async () => {
    const a = worker();
    const b = worker();
    await Promise.all([a.ready, b.ready]);

    const patients: PatientId[] = Array.from({ length: 60 }, (_, i) => testPatientId(5000 + i));
    const perPatient = 5;
    const eventIds: string[] = [];
    for (let round = 0; round < perPatient; round++) {
      await Promise.all(
        patients.map(async (patientId) => {
          const event = visitEvent({
            patientId,
            encounter: round + 1,
            occurredAt: new Date(Date.now() - 10_000 + round).toISOString(),
            findings: { present: ['fever'], absent: [] },
            medications: { started: [String(1000 + round)], stopped: [] },
          });
          eventIds.push(event.eventId);
          await h.intake.submit(event);
        }),
      );
    }
    const processed = async (): Promise<number> => {
      let total = 0;
      for (const patientId of patients) {
        total += await h.context.redis.hlen(h.keys.done(patientId));
      }
      return total;
    };
    await until(async () => (await processed()) >= 20, 30_000);
    a.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');

    await until(async () => (await processed()) === eventIds.length, 60_000);
    // A refresh killed between its commit and its write is written when its job is re-run (after
    // the lock expires): wait until every patient has all its visits, then check none has more.
    const written = async () => {
      for (const patientId of patients) {
        const { features } = await h.store.read(patientId, ['recent_findings']);
        const state = features.recent_findings;
        if (state.status !== 'fresh' || state.value.visits90d < perPatient) {
          return false;
        }
      }
      return true;
    };
    await until(written, 30_000);
    for (const patientId of patients) {
      const { features } = await h.store.read(patientId, ['recent_findings', 'medication_list']);
      expect(features.recent_findings).toMatchObject({
        status: 'fresh',
        value: { visits90d: perPatient },
      });
      expect(features.medication_list).toMatchObject({
        value: { activeRxcuis: ['1000', '1001', '1002', '1003', '1004'] },
      });
      expect(await h.context.redis.hlen(h.keys.pending(patientId))).toBe(0);
    }

    const lakePending = async (): Promise<number> => {
      const summary = (await h.context.redis.call(
        'XPENDING',
        h.keys.lakeStream,
        LAKE_CONSUMER_GROUP,
      )) as unknown[];
      return Number(summary[0]);
    };
    await until(
      async () => (await lakeRowCounts(home + '/lake', 'events')).size === eventIds.length,
      60_000,
    );
    await until(async () => (await lakePending()) === 0, 30_000);
    const counts = await lakeRowCounts(path.join(home, 'lake'), 'events');
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...eventIds].sort());

    // The kill interrupted running refreshes: the survivor found them stalled and ran them again.
    expect(b.logs().map((l) => l['msg'])).toContain('refresh job stalled; running it again');
    b.kill('SIGTERM');
    expect(await b.exited).toBe('0');
    expect(b.logs().map((l) => l['msg'])).toContain('stopped');
  });
});
