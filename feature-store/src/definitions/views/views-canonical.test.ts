/**
 * The read fast lane (`isCanonical`) against the zod schemas it shortcuts: for near-valid and broken
 * values alike, decoding with the fast lane gives exactly the zod-only result (same verdict, same
 * value, same key order), and the codec's own output takes the fast lane.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { samplePatientFeatures } from '../../testing/sample-features.js';
import type { AnyFeatureView } from '../feature-view.js';
import { featureRegistry, type PatientFeatureViewName } from '../registry.js';
import { decodeFeatureValue, encodeFeatureValue } from '../value-codec.js';

const RUNS = 400;
const utf8 = new TextEncoder();

/** The view with its fast lane removed: the reference every read must match. */
function zodOnly(view: AnyFeatureView): AnyFeatureView {
  const { encoding, schema } = view.value;
  return { ...view, value: { encoding, schema } };
}

function sameDecode(view: AnyFeatureView, bytes: Uint8Array): void {
  const fast = decodeFeatureValue(view, bytes);
  const reference = decodeFeatureValue(zodOnly(view), bytes);
  expect(fast).toStrictEqual(reference);
  if (fast.ok && reference.ok && view.value.encoding.kind === 'json') {
    expect(JSON.stringify(fast.value)).toBe(JSON.stringify(reference.value));
  }
}

const validIds = ['a', 'flu-vaccine', 'hba1c', 'type-2-diabetes', '123', 'x'.repeat(80)];
const invalidIds = ['', '-a', 'a-', 'A', 'a_b', 'a--b', '__proto__', 'constructor', 'x'.repeat(81)];
const dates = [
  '2026-01-01',
  '2024-02-29',
  '2026-02-29',
  '2026-13-01',
  '2026-1-01',
  '2026-01-01T00:00:00Z',
];
const icd10 = ['E11.9', 'I10', 'Z00.00', 'E11.6543', 'E119', 'i10', 'E11.12345', 'J18.'];
const rxcuis = ['29046', '1', '12345678', '123456789', '12a', ' 1', ''];

const text = (valid: readonly string[], invalid: readonly string[] = []) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...valid) },
    { weight: 2, arbitrary: fc.constantFrom(...invalidIds, ...invalid) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
const kbId = text(validIds);
const isoDate = text(dates.slice(0, 2), dates.slice(2));
const number = fc.oneof(
  fc.integer({ min: -3, max: 2_200 }),
  fc.constantFrom(-0, 0, 1899, 1900, 2100, 2101, 1000, 1001, 1.5, 2 ** 53, -(2 ** 53)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Mostly `valid`, sometimes any JSON value at all. */
const field = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: anyJson });

/** Lists of ids: short ones (often with duplicates), and ones exactly at or just over the cap. */
function list(item: fc.Arbitrary<unknown>, cap: { max: number; nth: (i: number) => string }) {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(item, { maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(cap.max, cap.max + 1)
        .map((n) => Array.from({ length: n }, (_, i) => cap.nth(i))),
    },
  );
}

/** An object with these fields, as is, with keys reordered, one dropped or one extra added. */
function object(fields: Record<string, fc.Arbitrary<unknown>>) {
  return fc
    .tuple(fc.record(fields), fc.constantFrom('as-is', 'reversed', 'dropped', 'extra'))
    .map(([value, variant]) => {
      const entries = Object.entries(value);
      switch (variant) {
        case 'as-is':
          return value;
        case 'reversed':
          return Object.fromEntries(entries.reverse());
        case 'dropped':
          return Object.fromEntries(entries.slice(1));
        case 'extra':
          return { ...value, name: 'Jane Doe' };
        default:
          return variant satisfies never;
      }
    });
}

const kbIdAt = (i: number) => `id-${String(i)}`;
const values: Partial<Record<PatientFeatureViewName, fc.Arbitrary<unknown>>> = {
  demographics: object({
    birthYear: field(number),
    sex: field(fc.constantFrom('female', 'male', 'other', 'unknown', 'F', '')),
  }),
  condition_history: object({
    chronic: field(list(kbId, { max: 200, nth: kbIdAt })),
    icd10: field(
      list(text(icd10.slice(0, 4), icd10.slice(4)), {
        max: 1000,
        nth: (i) => `A00.${i.toString(36).toUpperCase()}`,
      }),
    ),
    recentAcute: field(list(kbId, { max: 200, nth: kbIdAt })),
  }),
  medication_list: object({
    activeRxcuis: field(
      list(text(rxcuis.slice(0, 3), rxcuis.slice(3)), { max: 200, nth: (i) => String(i) }),
    ),
  }),
  recent_findings: object({
    present: field(list(kbId, { max: 300, nth: kbIdAt })),
    visits90d: field(number),
    lastVisitAt: field(fc.oneof(isoDate, fc.constant(null))),
  }),
  recent_tests: object({
    lastDone: field(
      fc.oneof(
        { weight: 8, arbitrary: fc.dictionary(kbId, isoDate, { maxKeys: 6 }) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(300, 301)
            .map((n) =>
              Object.fromEntries(Array.from({ length: n }, (_, i) => [kbIdAt(i), dates[0]])),
            ),
        },
      ),
    ),
  }),
  care_gaps: object({
    open: field(
      list(
        object({ serviceId: field(kbId), dueSince: field(fc.oneof(isoDate, fc.constant(null))) }),
        {
          max: 100,
          nth: kbIdAt,
        },
      ).map((gaps) =>
        gaps.map((gap) => (typeof gap === 'string' ? { serviceId: gap, dueSince: null } : gap)),
      ),
    ),
  }),
};

describe('isCanonical: the fast lane of a read accepts and returns exactly what zod does', () => {
  const sample = samplePatientFeatures();

  for (const view of featureRegistry.views) {
    const name = view.name;
    if (view.value.isCanonical === undefined) {
      continue;
    }
    it(`${name}: the codec's own output takes the fast lane`, () => {
      const bytes = encodeFeatureValue(view, sample[name] as never);
      const decoded =
        view.value.encoding.kind === 'json'
          ? (JSON.parse(new TextDecoder().decode(bytes)) as unknown)
          : new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      expect(view.value.isCanonical?.(decoded)).toBe(true);
      sameDecode(view, bytes);
    });

    const arbitrary = values[name];
    if (view.value.encoding.kind === 'json') {
      it(`${name}: near-valid and broken stored values decode as with zod alone`, () => {
        expect(arbitrary).toBeDefined();
        fc.assert(
          fc.property(arbitrary ?? anyJson, (value) => {
            sameDecode(view, utf8.encode(JSON.stringify(value)));
          }),
          { numRuns: RUNS },
        );
      });
    }
  }

  it('patient_embedding: vectors with non-finite floats or the wrong size decode as with zod alone', () => {
    const view = featureRegistry.get('patient_embedding');
    fc.assert(
      fc.property(fc.float32Array({ minLength: 31, maxLength: 33 }), (vector) => {
        sameDecode(view, new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
      }),
      { numRuns: RUNS },
    );
  });
});
