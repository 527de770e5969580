/**
 * The behaviour every `OfflineStore` must have — latest-value reads and point-in-time-correct
 * training sets, including the leakage test — run against the memory store (unit) and DuckDB (int).
 */
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { days, hours } from '../definitions/duration.js';
import { defineFeatureView } from '../definitions/feature-view.js';
import { decodeFeatureValue } from '../definitions/value-codec.js';
import { demographics } from '../definitions/views/demographics.js';
import { medicationList } from '../definitions/views/medication-list.js';
import { patientEmbedding } from '../definitions/views/patient-embedding.js';
import { recentFindings } from '../definitions/views/recent-findings.js';
import { latestPatientIds, latestViewColumns } from '../offline/latest-batch.js';
import { columnValue } from '../online/encoded-column.js';
import type { OfflineStore, ReadLatestOptions, TrainingLabel } from '../offline/offline-store.js';
import { samplePatientFeatures, testPatientId } from './sample-features.js';

export interface OfflineStoreContractContext {
  /** A fresh, empty store whose clock reads `now`. */
  store: OfflineStore;
  teardown(): Promise<void>;
}

export const OFFLINE_CONTRACT_NOW = new Date('2026-11-22T12:00:00.000Z');
const at = (offsetMs: number) => new Date(OFFLINE_CONTRACT_NOW.getTime() + offsetMs);
const sample = samplePatientFeatures();
const meds = (...rxcuis: string[]) => ({ activeRxcuis: rxcuis });

interface LatestRow {
  readonly patientId: string;
  readonly views: Record<string, { value: unknown; asOf: Date } | null>;
}

/** Every row of a `readLatest`, decoded, sorted by patient. */
export async function readAllLatest(
  store: OfflineStore,
  options: ReadLatestOptions,
): Promise<{
  rows: LatestRow[];
  batchSizes: number[];
  createdAtHigh: ReadonlyMap<string, Date | null>;
}> {
  const latest = await store.readLatest(options);
  const rows: LatestRow[] = [];
  const batchSizes: number[] = [];
  const decoder = new TextDecoder();
  for await (const batch of latest.batches) {
    batchSizes.push(batch.numRows);
    const ids = latestPatientIds(batch);
    const columns = options.views.map((view) => ({ view, ...latestViewColumns(batch, view.name) }));
    for (let i = 0; i < batch.numRows; i++) {
      const views: LatestRow['views'] = {};
      for (const column of columns) {
        const asOfMs = column.asOfMs[i] ?? Number.NaN;
        if (Number.isNaN(asOfMs)) {
          views[column.view.name] = null;
          continue;
        }
        const bytes = column.bytes.subarray(column.offsets[i], column.offsets[i + 1]);
        const decoded = decodeFeatureValue(column.view, bytes);
        views[column.view.name] = {
          value: decoded.ok ? decoded.value : decoded,
          asOf: new Date(asOfMs),
        };
      }
      rows.push({
        patientId: decoder.decode(ids.bytes.subarray(ids.offsets[i], ids.offsets[i + 1])),
        views,
      });
    }
  }
  rows.sort((a, b) => a.patientId.localeCompare(b.patientId));
  // Materialization's read must see exactly the same rows (DuckDB frames them in other SQL).
  const encoded = await readAllLatestEncoded(store, options);
  expect(encoded.rows).toEqual(rows);
  expect(encoded.batchSizes).toEqual(batchSizes);
  expect(encoded.createdAtHigh).toEqual(latest.createdAtHigh);
  return { rows, batchSizes, createdAtHigh: latest.createdAtHigh };
}

/** Every row of a `readLatestEncoded`, decoded like `readAllLatest` (framed rows via `views`). */
async function readAllLatestEncoded(
  store: OfflineStore,
  options: ReadLatestOptions,
): Promise<{
  rows: LatestRow[];
  batchSizes: number[];
  createdAtHigh: ReadonlyMap<string, Date | null>;
}> {
  const latest = await store.readLatestEncoded(options);
  const rows: LatestRow[] = [];
  const batchSizes: number[] = [];
  const decoder = new TextDecoder();
  for await (const batch of latest.batches) {
    batchSizes.push(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      const views: LatestRow['views'] = {};
      for (const view of options.views) {
        const column = batch.views.find((c) => c.view.name === view.name);
        const asOfMs = column?.asOfMs[i] ?? Number.NaN;
        if (!column || Number.isNaN(asOfMs)) {
          views[view.name] = null;
          continue;
        }
        const decoded = decodeFeatureValue(view, columnValue(column.values, i));
        views[view.name] = { value: decoded.ok ? decoded.value : decoded, asOf: new Date(asOfMs) };
      }
      const id = columnValue(batch.patientIds, i);
      rows.push({ patientId: decoder.decode(id), views });
    }
  }
  rows.sort((a, b) => a.patientId.localeCompare(b.patientId));
  return { rows, batchSizes, createdAtHigh: latest.createdAtHigh };
}

async function collect<T>(iterable: AsyncIterable<readonly T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of iterable) {
    all.push(...batch);
  }
  return all;
}

export function offlineStoreContract(
  name: string,
  setup: () => Promise<OfflineStoreContractContext>,
): void {
  describe(`${name} (offline store contract)`, () => {
    let context: OfflineStoreContractContext;
    let store: OfflineStore;
    const p1 = testPatientId(1);
    const p2 = testPatientId(2);
    const p3 = testPatientId(3);

    beforeEach(async () => {
      context = await setup();
      store = context.store;
    });
    afterEach(async () => {
      await context.teardown();
    });

    it('reads the latest value per patient, by event time, across snapshots', async () => {
      await store.writeSnapshot({
        view: medicationList,
        rows: [
          { patientId: p1, eventTimestamp: at(-days(2)), value: meds('1') },
          { patientId: p2, eventTimestamp: at(-days(2)), value: meds('2') },
        ],
        createdAt: at(-days(2)),
      });
      await store.writeSnapshot({
        view: medicationList,
        rows: [
          { patientId: p1, eventTimestamp: at(-days(1)), value: meds('1', '11') },
          // A late-arriving backfill for an older time must not hide the newer value.
          { patientId: p2, eventTimestamp: at(-days(3)), value: meds('22') },
        ],
        createdAt: at(-hours(1)),
      });
      const { rows } = await readAllLatest(store, { views: [medicationList] });
      expect(rows).toEqual([
        {
          patientId: p1,
          views: { medication_list: { value: meds('1', '11'), asOf: at(-days(1)) } },
        },
        { patientId: p2, views: { medication_list: { value: meds('2'), asOf: at(-days(2)) } } },
      ]);
    });

    it('lets a later write with the same event time win (a correction)', async () => {
      const rows = (value: ReturnType<typeof meds>) => [
        { patientId: p1, eventTimestamp: at(-days(1)), value },
      ];
      await store.writeSnapshot({
        view: medicationList,
        rows: rows(meds('1')),
        createdAt: at(-hours(5)),
      });
      await store.writeSnapshot({
        view: medicationList,
        rows: rows(meds('9')),
        createdAt: at(-hours(4)),
      });
      const { rows: latest } = await readAllLatest(store, { views: [medicationList] });
      expect(latest[0]?.views['medication_list']?.value).toEqual(meds('9'));
    });

    it('joins several views into one row per patient, null where a patient has no value', async () => {
      await store.writeSnapshot({
        view: demographics,
        rows: [{ patientId: p1, eventTimestamp: at(-1), value: sample.demographics }],
      });
      await store.writeSnapshot({
        view: patientEmbedding,
        rows: [
          { patientId: p1, eventTimestamp: at(-2), value: sample.patient_embedding },
          { patientId: p2, eventTimestamp: at(-2), value: sample.patient_embedding },
        ],
      });
      const { rows } = await readAllLatest(store, {
        views: [demographics, patientEmbedding, medicationList],
      });
      expect(rows).toEqual([
        {
          patientId: p1,
          views: {
            demographics: { value: sample.demographics, asOf: at(-1) },
            patient_embedding: { value: sample.patient_embedding, asOf: at(-2) },
            medication_list: null,
          },
        },
        {
          patientId: p2,
          views: {
            demographics: null,
            patient_embedding: { value: sample.patient_embedding, asOf: at(-2) },
            medication_list: null,
          },
        },
      ]);
    });

    it('reads as of a past time, counting rows at exactly that time', async () => {
      await store.writeSnapshot({
        view: medicationList,
        rows: [
          { patientId: p1, eventTimestamp: at(-days(3)), value: meds('3') },
          { patientId: p1, eventTimestamp: at(-days(2)), value: meds('2') },
          { patientId: p1, eventTimestamp: at(-days(1)), value: meds('1') },
        ],
      });
      const { rows } = await readAllLatest(store, { views: [medicationList], asOf: at(-days(2)) });
      expect(rows[0]?.views['medication_list']?.value).toEqual(meds('2'));
    });

    it('reads incrementally: only patients whose latest row was written after the mark', async () => {
      const first = await store.writeSnapshot({
        view: medicationList,
        rows: [
          { patientId: p1, eventTimestamp: at(-days(2)), value: meds('1') },
          { patientId: p2, eventTimestamp: at(-days(2)), value: meds('2') },
          { patientId: p3, eventTimestamp: at(-days(1)), value: meds('3') },
        ],
        createdAt: at(-hours(3)),
      });
      await store.writeSnapshot({
        view: medicationList,
        rows: [
          { patientId: p1, eventTimestamp: at(-hours(2)), value: meds('10') },
          // Older than what p3 already has: p3's latest row is unchanged, so p3 is not re-read.
          { patientId: p3, eventTimestamp: at(-days(5)), value: meds('30') },
        ],
        createdAt: at(-hours(1)),
      });
      const { rows, createdAtHigh } = await readAllLatest(store, {
        views: [medicationList],
        createdAfter: new Map([['medication_list', first.createdAt]]),
      });
      expect(rows.map((r) => [r.patientId, r.views['medication_list']?.value])).toEqual([
        [p1, meds('10')],
      ]);
      expect(createdAtHigh.get('medication_list')).toEqual(at(-hours(1)));
    });

    it('keeps each version of a view apart', async () => {
      const medicationListV2 = defineFeatureView({ ...medicationList, version: 2 });
      await store.writeSnapshot({
        view: medicationList,
        rows: [{ patientId: p1, eventTimestamp: at(-1), value: meds('1') }],
      });
      const { rows, createdAtHigh } = await readAllLatest(store, { views: [medicationListV2] });
      expect(rows).toEqual([]);
      expect(createdAtHigh.get('medication_list')).toBeNull();
    });

    it('streams record batches of at most the batch size', async () => {
      const rows = Array.from({ length: 25 }, (_, i) => ({
        patientId: testPatientId(100 + i),
        eventTimestamp: at(-1),
        value: sample.demographics,
      }));
      await store.writeSnapshot({ view: demographics, rows });
      const { rows: latest, batchSizes } = await readAllLatest(store, {
        views: [demographics],
        batchSize: 10,
      });
      expect(latest).toHaveLength(25);
      expect(batchSizes).toEqual([10, 10, 5]);
    });

    it('rejects a snapshot with any invalid row and writes none of it', async () => {
      const good = { patientId: p1, eventTimestamp: at(-1), value: sample.demographics };
      const attempts = [
        { ...good, value: { birthYear: 1956, sex: 'F' } },
        { ...good, patientId: 'MRN-123' as PatientId },
        { ...good, eventTimestamp: at(days(1)) },
      ];
      for (const bad of attempts) {
        const error: unknown = await store
          .writeSnapshot({ view: demographics, rows: [good, bad] as never })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('VALIDATION_FAILED');
      }
      const { rows } = await readAllLatest(store, { views: [demographics] });
      expect(rows).toEqual([]);
    });

    describe('training sets', () => {
      const label = (patientId: PatientId, offsetMs: number, value = 'y'): TrainingLabel => ({
        patientId,
        labelTimestamp: at(offsetMs),
        label: value,
      });

      it('never lets a feature from the label’s instant or later into the row (leakage test)', async () => {
        const labelTime = -days(2);
        await store.writeSnapshot({
          view: medicationList,
          rows: [
            { patientId: p1, eventTimestamp: at(labelTime - days(1)), value: meds('1') },
            { patientId: p1, eventTimestamp: at(labelTime), value: meds('2') },
            { patientId: p1, eventTimestamp: at(labelTime + 1), value: meds('3') },
            { patientId: p1, eventTimestamp: at(labelTime + days(1)), value: meds('4') },
          ],
          createdAt: at(-days(4)),
        });
        const rows = await collect(
          store.trainingSet({ labels: [label(p1, labelTime)], views: [medicationList] }),
        );
        expect(rows).toHaveLength(1);
        expect(rows[0]?.features.medication_list).toEqual({
          status: 'fresh',
          value: meds('1'),
          asOf: at(labelTime - days(1)),
          ageMs: days(1),
        });
      });

      it('gives each label the features as they were at its own time', async () => {
        await store.writeSnapshot({
          view: medicationList,
          rows: [
            { patientId: p1, eventTimestamp: at(-days(10)), value: meds('1') },
            { patientId: p1, eventTimestamp: at(-days(5)), value: meds('2') },
            { patientId: p2, eventTimestamp: at(-days(10)), value: meds('9') },
          ],
        });
        const rows = await collect(
          store.trainingSet({
            labels: [
              label(p2, -days(1), 'b'),
              label(p1, -days(1), 'late'),
              label(p1, -days(7), 'early'),
              label(p1, -days(20), 'before'),
            ],
            views: [medicationList],
          }),
        );
        expect(
          rows.map((r) => [
            r.patientId,
            r.label,
            r.features.medication_list.status === 'missing'
              ? null
              : r.features.medication_list.value,
          ]),
        ).toEqual([
          [p1, 'before', null],
          [p1, 'early', meds('1')],
          [p1, 'late', meds('2')],
          [p2, 'b', meds('9')],
        ]);
      });

      it('marks a feature older than the view’s staleness limit at label time as stale', async () => {
        await store.writeSnapshot({
          view: recentFindings,
          rows: [{ patientId: p1, eventTimestamp: at(-days(3)), value: sample.recent_findings }],
        });
        const rows = await collect(
          store.trainingSet({ labels: [label(p1, 0)], views: [recentFindings] }),
        );
        expect(rows[0]?.features.recent_findings).toMatchObject({
          status: 'stale',
          ageMs: days(3),
        });
      });

      it('uses the latest write among rows with the same event time', async () => {
        const row = (value: ReturnType<typeof meds>) => [
          { patientId: p1, eventTimestamp: at(-days(1)), value },
        ];
        await store.writeSnapshot({
          view: medicationList,
          rows: row(meds('5')),
          createdAt: at(-hours(9)),
        });
        await store.writeSnapshot({
          view: medicationList,
          rows: row(meds('6')),
          createdAt: at(-hours(8)),
        });
        const rows = await collect(
          store.trainingSet({ labels: [label(p1, 0)], views: [medicationList] }),
        );
        expect(rows[0]?.features.medication_list).toMatchObject({ value: meds('6') });
      });

      it('joins several views and streams in batches', async () => {
        await store.writeSnapshot({
          view: demographics,
          rows: [{ patientId: p1, eventTimestamp: at(-days(1)), value: sample.demographics }],
        });
        await store.writeSnapshot({
          view: patientEmbedding,
          rows: [{ patientId: p1, eventTimestamp: at(-days(1)), value: sample.patient_embedding }],
        });
        const labels = Array.from({ length: 5 }, (_, i) => label(p1, -i * 1000, String(i)));
        const batches: number[] = [];
        for await (const batch of store.trainingSet({
          labels,
          views: [demographics, patientEmbedding],
          batchSize: 2,
        })) {
          batches.push(batch.length);
          for (const row of batch) {
            expect(row.features.demographics).toMatchObject({ value: sample.demographics });
            expect(row.features.patient_embedding).toMatchObject({
              value: sample.patient_embedding,
            });
          }
        }
        expect(batches).toEqual([2, 2, 1]);
      });

      it('rejects labels without a pseudonymous patient id', async () => {
        const iterate = () =>
          collect(
            store.trainingSet({
              labels: [{ patientId: 'MRN-1' as PatientId, labelTimestamp: at(0), label: 'x' }],
              views: [demographics],
            }),
          );
        await expect(iterate()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      });
    });
  });
}
