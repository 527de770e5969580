/**
 * The nearline ledger of one patient in Redis: the events waiting for a refresh, the state the last
 * refresh left, and the record of processed event ids (kept for the retention period, so an event
 * re-sent after its job is long gone is still recognised). Written in one atomic script per refresh.
 */
import { AppError } from '@mediassist/shared/errors';
import { runLuaScript, type NearlineKeys, type RedisCaller } from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { COMMIT_PATIENT_SCRIPT, LOAD_PATIENT_SCRIPT } from './ledger-scripts.js';

export interface PatientSnapshot {
  readonly rev: number;
  /** The state JSON the last refresh stored, or null for a patient nearline has not refreshed yet. */
  readonly data: string | null;
  /** Pending entries, event id → raw value (`<content hash> <envelope JSON>`). */
  readonly pending: ReadonlyMap<string, string>;
}

export interface ProcessedRecord {
  readonly eventId: string;
  readonly hash: string;
}

export interface PatientCommit {
  readonly patientId: PatientId;
  readonly expectedRev: number;
  readonly data: string;
  readonly processed: readonly ProcessedRecord[];
  /** Pending ids to remove: the processed ones and any dead-lettered ones. */
  readonly consumed: readonly string[];
}

export interface PatientLedger {
  load(patientId: PatientId): Promise<PatientSnapshot>;
  /** The new rev, or null when another refresh committed first (the caller retries). */
  commit(commit: PatientCommit): Promise<number | null>;
}

export interface RedisPatientLedgerOptions {
  redis: RedisCaller;
  keys: NearlineKeys;
  /** How long processed event ids are remembered (default 30 days). */
  processedRetentionSeconds?: number;
  /** How long an idle patient's state is kept (default 150 days; longer than every window). */
  stateTtlSeconds?: number;
  clock?: () => Date;
}

const DAY_S = 86_400;

export function createRedisPatientLedger(options: RedisPatientLedgerOptions): PatientLedger {
  const { redis, keys } = options;
  const retention = options.processedRetentionSeconds ?? 30 * DAY_S;
  const stateTtl = options.stateTtlSeconds ?? 150 * DAY_S;
  const clock = options.clock ?? (() => new Date());
  return {
    async load(patientId) {
      const reply = await runLuaScript(redis, LOAD_PATIENT_SCRIPT, {
        keys: [keys.state(patientId), keys.pending(patientId)],
        argv: [],
      });
      const [rev, data, flat] = reply as [string, string | null, string[]];
      const pending = new Map<string, string>();
      for (let i = 0; i + 1 < flat.length; i += 2) {
        pending.set(flat[i] as string, flat[i + 1] as string);
      }
      return { rev: Number(rev), data: typeof data === 'string' ? data : null, pending };
    },
    async commit(commit) {
      const nowMs = clock().getTime();
      const reply = await runLuaScript(redis, COMMIT_PATIENT_SCRIPT, {
        keys: [
          keys.state(commit.patientId),
          keys.pending(commit.patientId),
          keys.done(commit.patientId),
        ],
        argv: [
          commit.expectedRev,
          commit.data,
          stateTtl,
          retention,
          nowMs,
          commit.processed.length,
          ...commit.processed.flatMap((p) => [p.eventId, `${String(nowMs)}:${p.hash}`]),
          ...commit.consumed,
        ],
      });
      const rev = Number(reply);
      if (!Number.isInteger(rev)) {
        throw new AppError('INTERNAL', 'Unexpected answer from the commit script');
      }
      return rev < 0 ? null : rev;
    },
  };
}
