/** Messages between the generation's main thread and its workers (ids and counts only, no PHI). */
import type { Shard, ShardResult } from './generate-shard.js';

export type WorkerRequest = { type: 'shard'; shard: Shard } | { type: 'stop' };

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; patients: number }
  | { type: 'done'; result: ShardResult }
  | { type: 'failed'; shard: number; message: string };
