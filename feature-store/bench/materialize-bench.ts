/**
 * `npm run bench:materialize`: builds a lake of BENCH_PATIENTS (default 100,000) synthetic patients
 * with every view, materializes it into Redis (REDIS_URL, or a private redis-server with AOF as the
 * launcher runs it), then times single-client reads of one patient's full feature set. The last
 * stdout line is one JSON object. Targets: ≥ 50,000 patients/s materialized, read p99 ≤ 1 ms.
 * After materializing, a sample of patients is checked byte for byte against the lake (the run
 * fails on any mismatch). BENCH_LAKE=<dir> reuses (or keeps) a generated lake between runs.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
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
import { BULK_LOAD_AOF_REWRITE_MIN_SIZE } from './bulk-load.js';
import { seededRandom } from './synthetic-features.js';
import { verifySample } from './verify-sample.js';

const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 100_000);
const READS = Number(process.env['BENCH_READS'] ?? 20_000);
const WARMUP_READS = 2_000;
const SAMPLE_PATIENTS = Number(process.env['BENCH_SAMPLE'] ?? 2_000);
const KEEP_LAKE = process.env['BENCH_LAKE'];
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
    const lakeDir = KEEP_LAKE ?? path.join(workDir, 'lake');
    const generateStart = performance.now();
    if (KEEP_LAKE && (await exists(path.join(KEEP_LAKE, 'features')))) {
      log(`reusing the lake in ${KEEP_LAKE} (BENCH_LAKE; generated for BENCH_PATIENTS patients)`);
    } else {
      log(
        `generating ${String(PATIENTS)} synthetic patients × ${String(patientFeatureViews.length)} views…`,
      );
      // In a child process, so this process's peak memory is materialization and reads only.
      execFileSync(
        process.execPath,
        [...process.execArgv, GENERATE_SCRIPT, lakeDir, String(PATIENTS)],
        { stdio: 'inherit' },
      );
    }
    const generateSeconds = (performance.now() - generateStart) / 1000;
    log(`  lake ready in ${generateSeconds.toFixed(1)} s`);
    const offline = await DuckDbOfflineStore.open({ lakeDir });

    let redisUrl = process.env['REDIS_URL'];
    if (!redisUrl) {
      localRedis = await startLocalRedis({
        dataDir: path.join(workDir, 'redis'),
        aofRewriteMinSize: BULK_LOAD_AOF_REWRITE_MIN_SIZE,
      });
      redisUrl = localRedis.url;
    }
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
    await redis.ping();
    const online = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix });

    log(
      `materializing into ${localRedis ? 'a private redis-server (AOF everysec)' : 'REDIS_URL'}…`,
    );
    await redis.config('RESETSTAT');
    const loadBefore = loadavg();
    const redisCpuBefore = await redisCpuSeconds(redis);
    const nodeCpuBefore = process.cpuUsage();
    const summary = await materialize({
      offline,
      online,
      views: patientFeatureViews,
      mode: 'full',
    });
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const redisCpuAfter = await redisCpuSeconds(redis);
    const redisCpu = {
      main: redisCpuAfter.main - redisCpuBefore.main,
      children: redisCpuAfter.children - redisCpuBefore.children,
    };
    const commands = await commandStats(redis);
    const loadAfter = loadavg();

    const sampleRandom = seededRandom(11);
    const sample = Array.from({ length: Math.min(SAMPLE_PATIENTS, PATIENTS) }, () =>
      testPatientId(1 + Math.floor(sampleRandom() * PATIENTS)),
    );
    const check = await verifySample({
      lakeDir,
      redis,
      keyPrefix,
      views: patientFeatureViews,
      patientIds: sample,
    });
    log(
      `  checked ${String(check.values)} view values of ${String(check.patients)} sampled patients against the lake: ${String(check.mismatches)} mismatches`,
    );
    if (check.mismatches > 0 || check.values === 0) {
      throw new Error(`Redis differs from the lake: ${check.examples.join('; ')}`);
    }
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
      materialize_redis_cpu_s: round(redisCpu.main, 2),
      materialize_redis_children_cpu_s: round(redisCpu.children, 2),
      node_cpu_us_per_patient: round((nodeCpu.user + nodeCpu.system) / summary.patients, 1),
      redis_cpu_us_per_patient: round((redisCpu.main * 1e6) / summary.patients, 1),
      redis_usec_per_call: commands,
      checked_values: check.values,
      mismatches: check.mismatches,
      load_average: round(loadAfter[0] ?? 0, 2),
      load_average_before: loadBefore.map((x) => round(x, 2)),
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

/** Redis's own CPU time (user + system), from INFO; children are AOF rewrites. */
async function redisCpuSeconds(redis: Redis): Promise<{ main: number; children: number }> {
  const info = await redis.info('cpu');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return {
    main: field('used_cpu_user') + field('used_cpu_sys'),
    children: field('used_cpu_user_children') + field('used_cpu_sys_children'),
  };
}

/** Calls and µs per call of the write commands since RESETSTAT (INFO commandstats). */
async function commandStats(
  redis: Redis,
): Promise<Record<string, { calls: number; usec_per_call: number }>> {
  const info = await redis.info('commandstats');
  const stats: Record<string, { calls: number; usec_per_call: number }> = {};
  for (const match of info.matchAll(
    /^cmdstat_(\w+):calls=(\d+),usec=\d+,usec_per_call=([\d.]+)/gm,
  )) {
    const [, name = '', calls = '0', perCall = '0'] = match;
    if (['restore', 'evalsha', 'eval', 'hset', 'exists', 'hmget'].includes(name)) {
      stats[name] = { calls: Number(calls), usec_per_call: Number(perCall) };
    }
  }
  return stats;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
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
