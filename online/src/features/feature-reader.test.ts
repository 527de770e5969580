import { featureRegistry, type PatientFeatureView } from '@mediassist/feature-store/definitions';
import { MemoryOnlineStore } from '@mediassist/feature-store/online';
import { testPatientId } from '@mediassist/feature-store/testing';
import { createLogger } from '@mediassist/shared/logger';
import { describe, expect, it } from 'vitest';
import { createFeatureReader, type AssistFeatureStore } from './feature-reader.js';

const PATIENT = testPatientId(1);
const NOW = new Date('2026-11-22T10:00:00Z');
const logger = createLogger({ name: 'test', level: 'silent' });

/** The memory store, made to fail or stall on demand; counts the reads that reach it. */
function switchableStore() {
  const memory = new MemoryOnlineStore<PatientFeatureView>({
    registry: featureRegistry,
    clock: () => NOW,
  });
  const state = { mode: 'up' as 'up' | 'down' | 'slow', reads: 0 };
  const store: AssistFeatureStore = {
    read: (...args) => {
      state.reads++;
      if (state.mode === 'down') {
        return Promise.reject(new Error('connection refused'));
      }
      if (state.mode === 'slow') {
        return new Promise(() => undefined);
      }
      return memory.read(...args);
    },
  };
  return { store, state };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createFeatureReader', () => {
  it('reads the features in one call while the store answers', async () => {
    const { store, state } = switchableStore();
    const reader = createFeatureReader({ store, logger, timeoutMs: 50 });
    expect((await reader.read(PATIENT, NOW)).ok).toBe(true);
    expect(state.reads).toBe(1);
  });

  it('answers timeout for a read past its deadline', async () => {
    const { store, state } = switchableStore();
    state.mode = 'slow';
    const reader = createFeatureReader({ store, logger, timeoutMs: 20 });
    expect(await reader.read(PATIENT, NOW)).toEqual({ ok: false, reason: 'timeout' });
  });

  it('opens after consecutive failures, stops asking the store, and closes after one good trial', async () => {
    const { store, state } = switchableStore();
    const reader = createFeatureReader({
      store,
      logger,
      timeoutMs: 50,
      failuresToBreak: 3,
      halfOpenAfterMs: 400,
    });
    state.mode = 'down';
    const reasons = [];
    for (let i = 0; i < 6; i++) {
      reasons.push(await reader.read(PATIENT, NOW));
    }
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'unreachable',
      'unreachable',
      'unreachable',
      'circuit-open',
      'circuit-open',
      'circuit-open',
    ]);
    expect(state.reads).toBe(3);

    // After halfOpenAfterMs one trial read goes through; it fails, so the breaker opens again.
    await sleep(450);
    expect(await reader.read(PATIENT, NOW)).toEqual({ ok: false, reason: 'unreachable' });
    expect(state.reads).toBe(4);
    expect(await reader.read(PATIENT, NOW)).toEqual({ ok: false, reason: 'circuit-open' });
    expect(state.reads).toBe(4);

    // The store is back: the next trial closes the breaker and reads flow again.
    state.mode = 'up';
    await sleep(450);
    expect((await reader.read(PATIENT, NOW)).ok).toBe(true);
    expect((await reader.read(PATIENT, NOW)).ok).toBe(true);
    expect(state.reads).toBe(6);
  });
});
