/**
 * The refresh processor: for one patient, take the events waiting in the ledger, reconcile with the
 * online store, apply them, recompute the derived views, record the result (state, processed ids,
 * consumed events) in one atomic commit, then write the features in one pipelined call.
 *
 * Crash safety: before the commit nothing has changed; after it, a re-run (stalled job, retry) finds
 * no events and re-writes the committed values (plan-refresh.ts), so nothing is lost or applied twice.
 * Poison: a batch that keeps failing is split on its last attempt (or at once for a non-retryable
 * error); the events that fail alone go to the dead-letter queue and the others are applied.
 */
import type { OnlineStore } from '@mediassist/feature-store/online';
import { AppError, toAppError } from '@mediassist/shared/errors';
import {
  decodePendingEntry,
  RefreshJobDataSchema,
  type CodedEvent,
  type EventEnvelope,
} from '@mediassist/shared/events';
import { EventIdSchema, type PatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import { UnrecoverableError } from 'bullmq';
import { deadLetter, type DeadLetterSink } from '../dead-letter/dead-letter-sink.js';
import type { PatientLedger } from '../ledger/patient-ledger.js';
import type { NearlineMetrics } from '../metrics/nearline-metrics.js';
import { computeRefresh, type ComputedRefresh } from '../refresh/compute-refresh.js';
import { encodedBatch } from '../refresh/encoded-views.js';
import type { FeatureDeriver } from '../refresh/derive-features.js';
import { EMPTY_STATE, parseState, serializeState } from '../refresh/nearline-state.js';
import { INPUT_VIEWS } from '../refresh/nearline-views.js';
import { onlineSnapshot } from '../refresh/online-snapshot.js';

export interface RefreshPatientDeps {
  ledger: PatientLedger;
  store: Pick<OnlineStore, 'read' | 'writeEncoded'>;
  deriver: FeatureDeriver;
  kb: Pick<KnowledgeBase, 'condition'>;
  deadLetters: DeadLetterSink;
  /** Adds a follow-up refresh (events beyond `maxBatch` are left for it). */
  requeue(patientId: PatientId): Promise<void>;
  metrics: NearlineMetrics;
  logger: Logger;
  clock: () => Date;
  /** Most events applied by one refresh (default 500). */
  maxBatch?: number;
}

/** The parts of a BullMQ job the processor reads (tests pass a hand-made object). */
export interface RefreshJob {
  readonly data: unknown;
  readonly attemptsMade: number;
  readonly opts: { readonly attempts?: number | undefined };
}

export interface RefreshResult {
  readonly applied: number;
  readonly deadLettered: number;
  /** Events left for a follow-up refresh. */
  readonly remaining: number;
  /** Views written to the online store, and skipped because it held newer values. */
  readonly written: number;
  readonly skipped: number;
}

interface Staged {
  readonly envelope: EventEnvelope;
  readonly hash: string;
}

/** A payload that can never succeed: BullMQ fails the job at once; the `failed` handler dead-letters it. */
export function unrecoverable(error: AppError): UnrecoverableError {
  return new UnrecoverableError(`${error.code}: ${error.message}`);
}

export function createRefreshPatientProcessor(deps: RefreshPatientDeps) {
  const { ledger, store, deriver, kb, deadLetters, metrics, logger, clock } = deps;
  const maxBatch = deps.maxBatch ?? 500;

  return async function refreshPatient(job: RefreshJob): Promise<RefreshResult> {
    const parsed = RefreshJobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      throw unrecoverable(new AppError('VALIDATION_FAILED', 'Refresh job payload is invalid'));
    }
    const { patientId } = parsed.data;
    const attempts = job.attemptsMade + 1;
    const lastAttempt = attempts >= (job.opts.attempts ?? 1);
    const now = clock();

    // Independent reads, in parallel: the ledger and the online features (reconciled by `as_of`).
    const [snapshot, read] = await Promise.all([
      ledger.load(patientId),
      store.read(patientId, INPUT_VIEWS, { now }),
    ]);
    const staged: Staged[] = [];
    const letters: Promise<void>[] = [];
    const consumed: string[] = [];
    for (const [eventId, raw] of snapshot.pending) {
      const entry = decodePendingEntry(raw);
      if (
        entry.ok &&
        entry.envelope.event.patientId === patientId &&
        entry.envelope.event.eventId === eventId
      ) {
        staged.push({ envelope: entry.envelope, hash: entry.hash });
        continue;
      }
      consumed.push(eventId);
      metrics.deadLettered.inc({ stage: 'refresh', code: 'VALIDATION_FAILED' });
      letters.push(
        deadLetters.add(
          deadLetter({
            event: null,
            eventId: EventIdSchema.safeParse(eventId).success ? eventId : null,
            patientId,
            reason: {
              code: 'VALIDATION_FAILED',
              message: 'Pending event is unreadable or belongs to another patient',
              details: [{ path: 'pending', issue: entry.ok ? 'patient_mismatch' : entry.issue }],
            },
            attempts,
            stage: 'refresh',
            at: now,
          }),
        ),
      );
    }
    staged.sort((a, b) => a.envelope.acceptedAtMs - b.envelope.acceptedAtMs);
    const batch = staged.slice(0, maxBatch);
    const remaining = staged.length - batch.length;

    const state = parseState(snapshot.data);
    if (!state.ok) {
      logger.warn({ patientId }, 'nearline state unreadable; rebuilding from the online store');
    }
    const online = onlineSnapshot(read);
    const compute = (events: readonly Staged[]): Promise<ComputedRefresh> =>
      computeRefresh({
        state: state.ok ? state.state : EMPTY_STATE,
        online,
        events: events.map((s) => s.envelope.event),
        kb,
        deriver,
        now,
      });

    let accepted = batch;
    let computed: ComputedRefresh;
    try {
      computed = await compute(batch);
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.retryable && !lastAttempt) {
        throw error;
      }
      logger.warn(
        { patientId, code: error.code, events: batch.length },
        'isolating failing events',
      );
      const ok: Staged[] = [];
      for (const item of batch) {
        try {
          await compute([...ok, item]);
          ok.push(item);
        } catch (alone) {
          const reason = toAppError(alone);
          consumed.push(item.envelope.event.eventId);
          metrics.deadLettered.inc({ stage: 'refresh', code: reason.code });
          letters.push(
            deadLetters.add(
              deadLetter({
                event: item.envelope.event,
                acceptedAtMs: item.envelope.acceptedAtMs,
                reason,
                attempts,
                stage: 'refresh',
                at: now,
              }),
            ),
          );
        }
      }
      accepted = ok;
      computed = await compute(ok);
    }
    // Dead letters are stored before the commit consumes their events: a crash in between stores
    // them again under the same job id rather than losing them.
    await Promise.all(letters);

    if (accepted.length > 0 || consumed.length > 0 || !state.ok) {
      const rev = await ledger.commit({
        patientId,
        expectedRev: snapshot.rev,
        data: serializeState(computed.state, computed.encoded),
        processed: accepted.map((s) => ({ eventId: s.envelope.event.eventId, hash: s.hash })),
        consumed: [...accepted.map((s) => s.envelope.event.eventId), ...consumed],
      });
      if (rev === null) {
        throw new AppError('INTERNAL', 'Patient state changed during the refresh');
      }
    }

    const outcome =
      computed.writes.length > 0
        ? await store.writeEncoded(
            encodedBatch({ patientId, views: computed.encoded, names: computed.writes }),
          )
        : { written: 0, skipped: 0 };
    const writtenAtMs = clock().getTime();
    for (const { envelope } of accepted) {
      metrics.freshness.observe(
        { kind: envelope.event.kind },
        Math.max(0, writtenAtMs - envelope.acceptedAtMs) / 1000,
      );
      metrics.eventsProcessed.inc({ kind: envelope.event.kind });
      recordUnresolved(metrics, envelope.event);
    }
    metrics.batchSize.observe(accepted.length);
    metrics.featureWrites.inc({ result: 'written' }, outcome.written);
    metrics.featureWrites.inc({ result: 'skipped' }, outcome.skipped);
    for (const [view, result] of computed.derivedOutcomes) {
      metrics.derived.inc({ view, outcome: result });
    }
    if (remaining > 0) {
      await deps.requeue(patientId);
    }
    return {
      applied: accepted.length,
      deadLettered: letters.length,
      remaining,
      written: outcome.written,
      skipped: outcome.skipped,
    };
  };
}

function recordUnresolved(metrics: NearlineMetrics, event: CodedEvent): void {
  if (event.kind === 'visit') {
    for (const code of event.unresolved) {
      metrics.unresolvedCodes.inc({ field: code.field });
    }
  }
}
