import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { crc64Jones } from './crc64-jones.js';
import { buildEncodedColumn } from './encoded-column.js';
import type { EncodedFeatureBatch } from './online-store.js';
import { RestoreCommandEncoder, rdbLength } from './redis-restore-commands.js';
import { batchRows, rowBatch } from './row-batch.js';

const sample = samplePatientFeatures();
const demographics = featureRegistry.get('demographics');
const embedding = featureRegistry.get('patient_embedding');
const utf8 = new TextEncoder();
const demographicsBytes = encodeFeatureValue(demographics, sample.demographics);
const embeddingBytes = encodeFeatureValue(embedding, sample.patient_embedding);

function batch(): EncodedFeatureBatch {
  return {
    rows: 3,
    patientIds: buildEncodedColumn([1, 2, 3].map((n) => utf8.encode(testPatientId(n)))),
    views: [
      {
        view: demographics,
        values: buildEncodedColumn([demographicsBytes, undefined, undefined]),
        asOfMs: Float64Array.of(1_763_000_000_123, Number.NaN, Number.NaN),
      },
      {
        view: embedding,
        values: buildEncodedColumn([embeddingBytes, embeddingBytes, undefined]),
        asOfMs: Float64Array.of(1_763_000_000_124, 7, Number.NaN),
      },
    ],
  };
}

const bulk = (bytes: Uint8Array | string) => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  return Buffer.concat([Buffer.from(`$${String(b.length)}\r\n`), b, Buffer.from('\r\n')]);
};

/** A listpack entry written out by hand for the cases these tests use (see listpack.c). */
function entry(value: Uint8Array | string | bigint): Buffer {
  if (typeof value === 'bigint') {
    if (value < 128n) {
      return Buffer.from([Number(value), 1]); // 7-bit unsigned, backlen 1
    }
    const int = Buffer.alloc(8);
    int.writeBigInt64LE(value);
    return Buffer.concat([Buffer.from([0xf4]), int, Buffer.from([9])]); // 64-bit, backlen 9
  }
  const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value);
  if (bytes.length < 64) {
    return Buffer.concat([
      Buffer.from([0x80 | bytes.length]),
      bytes,
      Buffer.from([1 + bytes.length]),
    ]);
  }
  // 12-bit string length; backlen of 2 + length (< 16383) in two 7-bit groups.
  const size = 2 + bytes.length;
  return Buffer.concat([
    Buffer.from([0xe0 | (bytes.length >> 8), bytes.length & 0xff]),
    bytes,
    Buffer.from([size >> 7, (size & 127) | 128]),
  ]);
}

/** The DUMP payload built by hand: type 16, the listpack as an RDB string, RDB version 10, CRC. */
function payload(pairs: [string, Uint8Array | string | bigint][]): Buffer {
  const entries = Buffer.concat(pairs.flatMap(([field, value]) => [entry(field), entry(value)]));
  const header = Buffer.alloc(6);
  header.writeUInt32LE(6 + entries.length + 1, 0);
  header.writeUInt16LE(2 * pairs.length, 4);
  const listpack = Buffer.concat([header, entries, Buffer.from([0xff])]);
  const body = Buffer.concat([
    Uint8Array.of(16),
    rdbLength(listpack.length),
    listpack,
    Uint8Array.of(10, 0),
  ]);
  const crc = crc64Jones({ bytes: body });
  const footer = Buffer.alloc(8);
  footer.writeUInt32LE(crc.low, 0);
  footer.writeUInt32LE(crc.high, 4);
  return Buffer.concat([body, footer]);
}

describe('rdbLength', () => {
  it('uses 1, 2 or 5 bytes as rdbSaveLen does', () => {
    expect([...rdbLength(63)]).toEqual([63]);
    expect([...rdbLength(64)]).toEqual([0x40, 64]);
    expect([...rdbLength(512)]).toEqual([0x42, 0x00]);
    expect([...rdbLength(16_384)]).toEqual([0x80, 0, 0, 0x40, 0]);
  });
});

describe('RestoreCommandEncoder', () => {
  const commands = new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(batch());

  it('sends one RESTORE per patient row with a value, and none for empty rows', () => {
    expect(commands.map((c) => c.row)).toEqual([0, 1]);
    expect(commands[0]?.key.toString()).toBe(`p:fs:{${testPatientId(1)}}`);
  });

  it('encodes the patient hash as a listpack DUMP payload, views in batch order (bit i is views[i])', () => {
    expect(commands[0]?.views.map((v) => v.view.name)).toEqual([
      'demographics',
      'patient_embedding',
    ]);
    const expected = Buffer.concat([
      Buffer.from('*4\r\n'),
      bulk('RESTORE'),
      bulk(`p:fs:{${testPatientId(1)}}`),
      bulk('0'),
      bulk(
        payload([
          ['demographics:value', demographicsBytes],
          ['demographics:as_of', 1_763_000_000_123n],
          ['demographics:version', 1n],
          ['patient_embedding:value', embeddingBytes],
          ['patient_embedding:as_of', 1_763_000_000_124n],
          ['patient_embedding:version', 1n],
        ]),
      ),
    ]);
    expect(commands[0]?.bytes.toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('sets the GC TTL in milliseconds and encodes only the rows asked for', () => {
    const [command, ...rest] = new RestoreCommandEncoder({
      keyPrefix: 'p:',
      gcTtlSeconds: 86_400,
    }).encode(batch(), { rows: [1] });
    expect(rest).toEqual([]);
    const expected = Buffer.concat([
      Buffer.from('*4\r\n'),
      bulk('RESTORE'),
      bulk(`p:fs:{${testPatientId(2)}}`),
      bulk('86400000'),
      bulk(
        payload([
          ['patient_embedding:value', embeddingBytes],
          ['patient_embedding:as_of', 7n],
          ['patient_embedding:version', 1n],
        ]),
      ),
    ]);
    expect(command?.bytes.toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('encodes a row batch (materialization) to the same bytes as the columnar batch', () => {
    const columnar = new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 60 }).encode(
      batch(),
    );
    const byRow = new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 60 }).encode(
      rowBatch(batchRows(batch())),
    );
    expect(byRow.map((c) => c.bytes.toString('hex'))).toEqual(
      columnar.map((c) => c.bytes.toString('hex')),
    );
    expect(byRow.map((c) => [c.row, c.views.map((v) => v.view.name)])).toEqual(
      columnar.map((c) => [c.row, c.views.map((v) => v.view.name)]),
    );
  });

  it('writes as_of values that change from row to row (64-bit and small integers)', () => {
    const changing = batch();
    const rows = batchRows(changing);
    const asOfs = Float64Array.from(rows.asOfMs, (x, i) => (Number.isNaN(x) ? x : x + 1000 * i));
    const [first, second] = new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(
      rowBatch({ ...rows, asOfMs: asOfs }),
    );
    expect(first?.bytes.includes(entry(1_763_000_000_123n))).toBe(true);
    expect(first?.bytes.includes(entry(1_763_000_001_124n))).toBe(true);
    expect(second?.bytes.includes(Buffer.from([0xc0 | (3007 >>> 8), 3007 & 0xff, 2]))).toBe(true);
  });

  it('refuses batches wider than its per-row view mask (the writer sends those via the script)', () => {
    const wide = { ...batch(), views: Array.from({ length: 31 }, () => batch().views[0]!) };
    expect(() =>
      new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(wide),
    ).toThrow(/At most 30 views/);
  });

  it('refuses a batch whose patient ids are not pseudonyms', () => {
    const bad = {
      ...batch(),
      patientIds: buildEncodedColumn([utf8.encode('MRN-12345'), undefined, undefined]),
    };
    expect(() =>
      new RestoreCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(bad),
    ).toThrow(/Invalid patient id/);
  });
});
