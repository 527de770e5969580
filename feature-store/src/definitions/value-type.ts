/**
 * How a feature view's value is validated and stored: JSON for structured values, raw little-endian
 * float32 bytes for fixed-size vectors (embeddings), identical offline (Parquet) and online (Redis).
 */
import { z } from 'zod';

export type ValueEncoding =
  { readonly kind: 'json' } | { readonly kind: 'float32'; readonly dimension: number };

export interface ValueType<TValue> {
  readonly encoding: ValueEncoding;
  /** Validates a value at the edge (a writer's input, a value read back from storage). */
  readonly schema: z.ZodType<TValue>;
  /**
   * Optional fast lane for reads: true only for a decoded value `schema` accepts and returns
   * unchanged (for JSON, the codec's own output: valid, keys in the schema's order). False is no
   * verdict: the value goes to `schema`, so reads accept and reject exactly what `schema` does.
   */
  readonly isCanonical?: (decoded: unknown) => boolean;
}

/** A JSON value described by a zod schema (use `z.strictObject` so stray fields never get stored). */
export function jsonValue<TValue>(
  schema: z.ZodType<TValue>,
  options: { isCanonical?: (decoded: unknown) => boolean } = {},
): ValueType<TValue> {
  return options.isCanonical
    ? { encoding: { kind: 'json' }, schema, isCanonical: options.isCanonical }
    : { encoding: { kind: 'json' }, schema };
}

/** A fixed-length float32 vector, stored as `4 × dimension` little-endian bytes. */
export function float32Vector(options: { dimension: number }): ValueType<Float32Array> {
  const { dimension } = options;
  const schema = z
    .instanceof(Float32Array)
    .refine((v) => v.length === dimension, { message: `expected ${String(dimension)} floats` })
    .refine((v) => v.every(Number.isFinite), { message: 'expected finite floats' });
  const isCanonical = (decoded: unknown): boolean => {
    if (!(decoded instanceof Float32Array) || decoded.length !== dimension) {
      return false;
    }
    for (let i = 0; i < dimension; i++) {
      if (!Number.isFinite(decoded[i])) {
        return false;
      }
    }
    return true;
  };
  return { encoding: { kind: 'float32', dimension }, schema, isCanonical };
}
