import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { testPatientId } from '@mediassist/feature-store/testing';
import { AppError } from '@mediassist/shared/errors';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueueDeadLetterSink } from '../dead-letter/dead-letter-sink.js';
import { finalDiagnosisEvent, visitEvent } from '../testing/events.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { lakeRowCounts, readLakeTable } from '../testing/lake-reader.js';
import { redisUrl } from '../testing/redis-url.js';
import { createDuckDbLakeFileWriter, type LakeFileWriter } from './duckdb-lake-file-writer.js';
import {
  createLakeEventWriter,
  type LakeEventWriter,
  type LakeEventWriterConfig,
} from './lake-event-writer.js';
import { createRedisLakeStream, LAKE_CONSUMER_GROUP } from './lake-stream.js';

const kb = loadKnowledgeBase();
const P = testPatientId(201);
let h: Harness;
let lakeDir: string;
let blocking: Redis;
let files: LakeFileWriter;
const writers: LakeEventWriter[] = [];

const CONFIG: LakeEventWriterConfig = {
  flushMs: 150,
  maxRows: 5,
  claimIdleMs: 300,
  claimIntervalMs: 100,
};

beforeEach(async () => {
  h = createHarness({ redisUrl: redisUrl(), kb });
  lakeDir = await mkdtemp(path.join(tmpdir(), 'nearline-lake-'));
  blocking = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  files = await createDuckDbLakeFileWriter();
});
afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
  files.close();
  blocking.disconnect();
  await h.close();
  await rm(lakeDir, { recursive: true, force: true });
});

function startWriter(options: {
  consumer: string;
  files?: LakeFileWriter;
  afterRename?: (file: string) => Promise<void>;
}): LakeEventWriter {
  const writer = createLakeEventWriter(
    {
      stream: createRedisLakeStream({
        redis: h.context.redis,
        blocking,
        keys: h.keys,
        consumer: options.consumer,
      }),
      files: options.files ?? files,
      lakeDir,
      deadLetters: createQueueDeadLetterSink({ queue: h.deadQueue }),
      metrics: h.metrics,
      logger: h.logger,
      clock: () => new Date(),
      ...(options.afterRename ? { afterRename: options.afterRename } : {}),
    },
    CONFIG,
  );
  writer.start();
  writers.push(writer);
  return writer;
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(25);
  }
}

const pendingCount = async (): Promise<number> => {
  const summary = (await h.context.redis.call(
    'XPENDING',
    h.keys.lakeStream,
    LAKE_CONSUMER_GROUP,
  )) as [unknown];
  return Number(summary[0]);
};

describe('lake event writer (real Redis, real DuckDB)', () => {
  it('flushes on size and on time, one row per event, even for an event sent twice', async () => {
    startWriter({ consumer: 'a' });
    const events = Array.from({ length: 6 }, (_, i) =>
      visitEvent({
        patientId: P,
        encounter: i + 1,
        occurredAt: new Date(Date.now() - i).toISOString(),
      }),
    );
    for (const event of events.slice(0, 5)) {
      await h.intake.submit(event);
    }
    await until(async () => (await lakeRowCounts(lakeDir, 'events')).size === 5);
    await h.intake.submit(events[5]!);
    await h.intake.submit(events[5]!);
    await h.intake.submit(finalDiagnosisEvent({ patientId: P, conditionId: 'hypertension' }));
    await until(async () => (await lakeRowCounts(lakeDir, 'events')).size === 6);
    await until(async () => (await readLakeTable(lakeDir, 'feedback')).length === 1);
    const counts = await lakeRowCounts(lakeDir, 'events');
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await pendingCount()).toBe(0);
    expect(await h.context.redis.xlen(h.keys.lakeStream)).toBeLessThanOrEqual(1);
    const [row] = await readLakeTable(lakeDir, 'feedback');
    expect(row).toMatchObject({
      action: 'final-diagnosis',
      final_condition_id: 'hypertension',
      patient_id: P,
    });
  });

  it('writes an event re-sent while two writers consume the stream exactly once', async () => {
    startWriter({ consumer: 'a' });
    startWriter({ consumer: 'b' });
    const events = Array.from({ length: 60 }, (_, i) =>
      visitEvent({ patientId: P, encounter: i + 1 }),
    );
    for (const event of events) {
      await Promise.all([h.intake.submit(event), h.intake.submit(event)]);
    }
    await until(
      async () =>
        (await pendingCount()) === 0 && (await lakeRowCounts(lakeDir, 'events')).size === 60,
    );
    await sleep(300);
    expect([...(await lakeRowCounts(lakeDir, 'events')).values()].filter((n) => n !== 1)).toEqual(
      [],
    );
  });

  it('acknowledges, without writing again, after a crash between rename and acknowledgement', async () => {
    let crashed = false;
    const a = startWriter({
      consumer: 'a',
      afterRename: () => {
        if (!crashed) {
          crashed = true;
          return Promise.reject(new AppError('INTERNAL', 'process killed here'));
        }
        return Promise.resolve();
      },
    });
    const events = Array.from({ length: 5 }, (_, i) =>
      visitEvent({ patientId: P, encounter: i + 1 }),
    );
    for (const event of events) {
      await h.intake.submit(event);
    }
    await until(() => Promise.resolve(crashed));
    await a.close();
    writers.splice(writers.indexOf(a), 1);
    expect(await pendingCount()).toBe(5);
    expect(await h.context.redis.hlen(h.keys.lakeIntents)).toBe(1);

    startWriter({ consumer: 'b' });
    await until(async () => (await pendingCount()) === 0);
    const counts = await lakeRowCounts(lakeDir, 'events');
    expect(counts.size).toBe(5);
    expect([...counts.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(await h.context.redis.hlen(h.keys.lakeIntents)).toBe(0);
  });

  it('reserves a file idempotently: a resent reserve (lost reply) gets the same ids, not duplicates', async () => {
    const stream = createRedisLakeStream({
      redis: h.context.redis,
      blocking,
      keys: h.keys,
      consumer: 'resend',
    });
    const events = [
      { eventId: 'evt-resend-1', streamIds: ['1-1'] },
      { eventId: 'evt-resend-2', streamIds: ['1-2'] },
    ];
    const reserve = () => stream.reserve({ file: 'events/part-resend.parquet', nowMs: 1, events });
    const first = await reserve();
    // ioredis resends an unanswered call after a reconnect: the script runs a second time.
    const again = await reserve();
    expect([...again].sort()).toEqual([...first].sort());
    expect([...first].sort()).toEqual(['evt-resend-1', 'evt-resend-2']);
    // Another file with the same events is still refused them (they are reserved).
    const other = await stream.reserve({ file: 'events/part-other.parquet', nowMs: 2, events });
    expect(other.size).toBe(0);
  });

  it('writes the entries of an intent whose file never landed exactly once', async () => {
    const failing: LakeFileWriter = {
      write: () => Promise.reject(new AppError('INTERNAL', 'disk full')),
      close: () => undefined,
    };
    const a = startWriter({ consumer: 'a', files: failing });
    for (let i = 0; i < 5; i++) {
      await h.intake.submit(visitEvent({ patientId: P, encounter: i + 1 }));
    }
    await until(async () => (await h.context.redis.hlen(h.keys.lakeIntents)) === 1);
    await a.close();
    writers.splice(writers.indexOf(a), 1);
    startWriter({ consumer: 'b' });
    await until(
      async () =>
        (await pendingCount()) === 0 && (await lakeRowCounts(lakeDir, 'events')).size === 5,
    );
    expect([...(await lakeRowCounts(lakeDir, 'events')).values()]).toEqual([1, 1, 1, 1, 1]);
    const tmp = (await readdir(lakeDir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
    expect(tmp).toEqual([]);
  });

  it('dead-letters an unreadable stream entry and acknowledges it', async () => {
    startWriter({ consumer: 'a' });
    await h.context.redis.xadd(h.keys.lakeStream, '*', 'e', '{"not":"an envelope"}');
    await until(async () => (await h.deadLetters()).length === 1);
    expect((await h.deadLetters())[0]).toMatchObject({
      stage: 'lake',
      event: null,
      reason: { code: 'VALIDATION_FAILED' },
    });
    await until(async () => (await pendingCount()) === 0);
  });
});
