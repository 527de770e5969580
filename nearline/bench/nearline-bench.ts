/**
 * `npm run bench:nearline`: two real worker processes on a real Redis.
 *   (a) freshness: visits offered at a steady rate (default 200/s for 30 s); p95 of "accepted →
 *       online features written", read from the workers' own histogram as Prometheus would;
 *   (b) throughput: a flood of visits accepted while the refresh queue is paused, then drained by
 *       the two workers; events per second from resume to the last write;
 * then checks every event's effect is present exactly once (online visit counts, lake rows).
 * The last stdout line is one JSON object. Knobs: BENCH_RATE, BENCH_SECONDS, BENCH_WARMUP_SECONDS,
 * BENCH_FLOOD, BENCH_PATIENTS, NEARLINE_CONCURRENCY, REDIS_URL (else a private redis-server is
 * started), BENCH_WORKER_NODE_ARGS (node flags of the two workers, space-separated, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { samplePatientFeatures, testPatientId } from '@mediassist/feature-store/testing';
import { createEventIntake, createNearlineKeys, NEARLINE_QUEUES } from '@mediassist/shared/events';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { LAKE_CONSUMER_GROUP } from '../src/lake/lake-stream.js';
import { lakeRowCounts } from '../src/testing/lake-reader.js';
import { spawnWorkerProcess, type WorkerProcess } from '../src/testing/worker-process.js';
import { createBenchEventSource, seededRandom } from './bench-events.js';
import {
  bucketDelta,
  counterTotal,
  histogramBuckets,
  histogramQuantile,
} from './prometheus-text.js';

const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const WARMUP = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 5);
const FLOOD = Number(process.env['BENCH_FLOOD'] ?? 30_000);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 20_000);
const CONCURRENCY = process.env['NEARLINE_CONCURRENCY'] ?? '32';
const WORKER_NODE_ARGS = (process.env['BENCH_WORKER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
const BASE_VISITS = 2;
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** CPU seconds used so far by this process (the producer), the worker processes and Redis. */
async function cpuSeconds(
  redis: Redis,
  scrape: () => Promise<string[]>,
): Promise<{ producer: number; workers: number; redis: number }> {
  const usage = process.cpuUsage();
  const info = String(await redis.call('INFO', 'cpu'));
  const field = (name: string): number =>
    Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? 0);
  const texts = await scrape();
  return {
    producer: (usage.user + usage.system) / 1e6,
    workers: texts.reduce((sum, text) => sum + counterTotal(text, 'process_cpu_seconds_total'), 0),
    redis: field('used_cpu_user') + field('used_cpu_sys'),
  };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(250); // each check scrapes both workers (and their queue gauges hit Redis)
  }
  return true;
}

async function main(): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'nearline-bench-'));
  let local: LocalRedis | undefined;
  const redisUrl =
    process.env['REDIS_URL'] ??
    (local = await startLocalRedis({ dataDir: path.join(home, 'redis') })).url;
  const prefix = `bench:${String(Date.now())}:`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const keys = createNearlineKeys(prefix);
  const store = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix: prefix });
  const queue = new Queue(NEARLINE_QUEUES.refresh, { connection: redis, prefix: keys.queuePrefix });
  const intake = createEventIntake({ redis, refreshQueue: queue, keys });
  const workers: WorkerProcess[] = [];
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      workers.forEach((w) => {
        w.kill('SIGKILL');
      });
      process.exit(1);
    });
  }
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
            condition_history: { value: sample.condition_history, asOf },
            medication_list: { value: sample.medication_list, asOf },
            recent_findings: { value: { ...sample.recent_findings, visits90d: BASE_VISITS }, asOf },
            recent_tests: { value: sample.recent_tests, asOf },
          },
        })),
      );
    }
    log(
      `seeded ${String(PATIENTS)} patients; starting 2 worker processes (concurrency ${CONCURRENCY} each)`,
    );
    for (let i = 0; i < 2; i++) {
      workers.push(
        spawnWorkerProcess(
          {
            REDIS_URL: redisUrl,
            MEDIASSIST_HOME: home,
            REDIS_KEY_PREFIX: prefix,
            METRICS_PORT: '0',
            NEARLINE_CONCURRENCY: CONCURRENCY,
            LAKE_FLUSH_MS: '1000',
            LAKE_FLUSH_ROWS: '5000',
          },
          { nodeArgs: WORKER_NODE_ARGS },
        ),
      );
    }
    const ports = await Promise.race([
      Promise.all(workers.map((w) => w.ready)),
      sleep(120_000).then(() => Promise.reject(new Error('workers did not start within 2 min'))),
    ]);
    const scrape = async (): Promise<string[]> =>
      Promise.all(
        ports.map(async (port) => (await fetch(`http://127.0.0.1:${String(port)}/metrics`)).text()),
      );
    const processed = async (): Promise<number> =>
      (await scrape()).reduce(
        (sum, text) => sum + counterTotal(text, 'nearline_events_processed_total'),
        0,
      );
    const freshness = async () =>
      (await scrape())
        .map((text) => histogramBuckets(text, 'nearline_event_freshness_seconds'))
        .reduce((sum, b) => sum.map((x, i) => ({ le: x.le, count: x.count + (b[i]?.count ?? 0) })));

    const source = createBenchEventSource({ patients, random: seededRandom(42) });
    const acceptMs: number[] = [];
    const submit = async (): Promise<void> => {
      const event = source.next();
      const started = performance.now();
      await intake.submit(event);
      acceptMs.push(performance.now() - started);
      if (source.eventIds.length % 100 === 0) {
        await intake.submit(event); // a re-sent event: must change nothing
      }
    };

    // (a) steady rate, after a warm-up that is not measured (JIT, script loading, connections)
    const offer = async (seconds: number): Promise<number> => {
      const inFlight = new Set<Promise<void>>();
      const start = performance.now();
      for (let sent = 0; sent < RATE * seconds; sent++) {
        const wait = start + (sent * 1000) / RATE - performance.now();
        if (wait > 1) {
          await sleep(wait);
        }
        const task = submit().finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      await Promise.all(inFlight);
      return (performance.now() - start) / 1000;
    };
    log(
      `(a) warm-up ${String(WARMUP)} s, then offering ${String(RATE)} visits/s for ${String(SECONDS)} s`,
    );
    await offer(WARMUP);
    await until(async () => (await processed()) >= source.eventIds.length, 60_000);
    acceptMs.length = 0;
    const before = await freshness();
    const elapsedA = await offer(SECONDS);
    const offeredEps = (RATE * SECONDS) / elapsedA;
    await until(async () => (await processed()) >= source.eventIds.length, 60_000);
    const steady = bucketDelta(await freshness(), before);
    const p95 = histogramQuantile(0.95, steady) * 1000;
    const p50 = histogramQuantile(0.5, steady) * 1000;
    const acceptP95 =
      [...acceptMs].sort((x, y) => x - y)[Math.floor(acceptMs.length * 0.95)] ?? Number.NaN;
    log(
      `    offered ${offeredEps.toFixed(0)}/s; freshness p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; accept p95 ${acceptP95.toFixed(1)} ms`,
    );

    // (b) flood: accepted while the refresh queue is paused, so the two workers then drain a real
    // backlog (the single producer process here could not outrun them otherwise)
    log(`(b) accepting ${String(FLOOD)} visits with the refresh queue paused, then draining`);
    const already = source.eventIds.length;
    const cpuBaseline = await cpuSeconds(redis, scrape);
    const jobsBefore = (await scrape()).reduce(
      (s, t) => s + counterTotal(t, 'nearline_refresh_batch_events_count'),
      0,
    );
    await queue.pause();
    const startB = performance.now();
    const flood = new Set<Promise<void>>();
    for (let i = 0; i < FLOOD; i++) {
      const task = submit().finally(() => flood.delete(task));
      flood.add(task);
      if (flood.size >= 256) {
        await Promise.race(flood);
      }
    }
    await Promise.all(flood);
    const acceptedB = performance.now();
    const cpuBefore = await cpuSeconds(redis, scrape);
    await queue.resume();
    const drainStart = performance.now();
    const drained = await until(async () => (await processed()) >= already + FLOOD, 300_000);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const throughput = FLOOD / drainSeconds;
    const cpuAfter = await cpuSeconds(redis, scrape);
    const cpuMs = {
      producer: ((cpuBefore.producer - cpuBaseline.producer) * 1000) / FLOOD,
      workers: ((cpuAfter.workers - cpuBefore.workers) * 1000) / FLOOD,
      redis: ((cpuAfter.redis - cpuBefore.redis) * 1000) / FLOOD,
    };
    const cpuPerEvent = cpuMs.producer + cpuMs.workers + cpuMs.redis;
    const floodJobs =
      (await scrape()).reduce(
        (s, t) => s + counterTotal(t, 'nearline_refresh_batch_events_count'),
        0,
      ) - jobsBefore;
    log(
      `    accepted in ${((acceptedB - startB) / 1000).toFixed(1)} s; drained by 2 workers in ${drainSeconds.toFixed(1)} s → ${throughput.toFixed(0)} events/s (${(FLOOD / floodJobs).toFixed(2)} events per refresh)${drained ? '' : ' (TIMED OUT)'}`,
    );
    log(
      `    CPU per event: producer ${cpuMs.producer.toFixed(2)} ms, workers ${cpuMs.workers.toFixed(2)} ms, redis ${cpuMs.redis.toFixed(2)} ms (workers + redis while draining); load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
    );
    const texts = await scrape();
    const jobs = texts.reduce(
      (s, t) => s + counterTotal(t, 'nearline_refresh_batch_events_count'),
      0,
    );

    // exactly once: online visit counts and lake rows
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
    const lakeDir = path.join(home, 'lake');
    const total = source.eventIds.length;
    await until(async () => {
      const pending = (await redis.call(
        'XPENDING',
        keys.lakeStream,
        LAKE_CONSUMER_GROUP,
      )) as unknown[];
      return (
        Number(pending[0]) === 0 &&
        (await redis.xlen(keys.lakeStream)) <= 1 &&
        (await lakeRowCounts(lakeDir, 'events')).size >= total
      );
    }, 60_000);
    const rows = await lakeRowCounts(lakeDir, 'events');
    const lakeLost = source.eventIds.filter((id) => !rows.has(id)).length;
    const lakeDuplicated = [...rows.values()].reduce((s, n) => s + n - 1, 0);
    log(
      `    ${String(total)} events over ${String(jobs)} refreshes; lost ${String(lost)}, duplicated ${String(duplicated)}; lake lost ${String(lakeLost)}, duplicated ${String(lakeDuplicated)}`,
    );
    process.stdout.write(
      `${JSON.stringify({
        freshness_p95_ms: Math.round(p95),
        freshness_p50_ms: Math.round(p50),
        freshness_method:
          'histogram_quantile over the workers’ nearline_event_freshness_seconds (accepted → online write)',
        offered_eps: Math.round(offeredEps),
        offered_seconds: SECONDS,
        warmup_seconds: WARMUP,
        accept_p95_ms: Number(acceptP95.toFixed(2)),
        throughput_eps: Math.round(throughput),
        events_per_refresh: Number((FLOOD / floodJobs).toFixed(2)),
        flood_accept_eps: Math.round(FLOOD / ((acceptedB - startB) / 1000)),
        cpu_ms_per_event: Number(cpuPerEvent.toFixed(3)),
        cpu_ms_per_event_workers: Number(cpuMs.workers.toFixed(3)),
        capacity_eps_if_2_cores_were_idle: Math.round(2000 / cpuPerEvent),
        load_average_1m: Number((loadavg()[0] ?? 0).toFixed(1)),
        flood_events: FLOOD,
        events: total,
        patients: PATIENTS,
        refresh_jobs: jobs,
        workers: 2,
        concurrency_per_worker: Number(CONCURRENCY),
        lost,
        duplicated,
        lake_lost: lakeLost,
        lake_duplicated: lakeDuplicated,
      })}\n`,
    );
  } finally {
    await Promise.all(
      workers.map(async (w) => {
        w.kill('SIGTERM');
        await w.exited;
      }),
    );
    await queue.close();
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (found.length > 0) {
        await redis.unlink(...found);
      }
    } while (cursor !== '0');
    redis.disconnect();
    await local?.stop();
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
