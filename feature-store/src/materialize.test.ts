import { describe, expect, it } from 'vitest';
import { days, hours, minutes } from './definitions/duration.js';
import { featureRegistry } from './definitions/registry.js';
import { demographics } from './definitions/views/demographics.js';
import { medicationList } from './definitions/views/medication-list.js';
import { patientEmbedding } from './definitions/views/patient-embedding.js';
import { materialize, type MaterializeProgress } from './materialize.js';
import { MemoryOfflineStore } from './offline/memory-offline-store.js';
import { MemoryOnlineStore, type MemoryOnlineData } from './online/memory-online-store.js';
import type { EncodedFeatureBatch, OnlineStore } from './online/online-store.js';
import { samplePatientFeatures, testPatientId } from './testing/sample-features.js';

const NOW = new Date('2026-11-22T12:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const sample = samplePatientFeatures();
const meds = (...rxcuis: string[]) => ({ activeRxcuis: rxcuis });

function stores(clockMs = () => NOW.getTime()) {
  const data: MemoryOnlineData = new Map();
  const clock = () => new Date(clockMs());
  return {
    data,
    offline: new MemoryOfflineStore({ clock }),
    online: new MemoryOnlineStore({ registry: featureRegistry, data, clock }),
    clock,
  };
}

async function seed(offline: MemoryOfflineStore, patients: number, createdAt = at(-hours(1))) {
  const ids = Array.from({ length: patients }, (_, i) => testPatientId(i + 1));
  await offline.writeSnapshot({
    view: demographics,
    rows: ids.map((patientId) => ({
      patientId,
      eventTimestamp: at(-hours(2)),
      value: sample.demographics,
    })),
    createdAt,
  });
  await offline.writeSnapshot({
    view: patientEmbedding,
    rows: ids.slice(0, Math.ceil(patients / 2)).map((patientId) => ({
      patientId,
      eventTimestamp: at(-hours(2)),
      value: sample.patient_embedding,
    })),
    createdAt,
  });
  return ids;
}

describe('materialize', () => {
  it('moves the latest value of every view and patient to the online store', async () => {
    const { offline, online } = stores();
    const ids = await seed(offline, 5);
    const summary = await materialize({
      offline,
      online,
      views: [demographics, patientEmbedding],
      mode: 'full',
      clock: () => NOW,
    });
    expect(summary).toMatchObject({ mode: 'full', patients: 5, rows: 8, written: 8, skipped: 0 });
    const first = await online.read(ids[0]!);
    expect(first.features.demographics).toMatchObject({
      status: 'fresh',
      value: sample.demographics,
      asOf: at(-hours(2)),
    });
    expect(first.features.patient_embedding).toMatchObject({
      status: 'fresh',
      value: sample.patient_embedding,
    });
    const last = await online.read(ids[4]!);
    expect(last.features.patient_embedding.status).toBe('missing');
  });

  it('is idempotent: a second full run leaves exactly the same stored bytes', async () => {
    const { offline, online, data } = stores();
    await seed(offline, 20);
    await materialize({
      offline,
      online,
      views: [demographics, patientEmbedding],
      mode: 'full',
      batchSize: 3,
    });
    const snapshot = structuredClone([...data.entries()].map(([k, v]) => [k, [...v.entries()]]));
    const again = await materialize({
      offline,
      online,
      views: [demographics, patientEmbedding],
      mode: 'full',
      batchSize: 7,
    });
    expect(again.written).toBe(again.rows);
    expect([...data.entries()].map(([k, v]) => [k, [...v.entries()]])).toEqual(snapshot);
  });

  it('never replaces a newer value a nearline worker wrote in the meantime', async () => {
    const { offline, online } = stores();
    const ids = await seed(offline, 3);
    const nearline = { activeRxcuis: ['29046'] };
    await offline.writeSnapshot({
      view: medicationList,
      rows: [{ patientId: ids[0]!, eventTimestamp: at(-hours(2)), value: meds('1') }],
    });
    await online.write(ids[0]!, { medication_list: { value: nearline, asOf: at(-minutes(1)) } });
    const summary = await materialize({ offline, online, views: [medicationList], mode: 'full' });
    expect(summary).toMatchObject({ rows: 1, written: 0, skipped: 1 });
    const read = await online.read(ids[0]!, ['medication_list']);
    expect(read.features.medication_list).toMatchObject({ value: nearline });
  });

  it('records a watermark per view and, incrementally, moves only what was written since', async () => {
    let nowMs = NOW.getTime();
    const { offline, online } = stores(() => nowMs);
    const ids = await seed(offline, 4, at(-hours(1)));
    const first = await materialize({
      offline,
      online,
      views: [demographics, patientEmbedding],
      mode: 'full',
    });
    expect(first.watermarks).toEqual({
      demographics: at(-hours(1)).toISOString(),
      patient_embedding: at(-hours(1)).toISOString(),
    });
    expect(await online.watermarks.get(demographics)).toEqual(at(-hours(1)));

    nowMs += hours(3);
    await offline.writeSnapshot({
      view: demographics,
      rows: [
        {
          patientId: ids[1]!,
          eventTimestamp: at(hours(2)),
          value: { birthYear: 1957, sex: 'female' },
        },
      ],
      createdAt: at(hours(2)),
    });
    const second = await materialize({
      offline,
      online,
      views: [demographics, patientEmbedding],
      mode: 'incremental',
      overlapMs: 0,
    });
    expect(second).toMatchObject({ patients: 1, rows: 1, written: 1 });
    expect(second.watermarks['demographics']).toBe(at(hours(2)).toISOString());
    const read = await online.read(ids[1]!, ['demographics'], { now: at(hours(3)) });
    expect(read.features.demographics).toMatchObject({ value: { birthYear: 1957 } });

    const third = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'incremental',
      overlapMs: 0,
    });
    expect(third).toMatchObject({ patients: 0, rows: 0 });
  });

  it('re-reads the overlap before the watermark, for writes that were in flight', async () => {
    const { offline, online } = stores();
    await seed(offline, 2, at(-minutes(30)));
    await materialize({ offline, online, views: [demographics], mode: 'full' });
    const lateButOlder = await offline.writeSnapshot({
      view: demographics,
      rows: [
        { patientId: testPatientId(9), eventTimestamp: at(-hours(2)), value: sample.demographics },
      ],
      createdAt: at(-minutes(35)),
    });
    expect(lateButOlder.createdAt.getTime()).toBeLessThan(at(-minutes(30)).getTime());
    const run = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'incremental',
      overlapMs: minutes(10),
    });
    expect(run.patients).toBe(3);
    const none = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'incremental',
      overlapMs: 0,
    });
    expect(none.patients).toBe(0);
  });

  it('treats a view without a watermark as new, and `since` as an explicit start', async () => {
    const { offline, online } = stores();
    await seed(offline, 3, at(-days(1)));
    const fresh = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'incremental',
    });
    expect(fresh.patients).toBe(3);
    const since = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'incremental',
      since: at(-days(2)),
    });
    expect(since.patients).toBe(3);
  });

  it('reports progress per batch and a rate in the summary', async () => {
    const { offline, online } = stores();
    await seed(offline, 10);
    const seen: MaterializeProgress[] = [];
    const summary = await materialize({
      offline,
      online,
      views: [demographics],
      mode: 'full',
      batchSize: 4,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.patients).sort((a, b) => a - b)).toEqual([4, 8, 10]);
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
  });

  it('leaves the watermark untouched when a write fails', async () => {
    const { offline, online } = stores();
    await seed(offline, 10);
    let calls = 0;
    const failing: Pick<OnlineStore, 'writeEncoded' | 'watermarks'> = {
      watermarks: online.watermarks,
      writeEncoded: (batch: EncodedFeatureBatch) => {
        calls += 1;
        return calls === 2
          ? Promise.reject(new Error('connection lost'))
          : online.writeEncoded(batch);
      },
    };
    await expect(
      materialize({ offline, online: failing, views: [demographics], mode: 'full', batchSize: 3 }),
    ).rejects.toThrow('connection lost');
    expect(await online.watermarks.get(demographics)).toBeNull();
  });
});
