/**
 * CPU seconds per stage of materialization, measured one stage at a time so other work on the
 * machine changes them far less than wall time:
 *   duckdb  the latest-values query alone (aggregated inside DuckDB, nothing crosses to JS)
 *   read    readLatestEncoded → columnar batches (DuckDB + the offline store's JS)
 *   encode  batches → RESTORE commands (listpack payloads, key, CRC); crc_wasm / crc_js: the CRC
 *           footers alone, WebAssembly (used) and JavaScript (fallback)
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
import { BULK_LOAD_AOF_REWRITE_MIN_SIZE } from './bulk-load.js';
import { DuckDbOfflineStore } from '../src/offline/duckdb-offline-store.js';
import { viewDirectory } from '../src/offline/lake-layout.js';
import { buildLatestValuesSql } from '../src/offline/latest-values-sql.js';
import { Crc64Jones } from '../src/online/crc64-jones.js';
import { Crc64JonesFooters } from '../src/online/crc64-jones-wasm.js';
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

// duckdb: the SQL readLatestEncoded runs, reduced inside DuckDB.
const sources = await Promise.all(
  patientFeatureViews.map(async (view) => {
    const dir = viewDirectory({ lakeDir, view });
    const files = (await readdir(dir)).filter((f) => f.endsWith('.parquet'));
    return {
      name: view.name,
      encoding: view.value.encoding,
      files: files.map((f) => path.join(dir, f)),
    };
  }),
);
{
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const start = cpuSeconds();
  await connection.runAndReadAll(
    `SELECT count(*), sum(octet_length(payload)) FROM (${buildLatestValuesSql({ views: sources })})`,
  );
  stages['duckdb_query_cpu_s'] = cpuSeconds() - start;
  connection.closeSync();
  instance.closeSync();
}

// read: batches as materialize receives them (kept for the next stages).
const offline = await DuckDbOfflineStore.open({ lakeDir });
const batches: EncodedFeatureBatch[] = [];
{
  const start = cpuSeconds();
  const latest = await offline.readLatestEncoded({ views: patientFeatureViews });
  for await (const batch of latest.batches) {
    batches.push(batch);
  }
  stages['read_cpu_s'] = cpuSeconds() - start;
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
  // crc: the footers alone, WebAssembly (what the encoder uses) and JavaScript (the fallback).
  const encoded = batches.map((batch) => encoder.encode(batch));
  const footers = Crc64JonesFooters.create();
  const wasmStart = cpuSeconds();
  for (const commands of encoded) {
    const first = commands[0];
    if (!footers || !first) {
      continue;
    }
    // A batch's commands share one buffer; the CRC covers each payload but its 8-byte footer.
    const base = first.bytes.byteOffset;
    const last = commands[commands.length - 1] ?? first;
    const whole = new Uint8Array(
      first.bytes.buffer,
      base,
      last.bytes.byteOffset + last.bytes.byteLength - base,
    );
    const ranges = new Int32Array(2 * commands.length);
    commands.forEach((command, i) => {
      const bulk = command.payloadBulk;
      const start = bulk.indexOf(0x0a) + 1 + bulk.byteOffset - base;
      ranges[2 * i] = start;
      ranges[2 * i + 1] = bulk.byteOffset - base + bulk.byteLength - 10;
    });
    footers.fill({ bytes: whole, ranges, count: commands.length });
  }
  stages['crc_wasm_cpu_s'] = cpuSeconds() - wasmStart;
  const crc = new Crc64Jones();
  const crcStart = cpuSeconds();
  for (const commands of encoded) {
    for (const command of commands) {
      crc.reset();
      crc.update(command.payloadBulk, 0, command.payloadBulk.byteLength);
    }
  }
  stages['crc_js_cpu_s'] = cpuSeconds() - crcStart;
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
