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
}

/** A JSON value described by a zod schema (use `z.strictObject` so stray fields never get stored). */
export function jsonValue<TValue>(schema: z.ZodType<TValue>): ValueType<TValue> {
  return { encoding: { kind: 'json' }, schema };
}

/** A fixed-length float32 vector, stored as `4 × dimension` little-endian bytes. */
export function float32Vector(options: { dimension: number }): ValueType<Float32Array> {
  const { dimension } = options;
  const schema = z
    .instanceof(Float32Array)
    .refine((v) => v.length === dimension, { message: `expected ${String(dimension)} floats` })
    .refine((v) => v.every(Number.isFinite), { message: 'expected finite floats' });
  return { encoding: { kind: 'float32', dimension }, schema };
}
