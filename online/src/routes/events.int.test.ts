import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { createEventIntake, createNearlineKeys, NEARLINE_QUEUES } from '@mediassist/shared/events';
import { parsePatientId } from '@mediassist/shared/ids';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.js';
import { redisUrl } from '../testing/redis-url.js';

const PATIENT = `pt_${'c'.repeat(32)}`;
const EVENT_ID = '5b6c7d8e-9f00-4a1b-8c2d-3e4f5a6b7c8d';
let context: RedisTestContext;
let queue: Queue;

beforeEach(() => {
  context = createRedisTestContext(redisUrl());
  queue = new Queue(NEARLINE_QUEUES.refresh, {
    connection: context.redis,
    prefix: createNearlineKeys(context.prefix).queuePrefix,
  });
});
afterEach(async () => {
  await queue.close();
  await context.cleanup();
});

const visit = (present: string[]) => ({
  eventId: EVENT_ID,
  patient: { pseudonym: PATIENT },
  encounter: { pseudonym: `en_${'d'.repeat(32)}` },
  occurredAt: '2026-11-22T09:30:00Z',
  findings: { present },
});

describe('POST /api/v1/events/visit with the Redis intake', () => {
  it('queues one refresh for the patient, recognises a re-sent event, and refuses a changed one', async () => {
    const keys = createNearlineKeys(context.prefix);
    const t = await createTestApp({
      overrides: {
        eventIntake: createEventIntake({ redis: context.redis, refreshQueue: queue, keys }),
      },
    });
    const send = (body: unknown) =>
      t.app.request('/api/v1/events/visit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...t.as('clinician') },
        body: JSON.stringify(body),
      });

    const first = await send(visit(['fever']));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ eventId: EVENT_ID, duplicate: false });
    expect(await queue.getJobs(['waiting'])).toEqual([
      expect.objectContaining({ data: { patientId: PATIENT } }),
    ]);
    expect(await context.redis.hkeys(keys.pending(parsePatientId(PATIENT)))).toEqual([EVENT_ID]);
    expect(await context.redis.xlen(keys.lakeStream)).toBe(1);

    const again = await send(visit(['fever']));
    expect(await again.json()).toEqual({ eventId: EVENT_ID, duplicate: true });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

    const changed = await send(visit(['fever', 'dyspnea']));
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({
      error: { code: 'CONFLICT', details: [{ path: 'eventId', issue: 'conflicting_duplicate' }] },
    });
  });
});
