/** Test helpers for the summarize route: an app with an extractor over the test KB, requests, checks. */
import { createTextExtractor } from '@mediassist/shared/text';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createTestKb } from '../../testing/test-kb.js';

export const kb = createTestKb();
export const extractor = createTextExtractor({ kb });
export const PATIENT = `pt_${'a'.repeat(32)}`;
export const ENCOUNTER = `en_${'b'.repeat(32)}`;
/** Identifying words that must never reach a log line, an error body or the audit log. */
export const PHI = /Jane|Doe|Elm Street/;
export const NOTE = [
  'CC: fever',
  'HPI: Jane Doe of 12 Elm Street reports fever and shortness of breath for 2 days. Denies chest pain.',
  'PMH: HTN',
  'Meds: lisinopril 10 mg PO daily',
  'Allergies: penicillin (hives)',
  'Vitals: BP 142/91, HR 96, T 38.6 C',
  'Assessment: possible pneumonia.',
  'Plan: start amoxicillin 500 mg PO TID x 5 days. Follow up in 1 week.',
].join('\n');

export async function summarizeApp(options: { withExtractor?: boolean } = {}): Promise<TestApp> {
  return createTestApp({
    overrides: { kb, ...(options.withExtractor === false ? {} : { textExtractor: extractor }) },
    config: { bodyLimitBytes: 256 * 1024 },
  });
}

export function post(
  t: TestApp,
  body: unknown,
  headers: Record<string, string> = t.as('clinician'),
) {
  return t.app.request('/api/v1/summarize', {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every `{ span, text }` anywhere in `value` that does not quote `input` exactly. */
export function spanViolations(input: string, value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v) => spanViolations(input, v));
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  const record = value as { span?: { start: number; end: number }; text?: unknown };
  const own =
    record.span && typeof record.text === 'string'
      ? input.slice(record.span.start, record.span.end) === record.text
        ? []
        : [`${JSON.stringify(record.span)} ≠ ${record.text}`]
      : [];
  return [...own, ...Object.values(value).flatMap((v) => spanViolations(input, v))];
}

export async function errorOf(res: Response) {
  const text = await res.text();
  const body = JSON.parse(text) as {
    error: { code: string; message: string; details?: { path: string; issue: string }[] };
  };
  return { ...body.error, raw: text };
}
