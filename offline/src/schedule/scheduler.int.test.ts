import type {} from '@mediassist/tooling/redis-global-setup';
import { offlineQueuePrefix } from '@mediassist/shared/events';
import { createLogger } from '@mediassist/shared/logger';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Queue, Worker } from 'bullmq';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { OFFLINE_QUEUE, type OfflineJobData } from './offline-queue.js';
import { enqueueSlot, startScheduler } from './scheduler.js';

const logger = createLogger({ name: 'test', level: 'silent' });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('scheduler replicas on one Redis', () => {
  let ctx: RedisTestContext;
  let queues: Queue<OfflineJobData>[] = [];
  const newQueue = (): Queue<OfflineJobData> => {
    const queue = new Queue<OfflineJobData>(OFFLINE_QUEUE, {
      connection: ctx.redis,
      prefix: offlineQueuePrefix(ctx.prefix),
    });
    queues.push(queue);
    return queue;
  };

  beforeEach(() => {
    ctx = createRedisTestContext(inject('redisUrl'));
    queues = [];
  });
  afterEach(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await ctx.cleanup();
  });

  it('enqueue each slot once when two schedulers fire for it', async () => {
    const schedules = [
      { name: 'hourly' as const, cron: '* * * * * *', description: 'every second' },
    ];
    const adds = { a: 0, b: 0 };
    const counting = (name: 'a' | 'b') => {
      const queue = newQueue();
      return {
        add: (...args: Parameters<typeof queue.add>) => {
          adds[name] += 1;
          return queue.add(...args);
        },
      };
    };
    const a = startScheduler({ queue: counting('a'), schedules, logger });
    const b = startScheduler({ queue: counting('b'), schedules, logger });
    await sleep(3_500);
    await a.stop();
    await b.stop();
    const jobs = await newQueue().getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const ids = jobs.map((j) => j.id ?? '');
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    // Both replicas fired for every slot; each slot still became one job.
    expect(adds.a).toBeGreaterThanOrEqual(2);
    expect(adds.b).toBeGreaterThanOrEqual(2);
    expect(adds.a + adds.b).toBeGreaterThanOrEqual(jobs.length + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(jobs.map((j) => j.data.slot)).size).toBe(jobs.length);
    for (const id of ids) {
      expect(id).toMatch(/^hourly-\d{8}T\d{6}Z$/);
    }
  });

  it('does not run a slot again once it has completed', async () => {
    const queue = newQueue();
    const at = new Date('2026-11-22T02:00:00.000Z');
    let runs = 0;
    const worker = new Worker<OfflineJobData>(
      OFFLINE_QUEUE,
      () => {
        runs += 1;
        return Promise.resolve({});
      },
      { connection: ctx.redis.duplicate(), prefix: offlineQueuePrefix(ctx.prefix) },
    );
    try {
      const first = await enqueueSlot({ queue, schedule: { name: 'nightly' }, at });
      await expect.poll(() => runs, { timeout: 5_000 }).toBe(1);
      const again = await enqueueSlot({ queue: newQueue(), schedule: { name: 'nightly' }, at });
      await sleep(500);
      expect(again).toBe(first);
      expect(runs).toBe(1);
    } finally {
      await worker.close();
    }
  });
});
