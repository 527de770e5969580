import { describe, expect, it } from 'vitest';
import { createAssistApp, PATIENT } from './assist/testing/assist-fixture.js';
import { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import type { TestApp } from './testing/test-app.js';

const ASSIST = JSON.stringify({
  patient: { pseudonym: PATIENT },
  findings: { present: ['cough', 'fever'], absent: ['chest-pain'] },
  medications: { active: ['simvastatin'], proposed: ['clarithromycin'] },
});

/** The security headers every answer carries, exactly (one line in the snapshots below). */
const SECURITY_HEADERS = [
  "content-security-policy: default-src 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy: same-origin',
  'cross-origin-resource-policy: same-origin',
  'origin-agent-cluster: ?1',
  'referrer-policy: no-referrer',
  'strict-transport-security: max-age=15552000; includeSubDomains',
  'x-content-type-options: nosniff',
  'x-dns-prefetch-control: off',
  'x-download-options: noopen',
  'x-frame-options: SAMEORIGIN',
  'x-permitted-cross-domain-policies: none',
  'x-xss-protection: 0',
];

/**
 * `curl -si` without the body: status and every header, the request id masked; the full set of
 * SECURITY_HEADERS, when every one is there with its exact value, as the one line `<security headers>`.
 */
async function head(t: TestApp, path: string, init: RequestInit = {}): Promise<string[]> {
  const res = await t.app.request(path, init);
  const id = res.headers.get('X-Request-Id');
  const lines: string[] = [];
  res.headers.forEach((value, name) => {
    lines.push(`${name}: ${value === id ? '<id>' : value}`);
  });
  if (SECURITY_HEADERS.every((line) => lines.includes(line))) {
    return [
      String(res.status),
      '<security headers>',
      ...lines.filter((line) => !SECURITY_HEADERS.includes(line)),
    ];
  }
  return [String(res.status), ...lines];
}

function post(t: TestApp, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { ...t.as('clinician'), 'Content-Type': 'application/json', ...headers },
    body: ASSIST,
  };
}

describe('createApp: response headers (status and every header, as before the frame changes)', () => {
  it('answers an assist request with the JSON type, the request id and the security headers', async () => {
    const t = await createAssistApp();
    expect(await head(t, '/api/v1/assist', post(t))).toMatchInlineSnapshot(`
      [
        "200",
        "<security headers>",
        "content-type: application/json",
        "vary: Accept-Encoding",
        "x-request-id: <id>",
      ]
    `);
  });

  it('compresses an assist answer for a client that accepts gzip', async () => {
    const t = await createAssistApp();
    expect(await head(t, '/api/v1/assist', post(t, { 'Accept-Encoding': 'gzip' })))
      .toMatchInlineSnapshot(`
        [
          "200",
          "<security headers>",
          "content-encoding: gzip",
          "content-type: application/json",
          "vary: Accept-Encoding",
          "x-request-id: <id>",
        ]
      `);
  });

  it('adds CORS headers to an assist answer for a browser origin', async () => {
    const t = await createAssistApp();
    expect(await head(t, '/api/v1/assist', post(t, { Origin: 'http://localhost:5173' })))
      .toMatchInlineSnapshot(`
        [
          "200",
          "<security headers>",
          "access-control-allow-origin: http://localhost:5173",
          "access-control-expose-headers: X-Request-Id,Retry-After",
          "content-type: application/json",
          "vary: Accept-Encoding, Origin",
          "x-request-id: <id>",
        ]
      `);
  });

  it('gives an assist answer built from the frame the same headers and body as one built by c.json', async () => {
    const t = await createAssistApp();
    const framed = await t.app.request('/api/v1/assist', post(t, { 'X-Request-Id': 'same' }));
    const usual = await t.app.request(
      '/api/v1/assist',
      post(t, { 'X-Request-Id': 'same', 'Accept-Encoding': 'identity' }),
    );
    expect([...framed.headers]).toEqual([...usual.headers]);
    const untimed = async (res: Response) =>
      (await res.text()).replace(/"serverTimeMs":[\d.]+/, '"serverTimeMs":0');
    expect(await untimed(framed)).toBe(await untimed(usual));
  });

  it('keeps a well-formed incoming request id on an assist answer', async () => {
    const t = await createAssistApp();
    const res = await t.app.request('/api/v1/assist', post(t, { 'X-Request-Id': 'ehr-abc-123' }));
    expect(res.headers.get('X-Request-Id')).toBe('ehr-abc-123');
  });

  it('refuses an assist request without credentials with WWW-Authenticate', async () => {
    const t = await createAssistApp();
    expect(
      await head(t, '/api/v1/assist', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: ASSIST,
      }),
    ).toMatchInlineSnapshot(`
      [
        "401",
        "<security headers>",
        "content-type: application/json",
        "vary: Accept-Encoding",
        "www-authenticate: Bearer realm="mediassist"",
        "x-request-id: <id>",
      ]
    `);
  });

  it('rejects an invalid assist body', async () => {
    const t = await createAssistApp();
    expect(await head(t, '/api/v1/assist', { ...post(t), body: '{"patient":{}}' }))
      .toMatchInlineSnapshot(`
        [
          "400",
          "<security headers>",
          "content-type: application/json",
          "vary: Accept-Encoding",
          "x-request-id: <id>",
        ]
      `);
  });

  it('answers a rate-limited caller with Retry-After', async () => {
    const t = await createAssistApp();
    const limited = await createAssistApp({
      app: {
        overrides: {
          rateLimiter: createMemoryRateLimiter({
            policy: { capacity: 1, refillPerSecond: 0.1 },
            clock: t.clock,
          }),
        },
      },
    });
    await limited.app.request('/api/v1/kb/version', { headers: limited.as('clinician') });
    expect(await head(limited, '/api/v1/kb/version', { headers: limited.as('clinician') }))
      .toMatchInlineSnapshot(`
        [
          "429",
          "<security headers>",
          "content-type: application/json",
          "retry-after: 10",
          "vary: Accept-Encoding",
          "x-request-id: <id>",
        ]
      `);
  });

  it('answers health, KB, unknown routes and the docs page', async () => {
    const t = await createAssistApp();
    expect(await head(t, '/healthz')).toMatchInlineSnapshot(`
      [
        "200",
        "<security headers>",
        "cache-control: no-store",
        "content-type: application/json",
        "vary: Accept-Encoding",
        "x-request-id: <id>",
      ]
    `);
    expect(await head(t, '/api/v1/kb/version', { headers: t.as('clinician') }))
      .toMatchInlineSnapshot(`
        [
          "200",
          "<security headers>",
          "content-type: application/json",
          "vary: Accept-Encoding",
          "x-request-id: <id>",
        ]
      `);
    expect(await head(t, '/api/v1/nope', { headers: t.as('clinician') })).toMatchInlineSnapshot(`
      [
        "404",
        "<security headers>",
        "content-type: application/json",
        "vary: Accept-Encoding",
        "x-request-id: <id>",
      ]
    `);
    expect(await head(t, '/docs')).toMatchInlineSnapshot(`
      [
        "200",
        "content-security-policy: default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        "content-type: text/html; charset=UTF-8",
        "cross-origin-opener-policy: same-origin",
        "cross-origin-resource-policy: same-origin",
        "origin-agent-cluster: ?1",
        "referrer-policy: no-referrer",
        "strict-transport-security: max-age=15552000; includeSubDomains",
        "vary: Accept-Encoding",
        "x-content-type-options: nosniff",
        "x-dns-prefetch-control: off",
        "x-download-options: noopen",
        "x-frame-options: SAMEORIGIN",
        "x-permitted-cross-domain-policies: none",
        "x-request-id: <id>",
        "x-xss-protection: 0",
      ]
    `);
  });
});
