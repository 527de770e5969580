/**
 * The bulk producer: NDJSON lines (compact visits, FHIR visit Bundles, or feedback events) →
 * normalised and submitted through the same intake as the online API. Reports each rejected line
 * with its number and reason (a code and the paths that failed — never the line's content).
 */
import { AppError, toAppError, type ErrorCode, type ErrorDetail } from '@mediassist/shared/errors';
import type { EventIntake, EventNormalizer } from '@mediassist/shared/events';

export type EventKind = 'visit' | 'feedback';

export interface Rejection {
  readonly line: number;
  readonly code: ErrorCode;
  readonly details: readonly ErrorDetail[];
}

export interface EnqueueReport {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** The first `maxRejectionsListed` rejections. */
  readonly rejections: readonly Rejection[];
}

export async function enqueueLines(options: {
  lines: AsyncIterable<string>;
  kind: EventKind;
  normalizer: EventNormalizer;
  intake: EventIntake;
  /** Submissions in flight at once (default 64). */
  concurrency?: number;
  maxRejectionsListed?: number;
  onRejection?: (rejection: Rejection) => void;
}): Promise<EnqueueReport> {
  const { kind, normalizer, intake } = options;
  const concurrency = options.concurrency ?? 64;
  const maxListed = options.maxRejectionsListed ?? 100;
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  const rejections: Rejection[] = [];
  const inFlight = new Set<Promise<void>>();

  const reject = (line: number, thrown: unknown): void => {
    const error = toAppError(thrown);
    const rejection = { line, code: error.code, details: error.details };
    rejected += 1;
    if (rejections.length < maxListed) {
      rejections.push(rejection);
    }
    options.onRejection?.(rejection);
  };

  const submit = async (text: string, line: number): Promise<void> => {
    try {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError('VALIDATION_FAILED', 'Line is not JSON', {
          details: [{ path: '(line)', issue: 'invalid_json' }],
        });
      }
      const event = kind === 'visit' ? normalizer.visit(body) : normalizer.feedback(body);
      const result = await intake.submit(event);
      if (result.duplicate) {
        duplicates += 1;
      } else {
        accepted += 1;
      }
    } catch (thrown) {
      reject(line, thrown);
    }
  };

  let line = 0;
  for await (const text of options.lines) {
    line += 1;
    if (text.trim() === '') {
      continue;
    }
    const task = submit(text, line).finally(() => {
      inFlight.delete(task);
    });
    inFlight.add(task);
    if (inFlight.size >= concurrency) {
      await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  return { accepted, duplicates, rejected, rejections };
}
