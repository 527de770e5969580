/**
 * The behaviour every `OnlineStore` must have, as one Vitest suite run against each implementation
 * (memory in unit tests, Redis in integration tests). Call inside a test file:
 * `onlineStoreContract('RedisOnlineStore', () => harness)`.
 */
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { days } from '../definitions/duration.js';
import { defineFeatureView, type AnyFeatureView } from '../definitions/feature-view.js';
import {
  createFeatureRegistry,
  featureRegistry,
  patientFeatureViews,
  type FeatureRegistry,
} from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { demographics } from '../definitions/views/demographics.js';
import { buildEncodedColumn } from '../online/encoded-column.js';
import type { OnlineStore } from '../online/online-store.js';
import { viewFields } from '../online/redis-keys.js';
import { samplePatientFeatures, testPatientId } from './sample-features.js';

export interface OnlineStoreContractContext {
  /** A store over `registry`; stores made in one test share their data (as two deployments would). */
  createStore<TView extends AnyFeatureView>(options: {
    registry: FeatureRegistry<TView>;
    clock?: () => Date;
  }): OnlineStore<TView>;
  /** Overwrites one hash field with raw bytes, as a foreign or broken writer would. */
  setRawField(options: {
    patientId: PatientId;
    field: string;
    value: string | Uint8Array;
  }): Promise<void>;
  teardown(): Promise<void>;
}

const NOW = new Date('2026-11-22T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const fixedClock = () => NOW;

/** Demographics at version 2: what a reader sees after a schema change was deployed. */
const demographicsV2 = defineFeatureView({ ...demographics, version: 2 });
const registryV2 = createFeatureRegistry([
  demographicsV2,
  ...patientFeatureViews.filter((v) => v.name !== 'demographics'),
]);

export function onlineStoreContract(
  name: string,
  setup: () => Promise<OnlineStoreContractContext>,
): void {
  describe(`${name} (online store contract)`, () => {
    let context: OnlineStoreContractContext;
    let store: OnlineStore;
    const patient = testPatientId(1);
    const sample = samplePatientFeatures();

    beforeEach(async () => {
      context = await setup();
      store = context.createStore({ registry: featureRegistry, clock: fixedClock });
    });

    afterEach(async () => {
      await context.teardown();
    });

    it('reads back every view written, each fresh with its as_of, age and version', async () => {
      const features = Object.fromEntries(
        featureRegistry.names.map((n) => [n, { value: sample[n], asOf: at(-60_000) }]),
      );
      const outcome = await store.write(patient, features);
      expect(outcome.written.sort()).toEqual([...featureRegistry.names].sort());
      expect(outcome.skipped).toEqual([]);

      const read = await store.read(patient);
      expect(read.patientId).toBe(patient);
      expect(read.readAt).toEqual(NOW);
      expect(read.features).toEqual(
        Object.fromEntries(
          featureRegistry.names.map((n) => [
            n,
            { status: 'fresh', value: sample[n], asOf: at(-60_000), ageMs: 60_000, version: 1 },
          ]),
        ),
      );
    });

    it('stores the embedding as raw little-endian float32 bytes and returns a Float32Array', async () => {
      const vector = Float32Array.from({ length: 32 }, (_, i) => Math.fround(Math.sin(i)));
      await store.write(patient, { patient_embedding: { value: vector, asOf: at(-1) } });
      const read = await store.read(patient, ['patient_embedding']);
      const state = read.features.patient_embedding;
      expect(state.status).toBe('fresh');
      expect(state.status === 'fresh' && state.value).toEqual(vector);
      expect(state.status === 'fresh' && state.value).toBeInstanceOf(Float32Array);
    });

    it('reports views never written, and patients never seen, as missing', async () => {
      await store.write(patient, { demographics: { value: sample.demographics, asOf: at(-1) } });
      const read = await store.read(patient);
      expect(read.features.demographics.status).toBe('fresh');
      expect(read.features.medication_list).toEqual({ status: 'missing' });
      const stranger = await store.read(testPatientId(999));
      expect(Object.values(stranger.features).every((s) => s.status === 'missing')).toBe(true);
    });

    it('reports a value older than the view’s maximum staleness as stale, with its value and limit', async () => {
      const asOf = at(-days(1) - 1);
      await store.write(patient, {
        recent_findings: { value: sample.recent_findings, asOf },
        demographics: { value: sample.demographics, asOf },
      });
      const read = await store.read(patient, ['recent_findings', 'demographics']);
      expect(read.features.recent_findings).toEqual({
        status: 'stale',
        value: sample.recent_findings,
        asOf,
        ageMs: days(1) + 1,
        version: 1,
        maxStalenessMs: days(1),
      });
      expect(read.features.demographics.status).toBe('fresh');
    });

    it('judges staleness at read time against the `now` given, never by key expiry', async () => {
      await store.write(patient, {
        medication_list: { value: sample.medication_list, asOf: at(0) },
      });
      const fresh = await store.read(patient, ['medication_list'], { now: at(days(1)) });
      const stale = await store.read(patient, ['medication_list'], { now: at(days(1) + 1) });
      expect(fresh.features.medication_list.status).toBe('fresh');
      expect(stale.features.medication_list.status).toBe('stale');
      expect(stale.readAt).toEqual(at(days(1) + 1));
    });

    it('reads only the views asked for', async () => {
      await store.write(patient, {
        demographics: { value: sample.demographics, asOf: at(-1) },
        care_gaps: { value: sample.care_gaps, asOf: at(-1) },
      });
      const read = await store.read(patient, ['care_gaps']);
      expect(Object.keys(read.features)).toEqual(['care_gaps']);
    });

    it('keeps the newer value when a write with an older as_of arrives later', async () => {
      const newer = { activeRxcuis: ['29046'] };
      const older = { activeRxcuis: ['6809'] };
      await store.write(patient, { medication_list: { value: newer, asOf: at(-1_000) } });
      const outcome = await store.write(patient, {
        medication_list: { value: older, asOf: at(-2_000) },
        demographics: { value: sample.demographics, asOf: at(-2_000) },
      });
      expect(outcome).toEqual({ written: ['demographics'], skipped: ['medication_list'] });
      const read = await store.read(patient, ['medication_list']);
      expect(read.features.medication_list).toMatchObject({ value: newer, asOf: at(-1_000) });
    });

    it('replaces a value with the same as_of, so re-runs converge and corrections land', async () => {
      await store.write(patient, {
        medication_list: { value: { activeRxcuis: ['1'] }, asOf: at(-5) },
      });
      const outcome = await store.write(patient, {
        medication_list: { value: { activeRxcuis: ['2'] }, asOf: at(-5) },
      });
      expect(outcome.written).toEqual(['medication_list']);
      const read = await store.read(patient, ['medication_list']);
      expect(read.features.medication_list).toMatchObject({ value: { activeRxcuis: ['2'] } });
    });

    it('ends with the newest value whatever order concurrent writes land in', async () => {
      const offsets = Array.from({ length: 40 }, (_, i) => -((i * 7919) % 40) * 1_000);
      await Promise.all(
        offsets.map((offset) =>
          store.write(patient, {
            recent_findings: {
              value: { ...sample.recent_findings, visits90d: -offset / 1_000 },
              asOf: at(offset),
            },
          }),
        ),
      );
      const read = await store.read(patient, ['recent_findings']);
      expect(read.features.recent_findings).toMatchObject({ asOf: at(0), value: { visits90d: 0 } });
    });

    it('reports a value stored under another version as incompatible instead of parsing it', async () => {
      await store.write(patient, { demographics: { value: sample.demographics, asOf: at(-1) } });
      const readerV2 = context.createStore({ registry: registryV2, clock: fixedClock });
      const read = await readerV2.read(patient, ['demographics', 'medication_list']);
      expect(read.features.demographics).toEqual({
        status: 'incompatible',
        storedVersion: 1,
        expectedVersion: 2,
        asOf: at(-1),
      });
      expect(read.features.medication_list.status).toBe('missing');
    });

    it('lets a newer version replace an older one whatever the as_of, and never the reverse', async () => {
      const writerV2 = context.createStore({ registry: registryV2, clock: fixedClock });
      await store.write(patient, { demographics: { value: sample.demographics, asOf: at(-1) } });
      const upgraded = await writerV2.write(patient, {
        demographics: { value: { birthYear: 1957, sex: 'female' }, asOf: at(-days(2)) },
      });
      expect(upgraded.written).toEqual(['demographics']);
      const downgraded = await store.write(patient, {
        demographics: { value: sample.demographics, asOf: at(0) },
      });
      expect(downgraded.skipped).toEqual(['demographics']);
      const read = await writerV2.read(patient, ['demographics']);
      expect(read.features.demographics).toMatchObject({
        status: 'fresh',
        value: { birthYear: 1957 },
      });
    });

    it('reports corrupt or partial stored values as invalid, without throwing', async () => {
      const fields = (n: string) => viewFields(n);
      await store.write(patient, {
        demographics: { value: sample.demographics, asOf: at(-1) },
        medication_list: { value: sample.medication_list, asOf: at(-1) },
        patient_embedding: { value: sample.patient_embedding, asOf: at(-1) },
        care_gaps: { value: sample.care_gaps, asOf: at(-1) },
        recent_tests: { value: sample.recent_tests, asOf: at(-1) },
      });
      await context.setRawField({
        patientId: patient,
        field: fields('demographics').value,
        value: '{"birthYear":',
      });
      await context.setRawField({
        patientId: patient,
        field: fields('medication_list').value,
        value: '{"activeRxcuis":[7]}',
      });
      await context.setRawField({
        patientId: patient,
        field: fields('patient_embedding').value,
        value: new Uint8Array(12),
      });
      await context.setRawField({
        patientId: patient,
        field: fields('care_gaps').asOf,
        value: 'yesterday',
      });
      await context.setRawField({
        patientId: patient,
        field: fields('recent_tests').version,
        value: 'v1',
      });
      await context.setRawField({
        patientId: patient,
        field: fields('vitals_labs').value,
        value: '{"values":{}}',
      });
      const read = await store.read(patient);
      expect(read.features.demographics).toEqual({ status: 'invalid', problem: 'value_malformed' });
      expect(read.features.medication_list).toEqual({
        status: 'invalid',
        problem: 'value_schema_mismatch',
      });
      expect(read.features.patient_embedding).toEqual({
        status: 'invalid',
        problem: 'value_malformed',
      });
      expect(read.features.care_gaps).toEqual({ status: 'invalid', problem: 'as_of_malformed' });
      expect(read.features.recent_tests).toEqual({
        status: 'invalid',
        problem: 'version_malformed',
      });
      expect(read.features.vitals_labs).toEqual({ status: 'invalid', problem: 'incomplete' });
    });

    it('writes many patients at once and counts what was stored and what was skipped', async () => {
      const patients = Array.from({ length: 250 }, (_, i) => testPatientId(100 + i));
      await store.write(patients[0] as PatientId, {
        demographics: { value: sample.demographics, asOf: at(0) },
      });
      const summary = await store.writeMany(
        patients.map((patientId) => ({
          patientId,
          features: {
            demographics: { value: sample.demographics, asOf: at(-10) },
            medication_list: { value: sample.medication_list, asOf: at(-10) },
          },
        })),
      );
      expect(summary).toEqual({ patients: 250, written: 499, skipped: 1 });
      const last = await store.read(patients[249] as PatientId, ['medication_list']);
      expect(last.features.medication_list).toMatchObject({
        status: 'fresh',
        value: sample.medication_list,
      });
    });

    it('stores pre-encoded batches byte for byte, skipping rows without a value', async () => {
      const encoder = new TextEncoder();
      const ids = [testPatientId(7), testPatientId(8)];
      const summary = await store.writeEncoded({
        rows: 2,
        patientIds: buildEncodedColumn(ids.map((id) => encoder.encode(id))),
        views: [
          {
            view: featureRegistry.get('medication_list'),
            values: buildEncodedColumn([
              encodeFeatureValue(featureRegistry.get('medication_list'), sample.medication_list),
              undefined,
            ]),
            asOfMs: Float64Array.of(at(-3).getTime(), Number.NaN),
          },
        ],
      });
      expect(summary).toEqual({ patients: 2, written: 1, skipped: 0 });
      const read = await store.read(ids[0] as PatientId, ['medication_list']);
      expect(read.features.medication_list).toMatchObject({
        value: sample.medication_list,
        asOf: at(-3),
      });
      const none = await store.read(ids[1] as PatientId, ['medication_list']);
      expect(none.features.medication_list.status).toBe('missing');
    });

    it('rejects invalid input with VALIDATION_FAILED and stores nothing', async () => {
      const attempts: (() => Promise<unknown>)[] = [
        () =>
          store.write(patient, {
            demographics: { value: { birthYear: 1956, sex: 'F' } as never, asOf: at(0) },
          }),
        () =>
          store.write('not-a-pseudonym' as PatientId, {
            demographics: { value: sample.demographics, asOf: at(0) },
          }),
        () =>
          store.write(patient, { demographics: { value: sample.demographics, asOf: at(days(1)) } }),
        () =>
          store.write(patient, {
            demographics: { value: sample.demographics, asOf: new Date(Number.NaN) },
          }),
        () => store.write(patient, { unknown_view: { value: 1, asOf: at(0) } } as never),
      ];
      for (const attempt of attempts) {
        const error: unknown = await attempt().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('VALIDATION_FAILED');
      }
      const read = await store.read(patient);
      expect(Object.values(read.features).every((s) => s.status === 'missing')).toBe(true);
    });

    it('deletes everything stored for a patient', async () => {
      await store.write(patient, { demographics: { value: sample.demographics, asOf: at(0) } });
      expect(await store.delete(patient)).toBe(true);
      expect(await store.delete(patient)).toBe(false);
      const read = await store.read(patient, ['demographics']);
      expect(read.features.demographics.status).toBe('missing');
    });

    it('keeps a materialization watermark per view version', async () => {
      expect(await store.watermarks.get(demographics)).toBeNull();
      await store.watermarks.set(demographics, at(-1));
      expect(await store.watermarks.get(demographics)).toEqual(at(-1));
      expect(await store.watermarks.get(demographicsV2)).toBeNull();
    });
  });
}
