/**
 * Property-based attack on every endpoint (fast-check): malformed, oversized, deeply nested,
 * wrong-typed and unicode-hostile bodies, paths and queries. The service must never answer 5xx,
 * never hang (each request bounded), and every refusal is a stable `ERROR_CODES` code whose status
 * is the one `HTTP_STATUS_BY_CODE` gives it. Runs are seeded per test and bounded in count.
 */
import { ERROR_CODES, type ErrorCode } from '@mediassist/shared/errors';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hookRequest } from './cds-hooks/testing/fhir-fixture.js';
import { HTTP_STATUS_BY_CODE } from './errors/http-status.js';
import { createAttackApp, type AttackApp } from './testing/attack-app.js';

/** Per-request bound: generous for a loaded 2-core CI machine; a hang would blow far past it. */
const REQUEST_DEADLINE_MS = 5_000;
const RUNS = 80;
const PATIENT = `pt_${'d'.repeat(32)}`;

const VALID_BODIES: Record<string, Record<string, unknown>> = {
  '/api/v1/assist': {
    patient: { pseudonym: PATIENT },
    findings: { present: ['cough', 'fever'], absent: ['chest-pain'] },
    age: 40,
    sex: 'female',
    text: 'cough for 3 days, no chest pain',
  },
  '/api/v1/summarize': { text: 'CC: cough. HPI: fever 3 days, denies chest pain.' },
  '/api/v1/events/visit': {
    eventId: '3f2a1b0c-1d2e-4f30-8a4b-5c6d7e8f9a0b',
    patient: { pseudonym: PATIENT },
    encounter: { sourceId: 'enc-1' },
    occurredAt: '2026-11-22T09:30:00Z',
    findings: { present: ['fever'] },
    medications: { started: ['29046'] },
  },
  '/api/v1/events/feedback': {
    eventId: '9e8d7c6b-5a49-4382-9716-a5b4c3d2e1f0',
    patient: { pseudonym: PATIENT },
    encounter: { pseudonym: `en_${'b'.repeat(32)}` },
    occurredAt: '2026-11-22T09:40:00Z',
    modelVersion: null,
    feedback: { action: 'final-diagnosis', conditionId: null, icd10: 'I10' },
  },
  '/api/v1/patients/lookup': { patient: { sourceId: 'MRN-1' } },
};
const CDS_SERVICES = ['mediassist-patient-view', 'mediassist-encounter-start'];

/** Strings that break naive parsers: lone surrogates, NULs, RTL overrides, huge code points. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '\uD800',
    '\uDFFF\uD800',
    '\u0000',
    '\u202Eevil',
    '𝕏'.repeat(500),
    '__proto__',
    'constructor',
    '${jndi:ldap://x}',
    "'; DROP TABLE x;--",
    '../../../../etc/passwd',
    '%00%ff',
  ),
);

/** JSON values nested up to ~50 levels (arrays and objects), or wrong-typed scalars. */
const deep = fc.integer({ min: 10, max: 5_000 }).map((depth) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) {
    value = i % 2 === 0 ? [value] : { a: value };
  }
  return value;
});
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: false }),
  deep,
  hostileString,
);

/** A valid body with one field replaced by something hostile, or a key added, or the whole body. */
function mutatedBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), anyJson).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.tuple(hostileString, anyJson).map(([key, value]) => ({ ...valid, [key]: value })),
    anyJson,
  );
}

/** The raw text sent: JSON of the value, or broken JSON, or an oversized document. */
function rawBody(valid: Record<string, unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedBody(valid).map((v) => safeStringify(v)) },
    { weight: 2, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"text": "' + 'a'.repeat(400_000) + '"}',
        '['.repeat(100_000),
        '{"a":'.repeat(20_000),
        '',
        'null',
        '{"patient": {"pseudonym": "' + PATIENT + '"}, "patient": 1}',
      ),
    },
  );
}

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a client would send). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

function safeStringify(value: unknown): string {
  try {
    // JSON.stringify(undefined) is undefined at run time, whatever its declared type.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'null';
  } catch {
    return '{"unserialisable":true}';
  }
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);

interface Outcome {
  status: number;
  code: string | undefined;
  ms: number;
}

async function send(app: AttackApp, path: string, init: RequestInit): Promise<Outcome> {
  const started = performance.now();
  const res = await app.app.request(path, init);
  const text = await res.text();
  const ms = performance.now() - started;
  let code: string | undefined;
  if (res.status >= 400) {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  }
  return { status: res.status, code, ms };
}

function expectStable(outcome: Outcome): void {
  expect(outcome.status).toBeLessThan(500);
  expect(outcome.ms).toBeLessThan(REQUEST_DEADLINE_MS);
  if (outcome.status >= 400) {
    expect(Object.keys(ERROR_CODES)).toContain(outcome.code);
    expect(HTTP_STATUS_BY_CODE[outcome.code as ErrorCode]).toBe(outcome.status);
  }
}

let t: AttackApp;
beforeAll(async () => {
  t = await createAttackApp();
}, 60_000);

describe('fuzzing the JSON endpoints (clinician key)', () => {
  it.each(Object.keys(VALID_BODIES))(
    'POST %s: never 5xx, never hangs, always a stable 4xx code',
    async (path) => {
      const valid = VALID_BODIES[path] ?? {};
      // The unmutated body is accepted: the fuzz starts from a request the endpoint serves.
      const ok = await send(t, path, {
        method: 'POST',
        headers: { ...t.as('clinician'), 'Content-Type': 'application/json' },
        body: JSON.stringify(valid),
      });
      // (404: the lookup's patient is not stored; still a served request of the right shape.)
      expect(ok.status === 404 || ok.status < 300).toBe(true);
      await fc.assert(
        fc.asyncProperty(rawBody(valid), contentType, async (body, type) => {
          const outcome = await send(t, path, {
            method: 'POST',
            headers: { ...t.as('clinician'), ...(type ? { 'Content-Type': type } : {}) },
            body,
          });
          expectStable(outcome);
        }),
        { numRuns: RUNS, seed: 20_261_122 },
      );
    },
    60_000,
  );
});

describe('fuzzing paths and queries', () => {
  it('GET /api/v1/patients/{id} and /api/v1/kb/search with hostile values', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileString,
        fc.integer({ min: -5, max: 10_000 }),
        async (value, limit) => {
          const id = percentEncode(value) || 'x';
          expectStable(await send(t, `/api/v1/patients/${id}`, { headers: t.as('clinician') }));
          const query = `q=${percentEncode(value)}&limit=${String(limit)}&type=${id}`;
          expectStable(await send(t, `/api/v1/kb/search?${query}`, { headers: t.as('clinician') }));
        },
      ),
      { numRuns: RUNS, seed: 7 },
    );
  }, 60_000);

  it('malformed percent-encodings and traversal in paths are a 4xx', async () => {
    for (const raw of ['%ff', '%E0%A4%A', '%', '..%2F..%2Fetc%2Fpasswd', '%00', 'pt_%ZZ']) {
      for (const path of [`/api/v1/patients/${raw}`, `/api/v1/kb/search?q=${raw}`]) {
        expectStable(await send(t, path, { headers: t.as('clinician') }));
      }
    }
  });

  it('hostile credentials are a 401, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (value) => {
        const header = value.replace(/[^\x20-\x7e]/g, '?');
        for (const headers of [{ 'X-API-Key': header }, { Authorization: `Bearer ${header}` }]) {
          const outcome = await send(t, '/api/v1/kb/version', { headers });
          expectStable(outcome);
          expect(outcome.status).toBe(401);
        }
      }),
      { numRuns: RUNS, seed: 11 },
    );
  }, 60_000);
});

describe('fuzzing CDS Hooks (a valid EHR token per call)', () => {
  it.each(CDS_SERVICES)(
    'POST /cds-services/%s',
    async (id) => {
      const valid = hookRequest({
        hook: id === 'mediassist-patient-view' ? 'patient-view' : 'encounter-start',
        context: id === 'mediassist-patient-view' ? {} : { encounterId: '89284' },
        prefetch: {},
      }) as unknown as Record<string, unknown>;
      await fc.assert(
        fc.asyncProperty(rawBody(valid), async (body) => {
          const token = await t.ehrToken(id);
          expectStable(
            await send(t, `/cds-services/${id}`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
              body,
            }),
          );
        }),
        { numRuns: RUNS, seed: 3 },
      );
    },
    60_000,
  );

  it('POST /cds-services/{id}/feedback', async () => {
    const valid = {
      feedback: [
        {
          card: '3f2a1b0c-1d2e-4f30-8a4b-5c6d7e8f9a0b',
          outcome: 'accepted',
          outcomeTimestamp: '2026-11-22T09:40:00Z',
        },
      ],
    };
    await fc.assert(
      fc.asyncProperty(rawBody(valid), async (body) => {
        const path = 'mediassist-patient-view/feedback';
        const token = await t.ehrToken(path);
        expectStable(
          await send(t, `/cds-services/${path}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body,
          }),
        );
      }),
      { numRuns: RUNS, seed: 5 },
    );
  }, 60_000);
});
