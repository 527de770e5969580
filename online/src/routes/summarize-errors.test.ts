import { MAX_TEXT_CHARS, createTextExtractor } from '@mediassist/shared/text';
import { describe, expect, it } from 'vitest';
import {
  errorOf,
  kb,
  NOTE,
  PATIENT,
  PHI,
  post,
  summarizeApp,
} from '../summarize/testing/summarize-test-kit.js';
import { createTestApp } from '../testing/test-app.js';

describe('POST /api/v1/summarize: errors', () => {
  it.each([
    ['an empty text', { text: '' }, 'json.text'],
    ['a blank text', { text: ' \n\t ' }, 'json.text'],
    ['a number as text', { text: 42 }, 'json.text'],
    ['no text', { format: 'summary' }, 'json.text'],
    ['an unknown format', { text: NOTE, format: 'pdf' }, 'json.format'],
    ['a patient that is not a pseudonym', { text: NOTE, patient: 'Jane Doe' }, 'json.patient'],
    ['an encounter that is not a pseudonym', { text: NOTE, encounter: 'E1' }, 'json.encounter'],
  ])('400 VALIDATION_FAILED for %s, naming the path', async (_, body, path) => {
    const t = await summarizeApp();
    const res = await post(t, body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(path);
    expect(error.raw).not.toMatch(PHI);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('400 VALIDATION_FAILED for malformed JSON, without quoting it', async () => {
    const t = await summarizeApp();
    const res = await post(t, '{"text": "Jane Doe has a fever"');
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.raw).not.toMatch(PHI);
  });

  it('413 PAYLOAD_TOO_LARGE with a stable code for text one character over the limit, never echoing it', async () => {
    const t = await summarizeApp();
    const text = `${NOTE}\n`.padEnd(MAX_TEXT_CHARS + 1, 'x');
    const res = await post(t, { text, patient: PATIENT });
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `Note text exceeds ${String(MAX_TEXT_CHARS)} characters`,
      details: [{ path: 'json.text', issue: 'too_big' }],
    });
    expect(error.raw).not.toMatch(PHI);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('413 for an extractor configured below the schema limit, and for a body over the byte limit', async () => {
    const small = createTextExtractor({ kb, maxTextChars: 100 });
    const t = await createTestApp({
      overrides: { kb, textExtractor: small },
      config: { bodyLimitBytes: 1024 },
    });
    const over = await post(t, { text: NOTE.slice(0, 101) });
    expect(over.status).toBe(413);
    expect(await errorOf(over)).toMatchObject({
      message: 'Note text exceeds 100 characters',
      details: [{ path: 'json.text', issue: 'too_big' }],
    });
    const huge = await post(t, { text: 'x'.repeat(2000) });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('PAYLOAD_TOO_LARGE');
    expect((await post(t, { text: NOTE.slice(0, 100) })).status).toBe(200);
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a plain-text body', async () => {
    const t = await summarizeApp();
    const res = await t.app.request('/api/v1/summarize', {
      method: 'POST',
      headers: { ...t.as('clinician'), 'Content-Type': 'text/plain' },
      body: NOTE,
    });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('401 without credentials and 403 for a data scientist; clinicians and admins may summarize', async () => {
    const t = await summarizeApp();
    expect((await post(t, { text: NOTE }, {})).status).toBe(401);
    const forbidden = await post(t, { text: NOTE }, t.as('data-scientist'));
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe('FORBIDDEN');
    expect((await post(t, { text: NOTE }, t.as('clinician'))).status).toBe(200);
    expect((await post(t, { text: NOTE }, t.as('admin'))).status).toBe(200);
    const token = await t.jwt({ sub: 'dr-who', roles: ['clinician'] });
    expect((await post(t, { text: NOTE }, { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('is not mounted when no extractor is injected', async () => {
    const t = await summarizeApp({ withExtractor: false });
    expect((await post(t, { text: NOTE })).status).toBe(404);
  });
});

describe('POST /api/v1/summarize: privacy and audit', () => {
  it('audits the patient access with ids only, and never logs or stores the text', async () => {
    const t = await summarizeApp();
    const res = await post(t, { text: NOTE, patient: PATIENT });
    expect(res.status).toBe(200);
    expect(t.audit.records).toEqual([
      {
        at: '2026-11-22T10:00:00.000Z',
        caller: 'test-clinician',
        role: 'clinician',
        patient: PATIENT,
        endpoint: 'POST /api/v1/summarize',
        requestId: res.headers.get('X-Request-Id'),
        outcome: 'success',
        status: 200,
      },
    ]);
    expect(t.logs().some((l) => l['route'] === '/api/v1/summarize')).toBe(true);
    expect(t.logText()).not.toMatch(PHI);
    expect(t.logText()).not.toContain('shortness of breath');
    expect(JSON.stringify(t.audit.records)).not.toMatch(PHI);
  });

  it('audits nothing for a note refused at validation (never read), and logs no text', async () => {
    const t = await summarizeApp();
    const text = NOTE.padEnd(MAX_TEXT_CHARS + 5, ' Jane Doe');
    const res = await post(t, { text, patient: PATIENT });
    expect(res.status).toBe(413);
    expect(t.audit.records).toEqual([]);
    expect(t.logText()).not.toMatch(PHI);
  });

  it('writes nothing to the audit log when no patient is named', async () => {
    const t = await summarizeApp();
    expect((await post(t, { text: NOTE })).status).toBe(200);
    expect(t.audit.records).toEqual([]);
  });
});
