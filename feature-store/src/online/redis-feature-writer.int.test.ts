import type {} from '@mediassist/tooling/redis-global-setup';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { featureRegistry, patientFeatureViews } from '../definitions/registry.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { encodeFeatureWrites } from './encode-writes.js';
import { RESTORE_MIN_ROWS } from './redis-feature-writer.js';
import { RedisOnlineStore } from './redis-online-store.js';
import { batchRows, rowBatch } from './row-batch.js';

const sample = samplePatientFeatures();
const NOW = new Date();
const asOf = new Date(NOW.getTime() - 3_600_000);
const patients = Array.from({ length: RESTORE_MIN_ROWS + 36 }, (_, i) => testPatientId(i + 1));

/** Every view of every patient, as materialization would hand them over. */
function bulkBatch() {
  return encodeFeatureWrites({
    registry: featureRegistry,
    nowMs: NOW.getTime(),
    batch: patients.map((patientId) => ({
      patientId,
      features: Object.fromEntries(
        patientFeatureViews.map((view) => [view.name, { value: sample[view.name], asOf }]),
      ),
    })),
  });
}

describe.each([
  ['columnar batches', bulkBatch],
  // As the DuckDB offline store yields them; the script path builds the columns on demand.
  ['row batches', () => rowBatch(batchRows(bulkBatch()))],
])('bulk writes of %s (RESTORE fast path, script for existing patients)', (_, makeBatch) => {
  let ctx: RedisTestContext;
  const store = (prefix: string, gcTtlSeconds = 0) =>
    new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: prefix,
      gcTtlSeconds,
    });

  /** RESTORE calls Redis has run (other tests only add to it). */
  const restoreCalls = async () =>
    Number(/cmdstat_restore:calls=(\d+)/.exec(await ctx.redis.info('commandstats'))?.[1] ?? 0);

  beforeEach(() => {
    ctx = createRedisTestContext(inject('redisUrl'));
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('stores new patients exactly as the write script does, field for field', async () => {
    const fast = store(`${ctx.prefix}a:`);
    const restoresBefore = await restoreCalls();
    const summary = await fast.writeEncoded(makeBatch());
    expect((await restoreCalls()) - restoresBefore).toBeGreaterThanOrEqual(patients.length);
    expect(summary).toEqual({
      patients: patients.length,
      written: patients.length * patientFeatureViews.length,
      skipped: 0,
    });
    const viaScript = store(`${ctx.prefix}b:`);
    for (const patientId of patients.slice(0, 5)) {
      await viaScript.write(
        patientId,
        Object.fromEntries(
          patientFeatureViews.map((view) => [view.name, { value: sample[view.name], asOf }]),
        ),
      );
      const restored = await ctx.redis.hgetallBuffer(`${ctx.prefix}a:fs:{${patientId}}`);
      const scripted = await ctx.redis.hgetallBuffer(`${ctx.prefix}b:fs:{${patientId}}`);
      expect(restored).toEqual(scripted);
      expect(Object.keys(restored)).toHaveLength(3 * patientFeatureViews.length);
    }
    const read = await fast.read(patients[70]!, undefined, { now: NOW });
    expect(read.features.patient_embedding).toMatchObject({
      status: 'fresh',
      value: sample.patient_embedding,
    });
  });

  it('never replaces a newer value a patient already has, and fills in the rest', async () => {
    const online = store(ctx.prefix);
    const newer = new Date(NOW.getTime() - 60_000);
    await online.write(patients[3]!, {
      medication_list: { value: { activeRxcuis: ['1191'] }, asOf: newer },
    });
    const summary = await online.writeEncoded(makeBatch());
    expect(summary).toMatchObject({
      written: patients.length * patientFeatureViews.length - 1,
      skipped: 1,
    });
    const read = await online.read(patients[3]!, undefined, { now: NOW });
    expect(read.features.medication_list).toMatchObject({
      value: { activeRxcuis: ['1191'] },
      asOf: newer,
    });
    expect(read.features.demographics).toMatchObject({ value: sample.demographics, asOf });
  });

  it('rewrites the same state when run again into a populated store', async () => {
    const online = store(ctx.prefix);
    await online.writeEncoded(makeBatch());
    const key = `${ctx.prefix}fs:{${patients[9]!}}`;
    const before = await ctx.redis.hgetallBuffer(key);
    const again = await online.writeEncoded(makeBatch());
    expect(again.written).toBe(patients.length * patientFeatureViews.length);
    expect(await ctx.redis.hgetallBuffer(key)).toEqual(before);
  });

  it('still stores every patient after Redis forgot its scripts (SCRIPT FLUSH)', async () => {
    const online = store(ctx.prefix);
    await online.writeEncoded(makeBatch()); // loads both scripts
    await ctx.redis.script('FLUSH');
    const again = store(`${ctx.prefix}x:`);
    await again.writeEncoded(makeBatch()); // a new store loads them again
    await ctx.redis.script('FLUSH');
    const summary = await again.writeEncoded(makeBatch()); // NOSCRIPT: through the write script
    expect(summary.written).toBe(patients.length * patientFeatureViews.length);
    const read = await again.read(patients[50]!, undefined, { now: NOW });
    expect(read.features.care_gaps).toMatchObject({ status: 'fresh', value: sample.care_gaps });
  });

  it('gives restored patients the garbage-collection TTL', async () => {
    await store(ctx.prefix, 86_400).writeEncoded(makeBatch());
    const ttl = await ctx.redis.pttl(`${ctx.prefix}fs:{${patients[0]!}}`);
    expect(ttl).toBeGreaterThan(86_000_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });
});
