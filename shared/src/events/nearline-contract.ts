/**
 * The contract between producers (the online API, the bulk CLI) and the nearline workers: queue
 * names, job payloads (ids only), the options every refresh job is added with, the pending-event
 * envelope and the dead-letter record. Job payloads never carry names, note text or source ids.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import { EventIdSchema, PatientIdSchema, type PatientId } from '../ids.js';
import { CodedEventSchema, type CodedEvent } from './coded-event.js';

export const NEARLINE_QUEUES = {
  /** One job per patient with events waiting; deduplicated by patient id. */
  refresh: 'patient-refresh',
  /** Events that could not be applied, with the reason; no worker consumes it (operators do). */
  deadLetter: 'dead-letter',
} as const;

export const REFRESH_JOB_NAME = 'refresh';
export const DEAD_LETTER_JOB_NAME = 'dead-letter';

/** A refresh job names the patient only; the events wait in the patient's pending hash. */
export const RefreshJobDataSchema = z.strictObject({ patientId: PatientIdSchema });
export type RefreshJobData = z.infer<typeof RefreshJobDataSchema>;

export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly attempts: number;
  /** First retry delay; doubles each attempt. */
  readonly backoffDelayMs: number;
  /** Share of each delay that is random (0–1), so retries of many patients do not align. */
  readonly jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, backoffDelayMs: 500, jitter: 0.5 };

/** The BullMQ job options of a refresh job (a structural subset of BullMQ's `JobsOptions`). */
export interface RefreshJobOptions {
  readonly deduplication: { readonly id: string; readonly keepLastIfActive: true };
  readonly attempts: number;
  readonly backoff: {
    readonly type: 'exponential';
    readonly delay: number;
    readonly jitter: number;
  };
  readonly removeOnComplete: { readonly count: number; readonly age: number };
  readonly removeOnFail: { readonly count: number; readonly age: number };
}

/**
 * Deduplicated by patient with keep-last-if-active: while a patient's refresh waits, more events
 * join it; while one runs, exactly one follow-up is kept, so an event staged mid-run is never lost.
 */
export function refreshJobOptions(
  patientId: PatientId,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): RefreshJobOptions {
  return {
    deduplication: { id: patientId, keepLastIfActive: true },
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffDelayMs, jitter: retry.jitter },
    removeOnComplete: { count: 1000, age: 3600 },
    removeOnFail: { count: 10_000, age: 7 * 24 * 3600 },
  };
}

/** What waits in a patient's pending hash and in the lake stream: the event and when it was accepted. */
export const EventEnvelopeSchema = z.strictObject({
  acceptedAtMs: z.number().int().nonnegative(),
  event: CodedEventSchema,
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** A pending-hash value: `<content hash> <envelope JSON>` (the hash first, so Lua can compare it). */
export function encodePendingEntry(options: { hash: string; envelope: EventEnvelope }): string {
  return `${options.hash} ${JSON.stringify(options.envelope)}`;
}

export type PendingEntry =
  | { readonly ok: true; readonly hash: string; readonly envelope: EventEnvelope }
  | { readonly ok: false; readonly issue: 'malformed' | 'schema_mismatch' };

export function decodePendingEntry(value: string): PendingEntry {
  const space = value.indexOf(' ');
  if (space !== 64) {
    return { ok: false, issue: 'malformed' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(value.slice(space + 1));
  } catch {
    return { ok: false, issue: 'malformed' };
  }
  const parsed = EventEnvelopeSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, hash: value.slice(0, space), envelope: parsed.data }
    : { ok: false, issue: 'schema_mismatch' };
}

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** A dead letter: the event (ids and codes) when it could be read, and why it was given up on. */
export const DeadLetterSchema = z.strictObject({
  eventId: EventIdSchema.nullable(),
  patientId: PatientIdSchema.nullable(),
  /** Null for a payload that could not be read (it is not kept: it may not be ids and codes only). */
  event: CodedEventSchema.nullable(),
  acceptedAtMs: z.number().int().nonnegative().nullable(),
  reason: z.strictObject({
    code: z.enum(errorCodes),
    message: z.string().max(300),
    details: z.array(z.strictObject({ path: z.string(), issue: z.string() })).max(20),
  }),
  /** Attempts made before giving up (1 for a payload that was never retryable). */
  attempts: z.number().int().min(0),
  /** Which stage gave up. */
  stage: z.enum(['refresh', 'lake']),
  failedAt: z.iso.datetime(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;

export type { CodedEvent };
