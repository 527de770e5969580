import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {} from '@mediassist/tooling/redis-global-setup';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { featureRegistry, patientFeatureViews } from '../definitions/registry.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { encodeFeatureWrites } from './encode-writes.js';
import { RestoreCommandEncoder } from './redis-restore-commands.js';
import { viewFields } from './redis-keys.js';

const sample = samplePatientFeatures();
const nowMs = Date.now();
const asOf = new Date(nowMs - 3_600_000);
const patientId = testPatientId(42);

/** One patient with every view, encoded as materialization hands it to the RESTORE encoder. */
function restoreCommand(keyPrefix: string) {
  const batch = encodeFeatureWrites({
    registry: featureRegistry,
    nowMs,
    batch: [
      {
        patientId,
        features: Object.fromEntries(
          patientFeatureViews.map((view) => [view.name, { value: sample[view.name], asOf }]),
        ),
      },
    ],
  });
  const [command] = new RestoreCommandEncoder({ keyPrefix, gcTtlSeconds: 0 }).encode(batch);
  if (!command) {
    throw new Error('no command');
  }
  const payloadStart = command.payloadBulk.indexOf('\r\n') + 2;
  return {
    batch,
    key: command.key.toString(),
    payload: command.payloadBulk.subarray(payloadStart, command.payloadBulk.byteLength - 2),
  };
}

describe('listpack DUMP payloads against a real Redis', () => {
  describe('a private redis-server (no RDB compression, listpack values up to 1024 bytes)', () => {
    let dir: string;
    let server: LocalRedis;
    let redis: Redis;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'fs-listpack-'));
      // Uncompressed DUMP output and a hash HSET keeps as a listpack, so bytes can be compared.
      server = await startLocalRedis({
        dataDir: dir,
        extraArgs: ['--rdbcompression', 'no', '--hash-max-listpack-value', '1024'],
      });
      redis = new Redis(server.url);
    });
    afterAll(async () => {
      redis.disconnect();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('builds the same bytes DUMP gives for the hash Redis builds itself with HSET', async () => {
      const { batch, key, payload } = restoreCommand('lp:');
      const fields: Buffer[] = [];
      for (const column of batch.views) {
        const names = viewFields(column.view.name);
        const value = column.values.bytes.subarray(
          column.values.offsets[0],
          column.values.offsets[1],
        );
        fields.push(
          Buffer.from(names.value),
          Buffer.from(value),
          Buffer.from(names.asOf),
          Buffer.from(String(column.asOfMs[0])),
          Buffer.from(names.version),
          Buffer.from(String(column.view.version)),
        );
      }
      await redis.hset('lp:reference', ...fields);
      expect(await redis.object('ENCODING', 'lp:reference')).toBe('listpack');
      const dumped = await redis.dumpBuffer('lp:reference');
      expect(payload.toString('hex')).toBe(dumped.toString('hex'));

      await redis.restore(key, 0, payload);
      expect(await redis.hgetallBuffer(key)).toEqual(await redis.hgetallBuffer('lp:reference'));
    });
  });

  describe('the shared test Redis (default hash-max-listpack-value 64)', () => {
    let ctx: RedisTestContext;
    beforeAll(() => {
      ctx = createRedisTestContext(inject('redisUrl'));
    });
    afterAll(async () => {
      await ctx.cleanup();
    });

    it('keeps a restored patient a listpack although the embedding is longer than 64 bytes', async () => {
      const { key, payload } = restoreCommand(ctx.prefix);
      await ctx.redis.restore(key, 0, payload);
      expect(await ctx.redis.object('ENCODING', key)).toBe('listpack');
      const embedding = await ctx.redis.hgetBuffer(key, 'patient_embedding:value');
      expect(embedding?.byteLength).toBeGreaterThan(64);
      expect(await ctx.redis.hget(key, 'demographics:as_of')).toBe(String(asOf.getTime()));
      expect(await ctx.redis.hget(key, 'demographics:version')).toBe('1');
    });

    it('answers BUSYKEY for a patient that exists, leaving it unchanged', async () => {
      const { key, payload } = restoreCommand(ctx.prefix);
      await expect(ctx.redis.restore(key, 0, payload)).rejects.toThrow(/BUSYKEY/);
    });
  });
});
