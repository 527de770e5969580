import { createLogger } from '@mediassist/shared/logger';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createGuardedCall } from './guarded-call.js';

const lines: string[] = [];
const logger = createLogger({
  name: 'test',
  level: 'info',
  destination: { write: (line: string) => lines.push(line) },
});
const messages = { broken: 'dependency failing', reset: 'dependency back' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A guarded call with this file's logger and messages; breaks after 3 failures unless told. */
const guardedCall = (options: {
  timeoutMs: number;
  failuresToBreak?: number;
  halfOpenAfterMs?: number;
}) =>
  createGuardedCall({ logger, messages, failuresToBreak: 3, halfOpenAfterMs: 1_000, ...options });

describe('createGuardedCall', () => {
  it('returns the value of a call that answers in time', async () => {
    const guarded = guardedCall({ timeoutMs: 50 });
    expect(await guarded.run(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
  });

  it('answers timeout at the deadline, without waiting for the late answer', async () => {
    const guarded = guardedCall({ timeoutMs: 20 });
    const started = performance.now();
    const result = await guarded.run(() => sleep(500).then(() => 'late'));
    expect(result).toEqual({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('reads an answer that arrived while the event loop was busy past the deadline', async () => {
    // The dependency: another thread that echoes at once, as Redis answers while the service is busy.
    const echo = new Worker(
      "require('node:worker_threads').parentPort.on('message', (m) => { require('node:worker_threads').parentPort.postMessage(m); });",
      { eval: true },
    );
    try {
      await new Promise((resolve) => echo.once('online', resolve));
      const guarded = guardedCall({ timeoutMs: 20 });
      const result = await guarded.run(() => {
        const answer = new Promise<unknown>((resolve) => echo.once('message', resolve));
        echo.postMessage('pong');
        // Other requests' work, queued behind this call: the loop comes back well after the deadline.
        setImmediate(() => {
          const until = performance.now() + 150;
          while (performance.now() < until) {
            // busy
          }
        });
        return answer;
      });
      expect(result).toEqual({ ok: true, value: 'pong' });
    } finally {
      await echo.terminate();
    }
  });

  it('opens after consecutive failures (timeouts count), logs once, then closes after a good trial', async () => {
    lines.length = 0;
    const guarded = guardedCall({ timeoutMs: 20, failuresToBreak: 2, halfOpenAfterMs: 200 });
    let calls = 0;
    let mode: 'down' | 'slow' | 'up' = 'down';
    const call = async () => {
      calls++;
      if (mode === 'down') {
        throw new Error('ECONNREFUSED');
      }
      if (mode === 'slow') {
        await sleep(200);
      }
      return 'value';
    };
    expect(await guarded.run(call)).toEqual({ ok: false, reason: 'unreachable' });
    mode = 'slow';
    expect(await guarded.run(call)).toEqual({ ok: false, reason: 'timeout' });
    expect(await guarded.run(call)).toEqual({ ok: false, reason: 'circuit-open' });
    expect(calls).toBe(2);
    expect(lines.filter((l) => l.includes('dependency failing'))).toHaveLength(1);

    mode = 'up';
    await sleep(250);
    expect(await guarded.run(call)).toEqual({ ok: true, value: 'value' });
    expect(await guarded.run(call)).toEqual({ ok: true, value: 'value' });
    expect(calls).toBe(4);
    expect(lines.filter((l) => l.includes('dependency back'))).toHaveLength(1);
  });
});
