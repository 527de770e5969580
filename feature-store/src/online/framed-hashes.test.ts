import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { buildEncodedColumn } from './encoded-column.js';
import {
  batchViews,
  countBatchValues,
  createFramedBatch,
  decodeFramedHashes,
  framedFieldOrder,
} from './framed-hashes.js';
import type { EncodedFeatureBatch, FramedHashes } from './online-store.js';
import { RestoreCommandEncoder } from './redis-restore-commands.js';

const sample = samplePatientFeatures();
const demographics = featureRegistry.get('demographics');
const embedding = featureRegistry.get('patient_embedding');
const medications = featureRegistry.get('medication_list');
const utf8 = new TextEncoder();
const ids = buildEncodedColumn([1, 2, 3].map((n) => utf8.encode(testPatientId(n))));

/** Columns in field order (vector first), as the offline store's framed read orders them. */
function columns(): EncodedFeatureBatch {
  return {
    rows: 3,
    patientIds: ids,
    views: [
      {
        view: embedding,
        values: buildEncodedColumn([
          encodeFeatureValue(embedding, sample.patient_embedding),
          undefined,
          encodeFeatureValue(embedding, sample.patient_embedding),
        ]),
        asOfMs: Float64Array.of(1_763_000_000_124, Number.NaN, 5),
      },
      {
        view: demographics,
        values: buildEncodedColumn([
          encodeFeatureValue(demographics, sample.demographics),
          encodeFeatureValue(demographics, sample.demographics),
          undefined,
        ]),
        asOfMs: Float64Array.of(1_763_000_000_123, 1_700_000_000_000, Number.NaN),
      },
      {
        view: medications,
        values: buildEncodedColumn([
          undefined,
          encodeFeatureValue(medications, { activeRxcuis: ['29046', '617314'] }),
          undefined,
        ]),
        asOfMs: Float64Array.of(Number.NaN, 1_700_000_000_001, Number.NaN),
      },
    ],
  };
}

/** Payloads as the SQL frames them: the RESTORE encoder's, minus the bulk header, CRC and CRLF. */
function framedFrom(batch: EncodedFeatureBatch): FramedHashes {
  const commands = new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(batch);
  const payloads: Uint8Array[] = Array.from({ length: batch.rows }, () => new Uint8Array(0));
  const viewMasks = new Int32Array(batch.rows);
  const views = batch.views.map((c) => c.view);
  for (const command of commands) {
    const bulk = command.payloadBulk;
    const start = bulk.indexOf('\r\n') + 2;
    payloads[command.row] = bulk.subarray(start, bulk.byteLength - 2 - 8);
    for (const { view } of command.views) {
      viewMasks[command.row] = (viewMasks[command.row] ?? 0) | (1 << views.indexOf(view));
    }
  }
  return { views, payloads, viewMasks };
}

describe('framed hashes', () => {
  it('orders vector views first, the rest as given', () => {
    expect(
      framedFieldOrder([demographics, embedding, medications], (v) => v.value.encoding).map(
        (v) => v.name,
      ),
    ).toEqual(['patient_embedding', 'demographics', 'medication_list']);
  });

  it('decode back into the columns they were framed from', () => {
    const framed = framedFrom(columns());
    const decoded = decodeFramedHashes(framed);
    const expected = columns().views;
    expect(decoded.map((c) => c.view.name)).toEqual(expected.map((c) => c.view.name));
    decoded.forEach((column, k) => {
      expect([...column.asOfMs]).toEqual([...(expected[k]?.asOfMs ?? [])]);
      expect(Buffer.from(column.values.bytes)).toEqual(
        Buffer.from(expected[k]?.values.bytes ?? []),
      );
      expect([...column.values.offsets]).toEqual([...(expected[k]?.values.offsets ?? [])]);
    });
  });

  it('give the RESTORE encoder the same commands as the columns, adding only key and CRC', () => {
    const framedBatch = createFramedBatch({ patientIds: ids, framed: framedFrom(columns()) });
    const encoder = () => new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 60 });
    const fromColumns = encoder().encode(columns());
    const fromFrames = encoder().encode(framedBatch);
    expect(fromFrames.map((c) => c.bytes.toString('latin1'))).toEqual(
      fromColumns.map((c) => c.bytes.toString('latin1')),
    );
    expect(fromFrames.map((c) => c.views.map((v) => v.view.name))).toEqual(
      fromColumns.map((c) => c.views.map((v) => v.view.name)),
    );
    expect(
      encoder()
        .encode(framedBatch, { rows: [2] })
        .map((c) => c.row),
    ).toEqual([2]);
  });

  it('count values and name views without decoding', () => {
    const framed = framedFrom(columns());
    const batch = createFramedBatch({ patientIds: ids, framed });
    expect(countBatchValues(batch)).toBe(5);
    expect(countBatchValues(columns())).toBe(5);
    expect(batchViews(batch)).toBe(framed.views);
  });

  it('refuse a payload that does not match its mask or views', () => {
    const framed = framedFrom(columns());
    const wrongMask = { ...framed, viewMasks: Int32Array.of(1, 6, 4) };
    expect(() => decodeFramedHashes(wrongMask)).toThrow(/Malformed framed hash in row 0/);
    const truncated = { ...framed, payloads: framed.payloads.map((p) => p.subarray(0, 40)) };
    expect(() => decodeFramedHashes(truncated)).toThrow(/Malformed framed hash/);
  });
});
