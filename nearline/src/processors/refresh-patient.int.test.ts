import { samplePatientFeatures, testPatientId } from '@mediassist/feature-store/testing';
import { AppError } from '@mediassist/shared/errors';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { UnrecoverableError } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnosis, visitEvent } from '../testing/events.js';
import { createHarness, metricValue, type Harness } from '../testing/harness.js';
import { redisUrl } from '../testing/redis-url.js';

const kb = loadKnowledgeBase();
const P = testPatientId(101);
const OTHER = testPatientId(102);
const FEVER = { present: ['fever'], absent: [] };
let h: Harness;

beforeEach(() => {
  h = createHarness({ redisUrl: redisUrl(), kb });
});
afterEach(async () => {
  await h.close();
});

async function features(patientId = P) {
  const read = await h.store.read(patientId);
  return Object.fromEntries(
    Object.entries(read.features).map(([name, state]) => [
      name,
      state.status === 'fresh' || state.status === 'stale' ? state.value : state.status,
    ]),
  );
}

describe('refresh processor (real Redis)', () => {
  it('applies a visit to that patient only, on top of the materialized features', async () => {
    const sample = samplePatientFeatures();
    const asOf = new Date(Date.now() - 3_600_000);
    await h.store.write(P, {
      demographics: { value: sample.demographics, asOf },
      recent_findings: { value: sample.recent_findings, asOf },
      medication_list: { value: { activeRxcuis: ['11289'] }, asOf },
    });
    const now = new Date();
    await h.intake.submit(
      visitEvent({
        patientId: P,
        occurredAt: now.toISOString(),
        findings: { present: ['dyspnoea'], absent: [] },
        medications: { started: ['5640'], stopped: [] },
        diagnoses: [diagnosis('hypertension', { category: 'problem-list-item' })],
      }),
    );
    const result = await h.processor()(h.job(P));
    expect(result).toMatchObject({ applied: 1, deadLettered: 0, remaining: 0 });
    const after = await features();
    expect(after['recent_findings']).toEqual({
      present: ['cough', 'fever', 'dyspnoea'],
      visits90d: 3,
      lastVisitAt: now.toISOString().slice(0, 10),
    });
    expect(after['medication_list']).toEqual({ activeRxcuis: ['11289', '5640'] });
    expect(after['medication_alerts']).toEqual({
      alerts: [
        { interactionId: 'anticoagulant-nsaid', severity: 'major', rxcuis: ['11289', '5640'] },
      ],
    });
    expect(after['condition_history']).toEqual({
      chronic: ['hypertension'],
      icd10: ['I10'],
      recentAcute: [],
    });
    expect(after['care_gaps']).toMatchObject({
      open: expect.arrayContaining([
        { serviceId: 'colorectal-cancer-screening-50-75', dueSince: null },
      ]) as unknown,
    });
    expect(after['patient_embedding']).toBe('missing');
    expect(await features(OTHER)).toMatchObject({ recent_findings: 'missing' });
    expect(
      await metricValue(h.metrics, 'nearline_derived_views_total', {
        view: 'patient_embedding',
        outcome: 'no_model',
      }),
    ).toBe(1);
    expect(
      await metricValue(h.metrics, 'nearline_event_freshness_seconds', { kind: 'visit' }),
    ).toBeGreaterThan(0);
  });

  it('processes an event accepted twice once, and still recognises it after its job is gone', async () => {
    const event = visitEvent({
      patientId: P,
      occurredAt: new Date().toISOString(),
      findings: FEVER,
    });
    expect(await h.intake.submit(event)).toEqual({ eventId: event.eventId, duplicate: false });
    expect(await h.intake.submit(event)).toEqual({ eventId: event.eventId, duplicate: true });
    await h.processor()(h.job(P));
    await h.refreshQueue.obliterate({ force: true });
    expect(await h.intake.submit(event)).toEqual({ eventId: event.eventId, duplicate: true });
    expect(await h.refreshQueue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
    expect(await h.processor()(h.job(P))).toMatchObject({ applied: 0 });
    expect((await features())['recent_findings']).toMatchObject({ visits90d: 1 });
    await expect(
      h.intake.submit({ ...event, findings: { present: ['cough'], absent: [] } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('coalesces a burst for one patient into one job and one refresh', async () => {
    const base = Date.now() - 60_000;
    for (let i = 0; i < 25; i++) {
      await h.intake.submit(
        visitEvent({
          patientId: P,
          encounter: i + 1,
          occurredAt: new Date(base + i).toISOString(),
          findings: FEVER,
        }),
      );
    }
    expect(await h.refreshQueue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(1);
    expect(await h.processor()(h.job(P))).toMatchObject({ applied: 25 });
    expect((await features())['recent_findings']).toMatchObject({ visits90d: 25 });
    expect(await metricValue(h.metrics, 'nearline_refresh_batch_events')).toBe(1);
  });

  it('re-writes committed features after a crash between commit and write, counting nothing twice', async () => {
    await h.intake.submit(
      visitEvent({ patientId: P, occurredAt: new Date().toISOString(), findings: FEVER }),
    );
    const crashing = {
      read: h.store.read.bind(h.store),
      writeEncoded: () => Promise.reject(new AppError('DEPENDENCY_UNAVAILABLE', 'connection lost')),
    };
    await expect(h.processor({ store: crashing })(h.job(P))).rejects.toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
    });
    expect((await features())['recent_findings']).toBe('missing');
    expect(await h.processor()(h.job(P, { made: 1, of: 3 }))).toMatchObject({ applied: 0 });
    expect((await features())['recent_findings']).toEqual({
      present: ['fever'],
      visits90d: 1,
      lastVisitAt: new Date().toISOString().slice(0, 10),
    });
  });

  it('isolates a poison event on the last attempt: it is dead-lettered, the others applied', async () => {
    const good = visitEvent({
      patientId: P,
      encounter: 1,
      occurredAt: new Date().toISOString(),
      findings: FEVER,
    });
    const poison = visitEvent({
      patientId: P,
      encounter: 2,
      occurredAt: new Date().toISOString(),
      findings: { present: ['haemoptysis'], absent: [] },
    });
    await h.intake.submit(good);
    await h.intake.submit(poison);
    const real = h.deriver();
    const deriver = {
      derive: (input: Parameters<typeof real.derive>[0]) =>
        input.working.recent_findings?.value.present.includes('haemoptysis')
          ? Promise.reject(new Error('engine bug'))
          : real.derive(input),
    };
    const processor = h.processor({ deriver });
    await expect(processor(h.job(P, { made: 0, of: 3 }))).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(await h.deadLetters()).toEqual([]);
    expect(await processor(h.job(P, { made: 2, of: 3 }))).toMatchObject({
      applied: 1,
      deadLettered: 1,
    });
    const [letter] = await h.deadLetters();
    expect(letter).toMatchObject({
      eventId: poison.eventId,
      patientId: P,
      event: poison,
      reason: { code: 'INTERNAL' },
      attempts: 3,
      stage: 'refresh',
    });
    expect(JSON.stringify(letter)).not.toContain('engine bug');
    expect((await features())['recent_findings']).toMatchObject({
      present: ['fever'],
      visits90d: 1,
    });
    expect(await h.context.redis.hlen(h.keys.pending(P))).toBe(0);
  });

  it('dead-letters an unreadable pending entry at once and fails a malformed job without retries', async () => {
    const eventId = '0b8f1f7e-9d1c-4c1a-8f1e-2a7b3c4d5e6f';
    await h.context.redis.hset(h.keys.pending(P), eventId, `${'0'.repeat(64)} {"broken":`);
    expect(await h.processor()(h.job(P))).toMatchObject({ applied: 0, deadLettered: 1 });
    expect(await h.deadLetters()).toEqual([
      expect.objectContaining({
        eventId,
        event: null,
        reason: expect.objectContaining({ code: 'VALIDATION_FAILED' }) as unknown,
      }),
    ]);
    expect(await h.context.redis.hlen(h.keys.pending(P))).toBe(0);
    await expect(
      h.processor()({ data: { patientId: 'MRN-1' }, attemptsMade: 0, opts: { attempts: 5 } }),
    ).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
