/**
 * `npm run bench:scale-nearline`: 1 vs 2 vs 4 nearline worker processes on the same queues and one
 * real Redis. For each count, on a fresh key prefix:
 *   (a) throughput: BENCH_FLOOD visits accepted while the refresh queue is paused, then drained;
 *       events per second from resume to the last processed event;
 *   (b) freshness: BENCH_RATE visits/s for BENCH_SECONDS; p50/p95 of "accepted → online features
 *       written" from the workers' own histogram;
 * and checks every event's effect landed exactly once in the online store. Each line on stderr is
 * progress; the last stdout line is one JSON object, with the load average (others share the CPU).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { samplePatientFeatures, testPatientId } from '@mediassist/feature-store/testing';
import { createEventIntake, createNearlineKeys, NEARLINE_QUEUES } from '@mediassist/shared/events';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawnWorkerProcess, type WorkerProcess } from '../src/testing/worker-process.js';
import { createBenchEventSource, seededRandom } from './bench-events.js';
import {
  bucketDelta,
  counterTotal,
  histogramBuckets,
  histogramQuantile,
} from './prometheus-text.js';

const COUNTS = (process.env['BENCH_WORKERS'] ?? '1,2,4').split(',').map(Number);
const FLOOD = Number(process.env['BENCH_FLOOD'] ?? 6_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 100);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 5_000);
const CONCURRENCY = process.env['NEARLINE_CONCURRENCY'] ?? '32';
const BASE_VISITS = 2;
const log = (message: string): void => {
  process.stderr.write(`[bench:scale-nearline] ${message}\n`);
};
const load1 = (): number => Number((loadavg()[0] ?? 0).toFixed(1));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
}

async function runWith(options: { workers: number; redisUrl: string; home: string }) {
  const prefix = `scale${String(options.workers)}:`;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const keys = createNearlineKeys(prefix);
  const store = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix: prefix });
  const queue = new Queue(NEARLINE_QUEUES.refresh, { connection: redis, prefix: keys.queuePrefix });
  const intake = createEventIntake({ redis, refreshQueue: queue, keys });
  const procs: WorkerProcess[] = [];
  try {
    const patients = Array.from({ length: PATIENTS }, (_, i) => testPatientId(i + 1));
    const sample = samplePatientFeatures();
    const asOf = new Date(Date.now() - 3_600_000);
    for (let i = 0; i < patients.length; i += 500) {
      await store.writeMany(
        patients.slice(i, i + 500).map((patientId) => ({
          patientId,
          features: {
            demographics: { value: sample.demographics, asOf },
            recent_findings: { value: { ...sample.recent_findings, visits90d: BASE_VISITS }, asOf },
          },
        })),
      );
    }
    for (let i = 0; i < options.workers; i++) {
      procs.push(
        spawnWorkerProcess({
          REDIS_URL: options.redisUrl,
          MEDIASSIST_HOME: path.join(options.home, `w${String(options.workers)}`),
          REDIS_KEY_PREFIX: prefix,
          METRICS_PORT: '0',
          NEARLINE_CONCURRENCY: CONCURRENCY,
          LAKE_FLUSH_MS: '1000',
        }),
      );
    }
    const ports = await Promise.all(procs.map((p) => p.ready));
    const scrape = () =>
      Promise.all(
        ports.map(async (port) => (await fetch(`http://127.0.0.1:${String(port)}/metrics`)).text()),
      );
    const processed = async () =>
      (await scrape()).reduce((s, t) => s + counterTotal(t, 'nearline_events_processed_total'), 0);
    const source = createBenchEventSource({ patients, random: seededRandom(42) });

    // (a) throughput: a backlog drained by the workers
    await queue.pause();
    for (let i = 0; i < FLOOD; i += 200) {
      await Promise.all(
        Array.from({ length: Math.min(200, FLOOD - i) }, () => intake.submit(source.next())),
      );
    }
    const loadBefore = load1();
    const started = performance.now();
    await queue.resume();
    const drained = await until(async () => (await processed()) >= FLOOD, 300_000);
    const drainSeconds = (performance.now() - started) / 1000;
    log(
      `${String(options.workers)} worker(s): ${String(FLOOD)} events drained in ${drainSeconds.toFixed(1)} s → ${(FLOOD / drainSeconds).toFixed(0)} events/s${drained ? '' : ' (TIMED OUT)'}; load ${String(load1())}`,
    );

    // (b) freshness at a steady rate
    const freshness = async () =>
      (await scrape())
        .map((t) => histogramBuckets(t, 'nearline_event_freshness_seconds'))
        .reduce((sum, b) => sum.map((x, i) => ({ le: x.le, count: x.count + (b[i]?.count ?? 0) })));
    const before = await freshness();
    const offered = RATE * SECONDS;
    const t0 = performance.now();
    for (let i = 0; i < offered; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) {
        await sleep(wait);
      }
      void intake.submit(source.next());
    }
    await until(async () => (await processed()) >= FLOOD + offered, 60_000);
    const delta = bucketDelta(await freshness(), before);
    const p50 = histogramQuantile(0.5, delta) * 1000;
    const p95 = histogramQuantile(0.95, delta) * 1000;
    log(
      `${String(options.workers)} worker(s): ${String(RATE)} events/s for ${String(SECONDS)} s → freshness p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; load ${String(load1())}`,
    );

    let lost = 0;
    let duplicated = 0;
    for (const patientId of patients) {
      const state = (await store.read(patientId, ['recent_findings'])).features.recent_findings;
      const actual =
        state.status === 'fresh' || state.status === 'stale' ? state.value.visits90d : 0;
      const expected = BASE_VISITS + (source.perPatient.get(patientId) ?? 0);
      lost += Math.max(0, expected - actual);
      duplicated += Math.max(0, actual - expected);
    }
    return {
      workers: options.workers,
      throughput_eps: Math.round(FLOOD / drainSeconds),
      drained,
      freshness_p50_ms: Math.round(p50),
      freshness_p95_ms: Math.round(p95),
      lost,
      duplicated,
      load_average_1m_before: loadBefore,
      load_average_1m_after: load1(),
    };
  } finally {
    await Promise.all(
      procs.map(async (p) => {
        p.kill('SIGTERM');
        await p.exited;
      }),
    );
    await queue.close();
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'scale-nearline-'));
  const local = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  try {
    const runs = [];
    for (const workers of COUNTS) {
      runs.push(await runWith({ workers, redisUrl: local.url, home }));
    }
    process.stdout.write(
      `${JSON.stringify({
        bench: 'scale-nearline',
        flood_events: FLOOD,
        rate_eps: RATE,
        seconds: SECONDS,
        patients: PATIENTS,
        concurrency_per_worker: Number(CONCURRENCY),
        cpus: 2,
        runs,
      })}\n`,
    );
  } finally {
    await local.stop();
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
