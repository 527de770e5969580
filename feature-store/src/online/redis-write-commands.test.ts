import { Command } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { encodeFeatureValue } from '../definitions/value-codec.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { buildEncodedColumn } from './encoded-column.js';
import type { EncodedFeatureBatch } from './online-store.js';
import { WriteCommandEncoder } from './redis-write-commands.js';
import { WRITE_FEATURES_LUA, WRITE_FEATURES_SHA1 } from './write-features-script.js';

const sample = samplePatientFeatures();
const demographics = featureRegistry.get('demographics');
const embedding = featureRegistry.get('patient_embedding');
const encoder = new TextEncoder();

function batch(): EncodedFeatureBatch {
  return {
    rows: 3,
    patientIds: buildEncodedColumn([1, 2, 3].map((n) => encoder.encode(testPatientId(n)))),
    views: [
      {
        view: demographics,
        values: buildEncodedColumn([
          encodeFeatureValue(demographics, sample.demographics),
          undefined,
          undefined,
        ]),
        asOfMs: Float64Array.of(1_763_000_000_123, Number.NaN, Number.NaN),
      },
      {
        view: embedding,
        values: buildEncodedColumn([
          encodeFeatureValue(embedding, sample.patient_embedding),
          encodeFeatureValue(embedding, sample.patient_embedding),
          undefined,
        ]),
        asOfMs: Float64Array.of(1_763_000_000_124, 7, Number.NaN),
      },
    ],
  };
}

/** What ioredis itself would send for the same arguments. */
function ioredisBytes(name: string, args: (string | Buffer)[]): Buffer {
  const command = new Command(name, args);
  command.stringifyArguments();
  const writable = command.toWritable({});
  return Buffer.isBuffer(writable) ? writable : Buffer.from(writable);
}

describe('WriteCommandEncoder', () => {
  const commands = new WriteCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(batch());

  it('sends one command per patient row with a value, and none for empty rows', () => {
    expect(commands.map((c) => c.row)).toEqual([0, 1]);
    expect(commands.map((c) => c.views.map((v) => v.view.name))).toEqual([
      ['demographics', 'patient_embedding'],
      ['patient_embedding'],
    ]);
    expect(commands[0]?.key.toString()).toBe(`p:fs:{${testPatientId(1)}}`);
  });

  it('encodes exactly the RESP request ioredis would send for the same EVALSHA', () => {
    const expected = ioredisBytes('EVALSHA', [
      WRITE_FEATURES_SHA1,
      '1',
      `p:fs:{${testPatientId(1)}}`,
      '0',
      'demographics:value',
      Buffer.from(encodeFeatureValue(demographics, sample.demographics)),
      'demographics:as_of',
      '1763000000123',
      'demographics:version',
      '1',
      'patient_embedding:value',
      Buffer.from(encodeFeatureValue(embedding, sample.patient_embedding)),
      'patient_embedding:as_of',
      '1763000000124',
      'patient_embedding:version',
      '1',
    ]);
    expect(commands[0]?.bytes.toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('sends the script itself (EVAL) when asked, with the GC TTL', () => {
    const [command] = new WriteCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 86_400 }).encode(
      batch(),
      {
        useEval: true,
        rows: [1],
      },
    );
    const expected = ioredisBytes('EVAL', [
      WRITE_FEATURES_LUA,
      '1',
      `p:fs:{${testPatientId(2)}}`,
      '86400',
      'patient_embedding:value',
      Buffer.from(encodeFeatureValue(embedding, sample.patient_embedding)),
      'patient_embedding:as_of',
      '7',
      'patient_embedding:version',
      '1',
    ]);
    expect(command?.bytes.toString('latin1')).toBe(expected.toString('latin1'));
  });

  it('refuses a batch whose patient ids are not pseudonyms, before encoding anything', () => {
    const bad = {
      ...batch(),
      patientIds: buildEncodedColumn([encoder.encode('MRN-12345'), undefined, undefined]),
    };
    expect(() => new WriteCommandEncoder({ keyPrefix: 'p:', gcTtlSeconds: 0 }).encode(bad)).toThrow(
      /Invalid patient id/,
    );
  });
});
