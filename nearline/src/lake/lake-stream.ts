/**
 * The lake stream in Redis as the lake writer uses it: a consumer group over the accepted-events
 * stream, a window of event ids already written (de-duplication), and intents — files being moved
 * into the lake, recorded before the write so a crash between rename and acknowledgement is repaired
 * (acknowledged, not written again) by whoever finds the intent.
 */
import { z } from 'zod';
import { runLuaScript, type NearlineKeys, type RedisCaller } from '@mediassist/shared/events';
import {
  COMMIT_LAKE_FILE_SCRIPT,
  RESERVE_LAKE_FILE_SCRIPT,
  TRIM_LAKE_STREAM_SCRIPT,
  UNDO_LAKE_FILE_SCRIPT,
} from './lake-stream-scripts.js';

export interface StreamEntry {
  readonly id: string;
  /** The `e` field (envelope JSON), or null for an entry without one (or already trimmed). */
  readonly payload: string | null;
}

export const LakeIntentSchema = z.strictObject({
  consumer: z.string(),
  createdAtMs: z.number().int(),
  streamIds: z.array(z.string()),
  eventIds: z.array(z.string()),
});
export type LakeIntent = z.infer<typeof LakeIntentSchema>;

export interface LakeStream {
  ensureGroup(): Promise<void>;
  /** New entries for this consumer, waiting up to `blockMs` (on the blocking connection). */
  readNew(options: { count: number; blockMs: number }): Promise<StreamEntry[]>;
  /** Entries delivered to this consumer earlier and not acknowledged (after a restart). */
  readOwnPending(count: number): Promise<StreamEntry[]>;
  /** Takes over entries idle for `minIdleMs` in any consumer's pending list. */
  claimIdle(options: { minIdleMs: number; count: number }): Promise<StreamEntry[]>;
  /**
   * Reserves the events of a file about to be written and records its intent, atomically; returns
   * the reserved ids (an id already written or reserved by anyone is left out: a duplicate).
   */
  reserve(options: {
    file: string;
    nowMs: number;
    events: readonly { eventId: string; streamIds: readonly string[] }[];
  }): Promise<Set<string>>;
  intents(): Promise<Map<string, LakeIntent | null>>;
  /** A file that never landed: releases its reserved ids and forgets its intent. */
  undo(file: string, eventIds: readonly string[]): Promise<void>;
  /** Acknowledges entries and forgets the intent (and marks ids written), atomically. */
  commit(options: {
    file: string | null;
    eventIds: readonly string[];
    streamIds: readonly string[];
    nowMs: number;
  }): Promise<void>;
  trim(): Promise<number>;
  /**
   * Acknowledges and deletes unreadable entries at once: their content is not kept anywhere (it may
   * be more than ids and codes), so it must not wait in the stream for the next trim.
   */
  discard(streamIds: readonly string[]): Promise<void>;
}

export const LAKE_CONSUMER_GROUP = 'lake-writer';

type RawEntry = [string, string[] | null];

function parseIntent(text: string): LakeIntent | null {
  try {
    return LakeIntentSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/**
 * XREADGROUP's reply for one stream: `[[key, entries]]` over RESP2, `[key, entries]` over RESP3
 * (a map, flattened by ioredis's default reply mapping).
 */
function streamEntries(reply: readonly unknown[]): RawEntry[] {
  const first = reply[0];
  const pair = typeof first === 'string' ? reply : first;
  return Array.isArray(pair) ? ((pair[1] as RawEntry[] | undefined) ?? []) : [];
}

function entries(raw: readonly RawEntry[]): StreamEntry[] {
  return raw.map(([id, fields]) => {
    const at = fields ? fields.indexOf('e') : -1;
    return { id, payload: fields && at >= 0 && at % 2 === 0 ? (fields[at + 1] ?? null) : null };
  });
}

export function createRedisLakeStream(options: {
  redis: RedisCaller;
  /** A connection used only for blocking reads. */
  blocking: RedisCaller;
  keys: NearlineKeys;
  consumer: string;
  /** How long written event ids are remembered (default 3 days). */
  dedupWindowMs?: number;
}): LakeStream {
  const { redis, blocking, keys, consumer } = options;
  const window = options.dedupWindowMs ?? 3 * 86_400_000;
  const stream = keys.lakeStream;
  const group = LAKE_CONSUMER_GROUP;
  const readGroup = async (client: RedisCaller, args: (string | number)[]) => {
    const reply = (await client.call('XREADGROUP', 'GROUP', group, consumer, ...args)) as
      unknown[] | null;
    return reply ? entries(streamEntries(reply)) : [];
  };
  return {
    async ensureGroup() {
      try {
        await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
      } catch (error) {
        if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) {
          throw error;
        }
      }
    },
    readNew: ({ count, blockMs }) =>
      readGroup(blocking, ['COUNT', count, 'BLOCK', blockMs, 'STREAMS', stream, '>']),
    readOwnPending: (count) => readGroup(redis, ['COUNT', count, 'STREAMS', stream, '0']),
    async claimIdle({ minIdleMs, count }) {
      const reply = (await redis.call(
        'XAUTOCLAIM',
        stream,
        group,
        consumer,
        minIdleMs,
        '0-0',
        'COUNT',
        count,
      )) as [string, RawEntry[], string[]?];
      return entries(reply[1]);
    },
    async reserve({ file, nowMs, events }) {
      const reserved = (await runLuaScript(redis, RESERVE_LAKE_FILE_SCRIPT, {
        keys: [keys.lakeWritten, keys.lakeIntents],
        argv: [nowMs, file, consumer, ...events.flatMap((e) => [e.eventId, e.streamIds.join(',')])],
      })) as string[] | null;
      return new Set(reserved ?? []);
    },
    async intents() {
      const flat = (await redis.call('HGETALL', keys.lakeIntents)) as string[];
      const result = new Map<string, LakeIntent | null>();
      for (let i = 0; i + 1 < flat.length; i += 2) {
        result.set(flat[i] as string, parseIntent(flat[i + 1] as string));
      }
      return result;
    },
    async undo(file, eventIds) {
      await runLuaScript(redis, UNDO_LAKE_FILE_SCRIPT, {
        keys: [keys.lakeWritten, keys.lakeIntents],
        argv: [file, ...eventIds],
      });
    },
    async commit({ file, eventIds, streamIds, nowMs }) {
      await runLuaScript(redis, COMMIT_LAKE_FILE_SCRIPT, {
        keys: [stream, keys.lakeWritten, keys.lakeIntents],
        argv: [group, nowMs, window, file ?? '', eventIds.length, ...eventIds, ...streamIds],
      });
    },
    async discard(streamIds) {
      if (streamIds.length === 0) {
        return;
      }
      // Deleted first: once nothing is pending, nothing unreadable is left either.
      await redis.call('XDEL', stream, ...streamIds);
      await redis.call('XACK', stream, group, ...streamIds);
    },
    async trim() {
      return Number(
        await runLuaScript(redis, TRIM_LAKE_STREAM_SCRIPT, { keys: [stream], argv: [group] }),
      );
    },
  };
}
