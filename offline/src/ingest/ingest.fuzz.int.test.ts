/**
 * Ingest fuzzing (fast-check, seeded, bounded): a real export folder (the fixture export plus a second
 * Observation file of generated lines) runs through the real ingest and DuckDB. Lines are valid, valid
 * with hostile noise in elements ingest never reads (huge strings, deep nesting, unicode, CRLF),
 * valid with a wrong-typed optional element, or bad: truncated JSON, NUL bytes, invalid UTF-8, lone
 * surrogates, byte-order marks, non-objects, unknown or wrong-typed resourceType, wrong-typed required
 * elements. Every run: no crash or hang, each bad line quarantined with its physical line number and
 * its reason, every other line written, and read = written + quarantined.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLakeLayout } from '../lake/lake-layout.js';
import { withTempDir } from '../lake/testing/lake-test-kit.js';
import { FIXTURE_IDS, writeFixtureExport } from './testing/fixture-export.js';
import { ingestForTest } from './testing/ingest-for-test.js';

type Expect =
  | { readonly kind: 'written' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'quarantined'; readonly reason: string };

/** One generated line: its bytes from the id it gets (ids are unique per run), and what must happen. */
interface FuzzLine {
  readonly bytes: (id: string) => Buffer;
  readonly expect: Expect;
  readonly label: string;
}

const FIXTURE_OBSERVATIONS = 13;
const PATIENTS = [FIXTURE_IDS.b, FIXTURE_IDS.c] as const;

function observation(id: string, patient: string): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
    subject: { reference: `Patient/${patient}` },
    effectiveDateTime: '2025-03-04T10:00:00Z',
    valueQuantity: { value: 37.2, unit: 'Cel', system: 'http://unitsofmeasure.org', code: 'Cel' },
  };
}

const text = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
const written: Expect = { kind: 'written' };
const bad = (reason: string): Expect => ({ kind: 'quarantined', reason });

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) {
    value = i % 2 === 0 ? { a: value } : [value];
  }
  return value;
}

const patient = fc.constantFrom(...PATIENTS);
const wrongScalar = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant({ nested: 'object' }),
  fc.constant([1, 'two']),
);

/** Valid resources, some with hostile content in elements the allow-list never reads. */
const validLine: fc.Arbitrary<FuzzLine> = fc.oneof(
  patient.map((p) => ({
    label: 'valid',
    expect: written,
    bytes: (id: string) => text(observation(id, p)),
  })),
  fc.tuple(patient, fc.integer({ min: 10_000, max: 400_000 })).map(([p, size]) => ({
    label: 'huge-unread-string',
    expect: written,
    bytes: (id: string) => text({ ...observation(id, p), note: [{ text: 'x'.repeat(size) }] }),
  })),
  fc.tuple(patient, fc.integer({ min: 50, max: 1_500 })).map(([p, depth]) => ({
    label: 'deep-unread-nesting',
    expect: written,
    bytes: (id: string) => text({ ...observation(id, p), extension: [nested(depth)] }),
  })),
  fc.tuple(patient, fc.string({ unit: 'grapheme', maxLength: 80 })).map(([p, s]) => ({
    label: 'unicode-unread',
    expect: written,
    bytes: (id: string) =>
      text({
        ...observation(id, p),
        code: { coding: [{ system: 'http://loinc.org', code: '8310-5', display: s }], text: s },
      }),
  })),
  patient.map((p) => ({
    label: 'crlf',
    expect: written,
    bytes: (id: string) => Buffer.concat([text(observation(id, p)), Buffer.from('\r')]),
  })),
);

/** Wrong types in optional elements: DuckDB coerces or drops them; the resource is kept. */
const lenientLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(
    patient,
    fc.constantFrom(
      'status',
      'category',
      'encounter',
      'valueBoolean',
      'valueInteger',
      'component',
      'issued',
    ),
    wrongScalar,
  )
  .map(([p, element, value]) => ({
    label: `wrong-type-optional:${element}`,
    expect: written,
    bytes: (id: string) => text({ ...observation(id, p), [element]: value }),
  }));

/** Lines that cannot be used, each with the reason the quarantine must give. */
const badLine: fc.Arbitrary<FuzzLine> = fc.oneof(
  fc.tuple(patient, fc.double({ min: 0, max: 1, noNaN: true })).map(([p, at]) => ({
    label: 'truncated',
    expect: bad('invalid-json'),
    bytes: (id: string) => {
      const full = JSON.stringify(observation(id, p));
      return Buffer.from(full.slice(0, 1 + Math.floor(at * (full.length - 2))), 'utf8');
    },
  })),
  fc.tuple(patient, fc.double({ min: 0, max: 1, noNaN: true })).map(([p, at]) => ({
    label: 'nul-byte',
    expect: bad('invalid-json'),
    bytes: (id: string) => {
      const full = text(observation(id, p));
      const cut = 1 + Math.floor(at * (full.length - 2));
      return Buffer.concat([full.subarray(0, cut), Buffer.from([0]), full.subarray(cut)]);
    },
  })),
  fc
    .tuple(patient, fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88]))
    .map(([p, junk]) => ({
      label: 'invalid-utf8',
      expect: bad('invalid-utf8'),
      bytes: (id: string) => {
        const [head = '', tail = ''] = JSON.stringify(observation(id, p)).split('"final"');
        return Buffer.concat([
          Buffer.from(`${head}"fi`),
          Buffer.from(junk),
          Buffer.from(`nal"${tail}`),
        ]);
      },
    })),
  fc
    .tuple(patient, fc.constantFrom('\\ud800', '\\udbff', '\\udc00', '\\udfff'))
    .map(([p, esc]) => ({
      label: 'lone-surrogate',
      expect: bad('lone-surrogate'),
      bytes: (id: string) =>
        Buffer.from(JSON.stringify(observation(id, p)).replace('"final"', `"fin${esc}al"`)),
    })),
  patient.map((p) => ({
    label: 'bom',
    expect: bad('byte-order-mark'),
    bytes: (id: string) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(observation(id, p))]),
  })),
  fc
    .oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean(), fc.array(fc.integer()))
    .map((value) => ({
      label: 'not-an-object',
      expect: bad('not-an-object'),
      bytes: () => text(value),
    })),
  fc
    .tuple(
      patient,
      fc.constantFrom('Practitioner', 'Patient', 'observation', 'Foo', 5, true, { a: 1 }),
    )
    .map(([p, type]) => ({
      label: 'wrong-resource-type',
      expect: bad('wrong-resource-type'),
      bytes: (id: string) => text({ ...observation(id, p), resourceType: type }),
    })),
  patient.map((p) => ({
    label: 'no-resource-type',
    expect: bad('missing-required:resourceType'),
    bytes: (id: string) => {
      const { resourceType: _dropped, ...rest } = observation(id, p);
      return text(rest);
    },
  })),
  fc.tuple(patient, fc.constantFrom(null, '')).map(([p, value]) => ({
    label: 'no-id',
    expect: bad('missing-required:id'),
    bytes: () => text({ ...observation('unused', p), id: value }),
  })),
  fc
    .tuple(
      patient,
      fc.oneof(wrongScalar, fc.constant('Patient/x'), fc.constant({ reference: 'Group/9' })),
    )
    .map(([p, value]) => ({
      label: 'wrong-type:subject',
      expect: bad('missing-required:subject'),
      bytes: (id: string) => text({ ...observation(id, p), subject: value }),
    })),
  fc
    .tuple(
      patient,
      fc.oneof(
        wrongScalar,
        fc.constant({ coding: { system: 'http://loinc.org', code: '8310-5' } }),
      ),
    )
    .map(([p, value]) => ({
      label: 'wrong-type:code',
      expect: bad('missing-required:code'),
      bytes: (id: string) => text({ ...observation(id, p), code: value }),
    })),
  fc
    .tuple(
      patient,
      fc.constantFrom(true, { start: '2025-01-01' }, [2025], 'yesterday', '2025-02-30'),
    )
    .map(([p, value]) => ({
      label: 'wrong-type:effectiveDateTime',
      expect: bad('unparseable-date:effective[x]'),
      bytes: (id: string) => text({ ...observation(id, p), effectiveDateTime: value }),
    })),
);

const blankLine: fc.Arbitrary<FuzzLine> = fc.constantFrom('', '   ', '\r', '\t ').map((s) => ({
  label: 'blank',
  expect: { kind: 'blank' },
  bytes: () => Buffer.from(s),
}));

const exportLines = fc.array(
  fc.oneof(
    { arbitrary: validLine, weight: 4 },
    { arbitrary: lenientLine, weight: 2 },
    { arbitrary: badLine, weight: 5 },
    { arbitrary: blankLine, weight: 1 },
  ),
  { minLength: 5, maxLength: 40 },
);

interface QuarantineLine {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

describe('ingest fuzzing', () => {
  it(
    'quarantines every bad line with its line number and reason and writes every good one',
    { timeout: 240_000 },
    async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(exportLines, async (generated) => {
          runs += 1;
          await withTempDir(async (dir) => {
            const inputDir = path.join(dir, 'in');
            await writeFixtureExport({ dir: inputDir });
            const file = 'Observation.001.ndjson';
            const body = Buffer.concat(
              generated.flatMap((g, i) => [g.bytes(`fz-${String(i)}`), Buffer.from('\n')]),
            );
            await appendFile(path.join(inputDir, file), body);
            const result = await ingestForTest({
              inputDir,
              lakeDir: path.join(dir, 'lake'),
              maxRejectRatio: 1,
            });
            const expectedBad = generated
              .map((g, i) => ({ ...g, line: i + 1 }))
              .filter((g) => g.expect.kind === 'quarantined');
            const sent = generated.filter((g) => g.expect.kind !== 'blank').length;
            const counts = result.resources['Observation'];
            expect(counts).toMatchObject({
              read: FIXTURE_OBSERVATIONS + sent,
              written: FIXTURE_OBSERVATIONS + sent - expectedBad.length,
              quarantined: expectedBad.length,
            });
            if (counts !== undefined) {
              expect(counts.read).toBe(counts.written + counts.quarantined);
            }
            const layout = createLakeLayout(path.join(dir, 'lake'));
            const entries =
              expectedBad.length === 0
                ? []
                : (await readFile(layout.quarantineFile('Observation'), 'utf8'))
                    .trim()
                    .split('\n')
                    .map((l) => JSON.parse(l) as QuarantineLine);
            expect(entries.map(({ file: f, line, reason }) => ({ file: f, line, reason }))).toEqual(
              expectedBad.map((g) => ({
                file,
                line: g.line,
                reason: g.expect.kind === 'quarantined' ? g.expect.reason : '',
              })),
            );
            // The raw line is kept (restricted area) so a data engineer can repair and re-send it.
            expect(entries.every((e) => e.raw.length > 0)).toBe(true);
          });
        }),
        { seed: 20_260_301, numRuns: 24, endOnFailure: true },
      );
      expect(runs).toBe(24);
    },
  );
});
