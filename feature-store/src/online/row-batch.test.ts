import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { testPatientId } from '../testing/sample-features.js';
import { buildEncodedColumn } from './encoded-column.js';
import { countBatchValues } from './encoded-batch.js';
import type { EncodedFeatureBatch } from './online-store.js';
import { batchRows, batchViews, rowBatch } from './row-batch.js';

const utf8 = new TextEncoder();
const demographics = featureRegistry.get('demographics');
const careGaps = featureRegistry.get('care_gaps');

function columnar(): EncodedFeatureBatch {
  return {
    rows: 3,
    patientIds: buildEncodedColumn([1, 2, 3].map((n) => utf8.encode(testPatientId(n)))),
    views: [
      {
        view: demographics,
        values: buildEncodedColumn([utf8.encode('{"a":1}'), undefined, utf8.encode('{}')]),
        asOfMs: Float64Array.of(10, Number.NaN, 30),
      },
      {
        view: careGaps,
        values: buildEncodedColumn([undefined, utf8.encode('[]'), new Uint8Array(0)]),
        asOfMs: Float64Array.of(Number.NaN, 20, 31),
      },
    ],
  };
}

describe('row batches', () => {
  it('hold each patient as its id then its present values, with lengths and as_of per view', () => {
    const rows = batchRows(columnar());
    expect(rows.views.map((v) => v.name)).toEqual(['demographics', 'care_gaps']);
    expect(Buffer.from(rows.payloads[0] ?? []).toString()).toBe(`${testPatientId(1)}{"a":1}`);
    expect(Buffer.from(rows.payloads[1] ?? []).toString()).toBe(`${testPatientId(2)}[]`);
    expect([...rows.lengths]).toEqual([7, -1, -1, 2, 2, 0]);
    expect([...rows.asOfMs]).toEqual([10, Number.NaN, Number.NaN, 20, 30, 31]);
    expect([...rows.idLengths]).toEqual([35, 35, 35]);
  });

  it('give back the same columns they were built from, built only when asked for', () => {
    const original = columnar();
    const batch = rowBatch(batchRows(original));
    expect(batch.rows).toBe(3);
    expect(batchViews(batch)).toEqual([demographics, careGaps]);
    expect(countBatchValues(batch)).toBe(countBatchValues(original));
    expect(Buffer.from(batch.patientIds.bytes)).toEqual(Buffer.from(original.patientIds.bytes));
    expect([...batch.patientIds.offsets]).toEqual([...original.patientIds.offsets]);
    batch.views.forEach((column, k) => {
      const expected = original.views[k];
      expect(column.view).toBe(expected?.view);
      expect(Buffer.from(column.values.bytes)).toEqual(Buffer.from(expected?.values.bytes ?? []));
      expect([...column.values.offsets]).toEqual([...(expected?.values.offsets ?? [])]);
      expect([...column.asOfMs]).toEqual([...(expected?.asOfMs ?? [])]);
    });
    expect(batch.views).toBe(batch.views);
  });

  it('are their own rows', () => {
    const rows = batchRows(columnar());
    expect(batchRows(rowBatch(rows))).toBe(rows);
  });
});
