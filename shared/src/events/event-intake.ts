/**
 * Accepting a coded event: stage it in the patient's pending hash (once per event id), append it to
 * the lake stream, and make sure a refresh job for the patient exists. Used by the online API and the
 * bulk CLI through narrow ports (an ioredis client, a BullMQ queue), so this package stays driver-free.
 *
 * An event is acknowledged only after all three succeeded; on a failure the producer retries with the
 * same event id, which is safe: staging is idempotent, the lake writer de-duplicates by event id, and
 * refresh jobs are deduplicated by patient.
 */
import { AppError } from '../errors.js';
import type { EventId } from '../ids.js';
import { eventContentHash, type CodedEvent } from './coded-event.js';
import {
  DEFAULT_RETRY_POLICY,
  encodePendingEntry,
  REFRESH_JOB_NAME,
  refreshJobOptions,
  type RefreshJobData,
  type RefreshJobOptions,
  type RetryPolicy,
} from './nearline-contract.js';
import { createNearlineKeys, type NearlineKeys } from './nearline-keys.js';
import { runLuaScript, type RedisCaller } from './redis-script.js';
import { STAGE_EVENT_SCRIPT, STAGE_OUTCOMES } from './stage-event-script.js';

/** The refresh queue as the intake uses it; a BullMQ `Queue` fits. */
export interface RefreshQueuePort {
  add(name: string, data: RefreshJobData, opts: RefreshJobOptions): Promise<unknown>;
}

export interface EventIntakeOptions {
  redis: RedisCaller;
  refreshQueue: RefreshQueuePort;
  keys?: NearlineKeys;
  retry?: RetryPolicy;
  clock?: () => Date;
}

export interface SubmitResult {
  readonly eventId: EventId;
  /** True when the event id was already accepted with the same content. */
  readonly duplicate: boolean;
}

export interface EventIntake {
  /** Throws CONFLICT for a known id with other content, DEPENDENCY_UNAVAILABLE when Redis fails. */
  submit(event: CodedEvent): Promise<SubmitResult>;
}

export function createEventIntake(options: EventIntakeOptions): EventIntake {
  const { redis, refreshQueue } = options;
  const keys = options.keys ?? createNearlineKeys();
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const clock = options.clock ?? (() => new Date());

  return {
    async submit(event) {
      const hash = eventContentHash(event);
      const envelope = { acceptedAtMs: clock().getTime(), event };
      const outcome = await dependency(() =>
        runLuaScript(redis, STAGE_EVENT_SCRIPT, {
          keys: [keys.pending(event.patientId), keys.done(event.patientId)],
          argv: [event.eventId, hash, encodePendingEntry({ hash, envelope })],
        }),
      );
      switch (Number(outcome)) {
        case STAGE_OUTCOMES.conflict:
          throw new AppError('CONFLICT', 'This event id was already accepted with other content', {
            details: [{ path: 'eventId', issue: 'conflicting_duplicate' }],
          });
        case STAGE_OUTCOMES.alreadyProcessed:
          return { eventId: event.eventId, duplicate: true };
        case STAGE_OUTCOMES.staged:
        case STAGE_OUTCOMES.alreadyPending:
          break;
        default:
          throw new AppError('INTERNAL', 'Unexpected answer from the staging script');
      }
      // Independent of each other once staged: the lake entry and the patient's refresh job.
      await Promise.all([
        dependency(() => redis.call('XADD', keys.lakeStream, '*', 'e', JSON.stringify(envelope))),
        dependency(() =>
          refreshQueue.add(
            REFRESH_JOB_NAME,
            { patientId: event.patientId },
            refreshJobOptions(event.patientId, retry),
          ),
        ),
      ]);
      return {
        eventId: event.eventId,
        duplicate: Number(outcome) === STAGE_OUTCOMES.alreadyPending,
      };
    },
  };
}

async function dependency<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'Event queue unavailable', { cause: error });
  }
}
