/**
 * The dead-letter queue: events given up on, kept with the reason (a code, a PHI-free message, the
 * paths that failed) for an operator to inspect and redrive. A BullMQ queue no worker consumes; the
 * job id is the event id, so dead-lettering the same event twice keeps one record.
 */
import type { ErrorCode, ErrorDetail } from '@mediassist/shared/errors';
import { DEAD_LETTER_JOB_NAME, type CodedEvent, type DeadLetter } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { randomUUID } from 'node:crypto';

export interface DeadLetterSink {
  add(letter: DeadLetter): Promise<void>;
}

export interface DeadLetterQueuePort {
  add(
    name: string,
    data: DeadLetter,
    opts: { jobId: string; removeOnComplete: boolean; removeOnFail: boolean },
  ): Promise<unknown>;
}

export function createQueueDeadLetterSink(options: { queue: DeadLetterQueuePort }): DeadLetterSink {
  return {
    async add(letter) {
      await options.queue.add(DEAD_LETTER_JOB_NAME, letter, {
        jobId: `ev-${letter.eventId ?? randomUUID()}`,
        removeOnComplete: false,
        removeOnFail: false,
      });
    },
  };
}

/** A dead letter for an event (or an unreadable payload: `event` null, only ids kept). */
export function deadLetter(options: {
  event: CodedEvent | null;
  eventId?: string | null;
  patientId?: PatientId | null;
  acceptedAtMs?: number | null;
  reason: { code: ErrorCode; message: string; details?: readonly ErrorDetail[] };
  attempts: number;
  stage: DeadLetter['stage'];
  at: Date;
}): DeadLetter {
  const { event, reason } = options;
  return {
    eventId: (event?.eventId ?? options.eventId ?? null) as DeadLetter['eventId'],
    patientId: event?.patientId ?? options.patientId ?? null,
    event,
    acceptedAtMs: options.acceptedAtMs ?? null,
    reason: {
      code: reason.code,
      message: reason.message.slice(0, 300),
      details: (reason.details ?? []).slice(0, 20).map((d) => ({ path: d.path, issue: d.issue })),
    },
    attempts: options.attempts,
    stage: options.stage,
    failedAt: options.at.toISOString(),
  };
}
