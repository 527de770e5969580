/**
 * CPU seconds per stage of materialization, measured one stage at a time so other work on the
 * machine changes them far less than wall time:
 *   duckdb  the latest-values query alone (aggregated inside DuckDB, nothing crosses to JS):
 *           the framed-hash SQL materialization uses, and the previous Arrow read's SQL
 *   read    readLatestEncoded → framed batches (DuckDB + the offline store's JS); and the
 *           previous path, readLatest → Arrow record batches → columns
 *   encode  framed batches → RESTORE commands (key and CRC added)
 *   write   the bulk writer sending them to a private redis-server (Node and Redis CPU)
 * `tsx --conditions=@mediassist/source feature-store/bench/materialize-stages.ts <lakeDir>`
 * (a lake from generate-lake.ts). The last stdout line is one JSON object.
 */
import { readdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { Redis } from 'ioredis';
import { patientFeatureViews } from '../src/definitions/registry.js';
import { encodedBatch } from '../src/offline/latest-batch.js';
import { BULK_LOAD_AOF_REWRITE_MIN_SIZE } from './bulk-load.js';
import { DuckDbOfflineStore } from '../src/offline/duckdb-offline-store.js';
import { viewDirectory } from '../src/offline/lake-layout.js';
import { buildLatestFramedSql } from '../src/offline/framed-latest-sql.js';
import { buildLatestSql } from '../src/offline/sql.js';
import { framedFieldOrder } from '../src/online/framed-hashes.js';
import type { EncodedFeatureBatch } from '../src/online/online-store.js';
import { RedisFeatureWriter } from '../src/online/redis-feature-writer.js';
import { RestoreCommandEncoder } from '../src/online/redis-restore-commands.js';

const lakeDir = process.argv[2];
if (!lakeDir) {
  throw new Error('usage: materialize-stages.ts <lakeDir>');
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const round = (x: number) => Number(x.toFixed(3));

async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

const stages: Record<string, number> = {};
const framedViews = framedFieldOrder(patientFeatureViews, (view) => view.value.encoding);

// duckdb: the same SQL readLatest runs, reduced inside DuckDB.
const sources = await Promise.all(
  patientFeatureViews.map(async (view) => {
    const dir = viewDirectory({ lakeDir, view });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet'));
    return {
      name: view.name,
      version: view.version,
      encoding: view.value.encoding,
      files: files.map((f) => path.join(dir, f)),
    };
  }),
);
{
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let start = cpuSeconds();
  await connection.runAndReadAll(
    `SELECT count(*), sum(octet_length(payload)) FROM (${buildLatestSql({ views: sources })})`,
  );
  stages['previous_duckdb_query_cpu_s'] = cpuSeconds() - start;
  start = cpuSeconds();
  await connection.runAndReadAll(
    `SELECT count(*), sum(octet_length(payload)) FROM (${buildLatestFramedSql({ views: sources })})`,
  );
  stages['duckdb_query_cpu_s'] = cpuSeconds() - start;
  connection.closeSync();
  instance.closeSync();
}

// read: the previous path (readLatest → Arrow → columns), then batches as materialize receives
// them (framed by DuckDB; kept for the next stages).
const offline = await DuckDbOfflineStore.open({ lakeDir });
const batches: EncodedFeatureBatch[] = [];
{
  let start = cpuSeconds();
  const arrow = await offline.readLatest({ views: framedViews });
  let arrowRows = 0;
  let previousEncode = 0;
  const previousEncoder = new RestoreCommandEncoder({ keyPrefix: 'stages:', gcTtlSeconds: 0 });
  for await (const batch of arrow.batches) {
    const columns = encodedBatch(batch, framedViews);
    arrowRows += columns.rows;
    const encodeStart = cpuSeconds();
    previousEncoder.encode(columns);
    previousEncode += cpuSeconds() - encodeStart;
  }
  stages['previous_read_cpu_s'] = cpuSeconds() - start - previousEncode;
  stages['previous_encode_cpu_s'] = previousEncode;
  start = cpuSeconds();
  const latest = await offline.readLatestEncoded({ views: patientFeatureViews });
  for await (const batch of latest.batches) {
    batches.push(batch);
  }
  stages['read_cpu_s'] = cpuSeconds() - start;
  if (arrowRows !== batches.reduce((n, b) => n + b.rows, 0)) {
    throw new Error('the two reads disagree on the number of patients');
  }
}
await offline.close();
const patients = batches.reduce((n, b) => n + b.rows, 0);

// encode: RESTORE commands, without sending.
{
  const encoder = new RestoreCommandEncoder({ keyPrefix: 'stages:', gcTtlSeconds: 0 });
  const start = cpuSeconds();
  for (const batch of batches) {
    encoder.encode(batch);
  }
  stages['encode_cpu_s'] = cpuSeconds() - start;
}

// write: encode + send + replies, into a private redis-server as the launcher runs it.
const server = await startLocalRedis({
  dataDir: path.join(tmpdir(), `fs-stages-${String(process.pid)}`),
  aofRewriteMinSize: BULK_LOAD_AOF_REWRITE_MIN_SIZE,
});
const redis = new Redis(server.url);
try {
  const writer = new RedisFeatureWriter({ redis, keyPrefix: 'stages:', gcTtlSeconds: 0 });
  const redisBefore = await redisCpu(redis);
  const start = cpuSeconds();
  let written = 0;
  for (const batch of batches) {
    await writer.writeBulk({ batch, onReply: () => (written += 1) });
  }
  stages['encode_and_send_cpu_s'] = cpuSeconds() - start;
  stages['redis_cpu_s'] = (await redisCpu(redis)) - redisBefore;
  if (written !== patients) {
    throw new Error(`wrote ${String(written)} of ${String(patients)} patients`);
  }
} finally {
  redis.disconnect();
  await server.stop();
}

const perPatientUs = Object.fromEntries(
  Object.entries(stages).map(([k, v]) => [
    k.replace('_cpu_s', '_us_per_patient'),
    round((v * 1e6) / patients),
  ]),
);
process.stdout.write(
  `${JSON.stringify({
    patients,
    ...Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v)])),
    ...perPatientUs,
    load_average: loadavg().map(round),
  })}\n`,
);
