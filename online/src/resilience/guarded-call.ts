/**
 * `createGuardedCall(options)`: one dependency call on the request path under a deadline, behind a
 * circuit breaker (cockatiel) that stops calling the dependency while it keeps failing. It never
 * throws: the result says why there is no value, and the caller answers without it.
 *
 * The deadline is a timer raced against the call, not cockatiel's `timeout` policy: that policy builds
 * an AbortController per call (a measurable share of an assist request's CPU) to signal a callee that
 * takes no signal here. The late answer of a timed-out call is ignored.
 *
 * The deadline counts the dependency's time, not the service's own queue: when the timer fires, the
 * verdict waits for the event loop's poll phase (`setImmediate`), so an answer that arrived while the
 * loop was busy elsewhere is still read. Otherwise a backlog longer than the deadline would make
 * every call "time out" and open the breaker on a dependency that answered in a millisecond.
 */
import type { Logger } from '@mediassist/shared/logger';
import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, handleAll } from 'cockatiel';
import { safeErrorFields } from '../errors/safe-error.js';

/** `timeout`: no answer in time; `unreachable`: the call failed; `circuit-open`: not called. */
export type GuardedFailure = 'timeout' | 'unreachable' | 'circuit-open';

export type GuardedResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: GuardedFailure };

export interface GuardedCall {
  run<T>(call: () => Promise<T>): Promise<GuardedResult<T>>;
}

export interface GuardedCallOptions {
  logger: Logger;
  /** The log lines when the breaker opens and closes (constants, never request data). */
  messages: { readonly broken: string; readonly reset: string };
  /** Deadline for one call. */
  timeoutMs: number;
  /** Consecutive failures (errors or timeouts) that open the breaker. */
  failuresToBreak: number;
  /** How long the breaker stays open before one trial call. */
  halfOpenAfterMs: number;
}

class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

/**
 * `promise`, or a DeadlineExceeded rejection after `ms` unless an answer already received settles it
 * first; the timer never outlives the race.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      setImmediate(() => {
        reject(new DeadlineExceeded());
      });
    }, ms);
  });
  return Promise.race([promise, deadline]).finally(() => {
    clearTimeout(timer);
  });
}

export function createGuardedCall(options: GuardedCallOptions): GuardedCall {
  const { logger, messages, timeoutMs, failuresToBreak, halfOpenAfterMs } = options;
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(failuresToBreak),
  });
  // While the breaker is open, answer without asking it: cockatiel would build a BrokenCircuitError
  // (a stack trace) per call only for us to catch it. `openUntil` is when it lets one trial call
  // through (halfOpenAfter is a constant backoff).
  let openUntil = 0;
  breaker.onBreak((reason) => {
    openUntil = Date.now() + halfOpenAfterMs;
    const error = 'error' in reason ? safeErrorFields(reason.error) : undefined;
    logger.warn({ error }, messages.broken);
  });
  breaker.onReset(() => {
    openUntil = 0;
    logger.info(messages.reset);
  });

  return {
    async run(call) {
      if (openUntil > Date.now()) {
        return { ok: false, reason: 'circuit-open' };
      }
      try {
        const value = await breaker.execute(() => withDeadline(call(), timeoutMs));
        return { ok: true, value };
      } catch (error) {
        if (error instanceof DeadlineExceeded) {
          return { ok: false, reason: 'timeout' };
        }
        // BrokenCircuitError: open, or half-open with its one trial call still running.
        return {
          ok: false,
          reason: error instanceof BrokenCircuitError ? 'circuit-open' : 'unreachable',
        };
      }
    },
  };
}
