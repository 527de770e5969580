import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { crc64Jones } from './crc64-jones.js';
import { buildEncodedColumn } from './encoded-column.js';
import type { EncodedFeatureBatch } from './online-store.js';
import { RestoreCommandEncoder, rdbLength, rdbString } from './redis-restore-commands.js';

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

/** The DUMP payload built by hand from the RDB format: type, pair count, strings, version, CRC. */
function payload(pairs: [string, Uint8Array | string][]): Buffer {
  const body = Buffer.concat([
    Uint8Array.of(4),
    rdbLength(pairs.length),
    ...pairs.flatMap(([field, value]) => {
      const bytes = typeof value === 'string' ? Buffer.from(value) : value;
      return [rdbString(field), rdbLength(bytes.byteLength), bytes];
    }),
    Uint8Array.of(9, 0),
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

  it('encodes the patient hash as a DUMP payload, vector views first (bit i is views[i])', () => {
    expect(commands[0]?.views.map((v) => v.view.name)).toEqual([
      'patient_embedding',
      'demographics',
    ]);
    const expected = Buffer.concat([
      Buffer.from('*4\r\n'),
      bulk('RESTORE'),
      bulk(`p:fs:{${testPatientId(1)}}`),
      bulk('0'),
      bulk(
        payload([
          ['patient_embedding:value', embeddingBytes],
          ['patient_embedding:as_of', '1763000000124'],
          ['patient_embedding:version', '1'],
          ['demographics:value', demographicsBytes],
          ['demographics:as_of', '1763000000123'],
          ['demographics:version', '1'],
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
          ['patient_embedding:as_of', '7'],
          ['patient_embedding:version', '1'],
        ]),
      ),
    ]);
    expect(command?.bytes.toString('latin1')).toBe(expected.toString('latin1'));
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
