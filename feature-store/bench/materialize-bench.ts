/**
 * `npm run bench:materialize`: builds a lake of BENCH_PATIENTS (default 100,000) synthetic patients
 * with every view, materializes it into Redis (REDIS_URL, or a private redis-server with AOF as the
 * launcher runs it), then times single-client reads of one patient's full feature set. The last
 * stdout line is one JSON object. Targets: ≥ 50,000 patients/s materialized, read p99 ≤ 1 ms.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { Redis } from 'ioredis';
import { featureRegistry, patientFeatureViews } from '../src/definitions/registry.js';
import { materialize } from '../src/materialize.js';
import { DuckDbOfflineStore } from '../src/offline/duckdb-offline-store.js';
import { RedisOnlineStore } from '../src/online/redis-online-store.js';
import { testPatientId } from '../src/testing/sample-features.js';
import { seededRandom } from './synthetic-features.js';

const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 100_000);
const READS = Number(process.env['BENCH_READS'] ?? 20_000);
const WARMUP_READS = 2_000;
const GENERATE_SCRIPT = fileURLToPath(new URL('./generate-lake.ts', import.meta.url));

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

async function main(): Promise<void> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'mediassist-bench-'));
  let localRedis: LocalRedis | undefined;
  let redis: Redis | undefined;
  const keyPrefix = `bench:${randomUUID().slice(0, 8)}:`;
  try {
    const lakeDir = path.join(workDir, 'lake');
    log(
      `generating ${String(PATIENTS)} synthetic patients × ${String(patientFeatureViews.length)} views…`,
    );
    const generateStart = performance.now();
    // In a child process, so this process's peak memory is materialization and reads only.
    execFileSync(
      process.execPath,
      [...process.execArgv, GENERATE_SCRIPT, lakeDir, String(PATIENTS)],
      {
        stdio: 'inherit',
      },
    );
    const generateSeconds = (performance.now() - generateStart) / 1000;
    log(`  lake written in ${generateSeconds.toFixed(1)} s`);
    const offline = await DuckDbOfflineStore.open({ lakeDir });

    let redisUrl = process.env['REDIS_URL'];
    if (!redisUrl) {
      localRedis = await startLocalRedis({ dataDir: path.join(workDir, 'redis') });
      redisUrl = localRedis.url;
    }
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
    await redis.ping();
    const online = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix });

    log(
      `materializing into ${localRedis ? 'a private redis-server (AOF everysec)' : 'REDIS_URL'}…`,
    );
    const redisCpuBefore = await redisCpuSeconds(redis);
    const nodeCpuBefore = process.cpuUsage();
    const summary = await materialize({
      offline,
      online,
      views: patientFeatureViews,
      mode: 'full',
    });
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const redisCpu = (await redisCpuSeconds(redis)) - redisCpuBefore;
    // Again, into a populated store: every value is compared with the stored one (steady state).
    const again = await materialize({ offline, online, views: patientFeatureViews, mode: 'full' });
    await offline.close();
    log(
      `  ${String(summary.patients)} patients, ${String(summary.rows)} view values in ${summary.seconds.toFixed(2)} s` +
        ` (${String(summary.patientsPerSecond)} patients/s, ${String(summary.rowsPerSecond)} values/s)`,
    );
    log(
      `  re-run into the populated store: ${again.seconds.toFixed(2)} s (${String(again.patientsPerSecond)} patients/s)`,
    );
    if (
      summary.patients !== PATIENTS ||
      summary.written !== summary.rows ||
      again.written !== again.rows
    ) {
      throw new Error(
        `materialized ${String(summary.patients)} patients, wrote ${String(summary.written)} of ${String(summary.rows)}`,
      );
    }

    log(
      `reading one patient's ${String(patientFeatureViews.length)} views, ${String(READS)} times, one client…`,
    );
    const readRandom = seededRandom(7);
    const latencies: number[] = [];
    for (let i = 0; i < WARMUP_READS + READS; i++) {
      const patientId = testPatientId(1 + Math.floor(readRandom() * PATIENTS));
      const start = process.hrtime.bigint();
      const read = await online.read(patientId);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (read.features.demographics.status !== 'fresh') {
        throw new Error(`read ${read.features.demographics.status} demographics`);
      }
      if (i >= WARMUP_READS) {
        latencies.push(ms);
      }
    }
    latencies.sort((a, b) => a - b);
    const result = {
      patients: summary.patients,
      views: patientFeatureViews.length,
      values: summary.rows,
      seconds: round(summary.seconds),
      patients_per_s: summary.patientsPerSecond,
      rerun_seconds: round(again.seconds),
      rerun_patients_per_s: again.patientsPerSecond,
      values_per_s: summary.rowsPerSecond,
      read_p50_ms: round(percentile(latencies, 0.5)),
      read_p99_ms: round(percentile(latencies, 0.99)),
      read_max_ms: round(latencies[latencies.length - 1] ?? Number.NaN),
      reads: latencies.length,
      // CPU seconds spent materializing: less sensitive than wall time to other work on the machine.
      materialize_node_cpu_s: round((nodeCpu.user + nodeCpu.system) / 1e6, 2),
      materialize_redis_cpu_s: round(redisCpu, 2),
      load_average: round(loadavg()[0] ?? 0, 2),
      generate_seconds: round(generateSeconds, 1),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      redis: localRedis ? 'local-aof' : 'REDIS_URL',
    };
    log(JSON.stringify(result));
  } finally {
    if (redis) {
      if (!localRedis) {
        await deleteKeys(redis, keyPrefix);
      }
      redis.disconnect();
    }
    await localRedis?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** Redis's own CPU time (user + system), from INFO. */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) {
      await redis.unlink(...keys);
    }
  } while (cursor !== '0');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
