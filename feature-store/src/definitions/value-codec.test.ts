import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from '@mediassist/shared/errors';
import { days } from './duration.js';
import { patient } from './entity.js';
import { defineFeatureView } from './feature-view.js';
import { decodeFeatureValue, encodeFeatureValue } from './value-codec.js';
import { float32Vector, jsonValue } from './value-type.js';

const jsonView = defineFeatureView({
  name: 'json_view',
  entity: patient,
  version: 1,
  owner: 'team',
  description: 'json',
  maxStalenessMs: days(1),
  value: jsonValue(z.strictObject({ codes: z.array(z.string()), note: z.string().optional() })),
  producers: [],
});

const vectorView = defineFeatureView({
  name: 'vector_view',
  entity: patient,
  version: 1,
  owner: 'team',
  description: 'vector',
  maxStalenessMs: days(1),
  value: float32Vector({ dimension: 3 }),
  producers: [],
});

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('encodeFeatureValue', () => {
  it('encodes a JSON view as compact UTF-8 JSON', () => {
    expect(text(encodeFeatureValue(jsonView, { codes: ['I10', 'É'] }))).toBe(
      '{"codes":["I10","É"]}',
    );
  });

  it('encodes a vector as little-endian float32 bytes', () => {
    const bytes = encodeFeatureValue(vectorView, new Float32Array([1, -2, 0.5]));
    expect([...bytes]).toEqual([0, 0, 128, 63, 0, 0, 0, 192, 0, 0, 0, 63]);
  });

  it('does not alias the caller’s vector memory', () => {
    const vector = new Float32Array([1, 2, 3]);
    const bytes = encodeFeatureValue(vectorView, vector);
    vector[0] = 9;
    expect(decodeFeatureValue(vectorView, bytes)).toEqual({
      ok: true,
      value: new Float32Array([1, 2, 3]),
    });
  });

  it('rejects a value off the schema with VALIDATION_FAILED and keeps the value out of the error', () => {
    const attempt = () =>
      encodeFeatureValue(jsonView, { codes: ['I10'], patientName: 'Jane Doe' } as never);
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      const appError = error as AppError;
      expect(appError.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify([appError.message, appError.details])).not.toContain('Jane');
      expect(appError.details[0]?.path).toBe('json_view.(root)');
    }
  });

  it('rejects a vector of the wrong dimension or with NaN', () => {
    expect(() => encodeFeatureValue(vectorView, new Float32Array(4))).toThrow(AppError);
    expect(() => encodeFeatureValue(vectorView, new Float32Array([1, Number.NaN, 2]))).toThrow(
      AppError,
    );
  });
});

describe('decodeFeatureValue', () => {
  it('round-trips both encodings', () => {
    const value = { codes: ['E11.9'] };
    expect(decodeFeatureValue(jsonView, encodeFeatureValue(jsonView, value))).toEqual({
      ok: true,
      value,
    });
    const vector = new Float32Array([0.25, 3, -1e-3]);
    const decoded = decodeFeatureValue(vectorView, encodeFeatureValue(vectorView, vector));
    expect(decoded).toEqual({ ok: true, value: vector });
  });

  it('decodes a vector from an unaligned slice of a larger buffer', () => {
    const bytes = encodeFeatureValue(vectorView, new Float32Array([1, 2, 3]));
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(decodeFeatureValue(vectorView, padded.subarray(1))).toEqual({
      ok: true,
      value: new Float32Array([1, 2, 3]),
    });
  });

  it('reports bytes that are not JSON, not UTF-8 or the wrong length as malformed', () => {
    expect(decodeFeatureValue(jsonView, new TextEncoder().encode('{"codes":'))).toEqual({
      ok: false,
      issue: 'malformed',
    });
    expect(decodeFeatureValue(jsonView, new Uint8Array([0xff, 0xfe]))).toEqual({
      ok: false,
      issue: 'malformed',
    });
    expect(decodeFeatureValue(vectorView, new Uint8Array(11))).toEqual({
      ok: false,
      issue: 'malformed',
    });
  });

  it('reports JSON that does not match the schema as a schema mismatch', () => {
    expect(decodeFeatureValue(jsonView, new TextEncoder().encode('{"codes":[1]}'))).toEqual({
      ok: false,
      issue: 'schema_mismatch',
    });
  });
});
