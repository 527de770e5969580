/**
 * The nearline tier's Redis layout — the ONLY place its keys are built (the intake at the edge and the
 * workers both use it). Per-patient keys carry the patient id as their Redis Cluster hash tag, the same
 * slot as the online store's `fs:{<patientId>}` hash; queue and lake keys carry fixed tags.
 *
 *   <prefix>{nearline}:<queue>:…        BullMQ queues (the `prefix` BullMQ is given)
 *   <prefix>nl:{<patientId>}:pending    hash  eventId → `<content hash> <envelope JSON>`, not yet applied
 *   <prefix>nl:{<patientId>}:done       hash  eventId → `<processed at ms>:<content hash>` (retention TTL)
 *   <prefix>nl:{<patientId>}:state      hash  `rev` (decimal), `data` (JSON): what nearline applied
 *   <prefix>{nearline-lake}:events      stream of accepted events for the lake writer (field `e`)
 *   <prefix>{nearline-lake}:written     zset  eventId → written at ms (lake de-duplication window)
 *   <prefix>{nearline-lake}:intents     hash  file name → JSON intent (files being moved into the lake)
 */
import { AppError } from '../errors.js';
import type { PatientId } from '../ids.js';

export const DEFAULT_NEARLINE_KEY_PREFIX = 'mediassist:';

export interface NearlineKeys {
  readonly prefix: string;
  /** Passed to BullMQ as `prefix` for every nearline queue. */
  readonly queuePrefix: string;
  pending(patientId: PatientId): string;
  done(patientId: PatientId): string;
  state(patientId: PatientId): string;
  /** SCAN pattern matching every patient's pending hash. */
  readonly pendingPattern: string;
  readonly lakeStream: string;
  readonly lakeWritten: string;
  readonly lakeIntents: string;
}

/** Braces in the prefix would replace the hash tags; spaces would break SCAN patterns. */
export function createNearlineKeys(prefix: string = DEFAULT_NEARLINE_KEY_PREFIX): NearlineKeys {
  if (/[{}\s*?[\]\\]/.test(prefix)) {
    throw new AppError(
      'CONFIG_INVALID',
      'Nearline key prefix must not contain braces, spaces or glob characters',
    );
  }
  const patientKey = (patientId: PatientId, suffix: string) =>
    `${prefix}nl:{${patientId}}:${suffix}`;
  const lake = `${prefix}{nearline-lake}`;
  return {
    prefix,
    queuePrefix: `${prefix}{nearline}`,
    pending: (patientId) => patientKey(patientId, 'pending'),
    done: (patientId) => patientKey(patientId, 'done'),
    state: (patientId) => patientKey(patientId, 'state'),
    pendingPattern: `${prefix}nl:{pt_*}:pending`,
    lakeStream: `${lake}:events`,
    lakeWritten: `${lake}:written`,
    lakeIntents: `${lake}:intents`,
  };
}

/** The patient id inside a pending key found by SCAN, or undefined for a foreign key. */
export function patientIdOfPendingKey(keys: NearlineKeys, key: string): PatientId | undefined {
  const head = `${keys.prefix}nl:{`;
  if (!key.startsWith(head) || !key.endsWith('}:pending')) {
    return undefined;
  }
  const id = key.slice(head.length, -'}:pending'.length);
  return /^pt_[0-9a-f]{32}$/.test(id) ? (id as PatientId) : undefined;
}
