/**
 * The semantics every online store shares, as pure functions: how one view's stored fields are
 * judged at read time, and which of two values wins on write (mirrored by the Redis write script).
 */
import { decodeFeatureValue } from '../definitions/value-codec.js';
import type { AnyFeatureView, FeatureValueOf } from '../definitions/feature-view.js';
import { featureAge } from '../definitions/staleness.js';
import type { FeatureState } from './online-store.js';

/** One view's three hash fields as stored; absent fields are undefined. */
export interface StoredViewFields {
  readonly value: Uint8Array | undefined;
  readonly asOf: Uint8Array | string | undefined;
  readonly version: Uint8Array | string | undefined;
}

const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;
const textDecoder = new TextDecoder();
const ZERO = 0x30;
const NINE = 0x39;

/** A decimal of 1 to 16 digits without a leading zero, as DECIMAL sees it; else undefined. */
function parseDecimal(field: Uint8Array | string): number | undefined {
  if (typeof field === 'string') {
    return parseDecimalText(field);
  }
  // The bytes as the text decoder would read them, without decoding: a leading UTF-8 BOM is
  // dropped, then only ASCII digits. 15 digits or fewer are exact as they accumulate; 16 go the
  // long way (Number() rounds above 2^53 once, the sum would round at each step).
  const start = field[0] === 0xef && field[1] === 0xbb && field[2] === 0xbf ? 3 : 0;
  const digits = field.length - start;
  if (digits < 1 || digits > 15 || (digits > 1 && field[start] === ZERO)) {
    return digits === 16 ? parseDecimalText(textDecoder.decode(field)) : undefined;
  }
  let n = 0;
  for (let i = start; i < field.length; i++) {
    const byte = field[i] ?? 0;
    if (byte < ZERO || byte > NINE) {
      return undefined;
    }
    n = n * 10 + (byte - ZERO);
  }
  return n;
}

function parseDecimalText(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** Judges one view at read time. Never throws and never echoes stored bytes. */
export function decodeStoredView<TView extends AnyFeatureView>(options: {
  view: TView;
  stored: StoredViewFields;
  nowMs: number;
}): FeatureState<FeatureValueOf<TView>> {
  const { view, stored, nowMs } = options;
  if (stored.value === undefined && stored.asOf === undefined && stored.version === undefined) {
    return { status: 'missing' };
  }
  if (stored.version === undefined || stored.asOf === undefined || stored.value === undefined) {
    return { status: 'invalid', problem: 'incomplete' };
  }
  const version = parseDecimal(stored.version);
  if (version === undefined || version === 0) {
    return { status: 'invalid', problem: 'version_malformed' };
  }
  const asOfMs = parseDecimal(stored.asOf);
  if (version !== view.version) {
    return {
      status: 'incompatible',
      storedVersion: version,
      expectedVersion: view.version,
      asOf: asOfMs === undefined ? null : new Date(asOfMs),
    };
  }
  if (asOfMs === undefined) {
    return { status: 'invalid', problem: 'as_of_malformed' };
  }
  const decoded = decodeFeatureValue(view, stored.value);
  if (!decoded.ok) {
    return {
      status: 'invalid',
      problem: decoded.issue === 'malformed' ? 'value_malformed' : 'value_schema_mismatch',
    };
  }
  const { ageMs, stale } = featureAge({ view, asOfMs, nowMs });
  const asOf = new Date(asOfMs);
  return stale
    ? {
        status: 'stale',
        value: decoded.value,
        asOf,
        ageMs,
        version,
        maxStalenessMs: view.maxStalenessMs,
      }
    : { status: 'fresh', value: decoded.value, asOf, ageMs, version };
}

export interface VersionedAsOf {
  readonly version: number;
  readonly asOfMs: number;
}

/**
 * Newest wins: a higher version always replaces a lower one; within a version the later `as_of`
 * wins and an equal `as_of` replaces (so re-running a job rewrites the same state, and a correction
 * with the same `as_of` lands). Anything unreadable in the store is replaced.
 */
export function shouldReplace(options: {
  stored: { readonly version: number | undefined; readonly asOfMs: number | undefined };
  incoming: VersionedAsOf;
}): boolean {
  const { stored, incoming } = options;
  if (stored.version === undefined) {
    return true;
  }
  if (stored.version !== incoming.version) {
    return stored.version < incoming.version;
  }
  return stored.asOfMs === undefined || stored.asOfMs <= incoming.asOfMs;
}

/** Parses a stored version or as_of for `shouldReplace`; unreadable values count as absent. */
export function parseStoredNumber(field: Uint8Array | string | undefined): number | undefined {
  return field === undefined ? undefined : parseDecimal(field);
}
