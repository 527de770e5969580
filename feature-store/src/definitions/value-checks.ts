/**
 * Hand-written checks for the read path's fast lane (`ValueType.isCanonical`). Each accepts only
 * plain data (JSON.parse output) that its zod counterpart in `value-schemas.ts` accepts and returns
 * unchanged. They never reject on their own: false sends the value to the view's zod schema, which
 * decides. `value-checks.test.ts` and each view's property test hold them to that.
 */
import {
  ICD10_PATTERN,
  ISO_DATE_PATTERN,
  KB_ID_MAX_LENGTH,
  KB_ID_PATTERN,
  RXCUI_PATTERN,
} from './value-schemas.js';

/** A plain object (JSON object), not an array, class instance or null-prototype object. */
export function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * A plain object whose own keys are exactly `keys`, in that order: what a `z.strictObject` with that
 * shape returns (zod rebuilds the object in shape order, so another order is left to zod).
 */
export function hasExactKeys(
  value: unknown,
  keys: readonly string[],
): value is Readonly<Record<string, unknown>> {
  if (!isPlainRecord(value)) {
    return false;
  }
  const own = Reflect.ownKeys(value);
  if (own.length !== keys.length) {
    return false;
  }
  for (let i = 0; i < keys.length; i++) {
    if (own[i] !== keys[i]) {
      return false;
    }
  }
  return true;
}

/** `kbId`. */
export function isKbId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= KB_ID_MAX_LENGTH && KB_ID_PATTERN.test(value);
}

/** `icd10Code`. */
export function isIcd10Code(value: unknown): value is string {
  return typeof value === 'string' && ICD10_PATTERN.test(value);
}

/** `rxcui`. */
export function isRxcui(value: unknown): value is string {
  return typeof value === 'string' && RXCUI_PATTERN.test(value);
}

/** `isoDate`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_PATTERN.test(value);
}

/** `isoDate.nullable()`. */
export function isIsoDateOrNull(value: unknown): value is string | null {
  return value === null || isIsoDate(value);
}

/** `z.number().int().min(min).max(max)` (zod's `int` is a safe integer). */
export function isIntInRange(value: unknown, range: { min: number; max: number }): value is number {
  return (
    Number.isSafeInteger(value) && (value as number) >= range.min && (value as number) <= range.max
  );
}

/** `idList(item, max)`: an array of at most `max` items, each passing `item`, without duplicates. */
export function isIdList(
  value: unknown,
  list: { item: (item: unknown) => boolean; max: number },
): value is readonly string[] {
  if (!Array.isArray(value) || value.length > list.max) {
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    if (!list.item(value[i])) {
      return false;
    }
  }
  return new Set(value).size === value.length;
}
