/**
 * The one place feature values become bytes and back. The same bytes go to Parquet (offline) and to
 * Redis (online), so materialization copies them without re-encoding.
 */
import { AppError, detailsFromZod } from '@mediassist/shared/errors';
import type { AnyFeatureView, FeatureValueOf } from './feature-view.js';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type DecodeResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly issue: 'malformed' | 'schema_mismatch' };

/** Validates `value` against the view's schema and encodes it. Throws VALIDATION_FAILED (no values in the error). */
export function encodeFeatureValue<TView extends AnyFeatureView>(
  view: TView,
  value: FeatureValueOf<TView>,
): Uint8Array {
  const parsed = view.value.schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `Value does not match feature view ${view.name}`, {
      details: detailsFromZod(parsed.error).map((d) => ({ ...d, path: `${view.name}.${d.path}` })),
    });
  }
  const { encoding } = view.value;
  switch (encoding.kind) {
    case 'json':
      return utf8Encoder.encode(JSON.stringify(parsed.data));
    case 'float32':
      return float32ToBytes(parsed.data as Float32Array);
    default:
      return encoding satisfies never;
  }
}

/** Decodes and validates stored bytes. Never throws: corrupt or foreign bytes are reported, not served. */
export function decodeFeatureValue<TView extends AnyFeatureView>(
  view: TView,
  bytes: Uint8Array,
): DecodeResult<FeatureValueOf<TView>> {
  const { encoding } = view.value;
  let raw: unknown;
  switch (encoding.kind) {
    case 'json':
      try {
        raw = JSON.parse(utf8Decoder.decode(bytes));
      } catch {
        return { ok: false, issue: 'malformed' };
      }
      break;
    case 'float32':
      if (bytes.byteLength !== encoding.dimension * 4) {
        return { ok: false, issue: 'malformed' };
      }
      raw = bytesToFloat32(bytes);
      break;
    default:
      return encoding satisfies never;
  }
  // The codec's own output passes the hand-written check; anything else is zod's to judge.
  if (view.value.isCanonical?.(raw) === true) {
    return { ok: true, value: raw as FeatureValueOf<TView> };
  }
  const parsed = view.value.schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data as FeatureValueOf<TView> }
    : { ok: false, issue: 'schema_mismatch' };
}

function float32ToBytes(vector: Float32Array): Uint8Array {
  if (littleEndianHost) {
    return new Uint8Array(
      vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength),
    );
  }
  const out = new Uint8Array(vector.length * 4);
  const view = new DataView(out.buffer);
  vector.forEach((x, i) => {
    view.setFloat32(i * 4, x, true);
  });
  return out;
}

function bytesToFloat32(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength / 4);
  if (littleEndianHost) {
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) {
    out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}
