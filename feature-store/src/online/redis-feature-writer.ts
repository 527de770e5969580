/**
 * Sends encoded feature batches to Redis: the newest-wins write script per patient (EVALSHA, EVAL
 * after NOSCRIPT), and for bulk loads a RESTORE fast path that creates patients Redis does not
 * hold yet (see redis-restore-commands.ts) and hands every other row to the script.
 */
import { AppError } from '@mediassist/shared/errors';
import { Command, type Redis } from 'ioredis';
import type { EncodedFeatureBatch } from './online-store.js';
import {
  MAX_VIEWS_PER_RESTORE,
  RestoreCommandEncoder,
  type RestoreCommand,
  type RestoreGroup,
} from './redis-restore-commands.js';
import { encodeBulk } from './resp-writer.js';
import { batchViews } from './row-batch.js';
import { RESTORE_MANY_LUA, RESTORE_MANY_SHA1 } from './restore-many-script.js';
import { WriteCommandEncoder, type WriteCommand } from './redis-write-commands.js';
import { WRITE_FEATURES_LUA } from './write-features-script.js';

/** `isCluster`: a cluster client cannot run one script over keys of many slots. */
export type RedisWriterClient = Pick<Redis, 'sendCommand' | 'script' | 'isCluster'>;

/** Called once per patient row with the views stored (bit i: `command.views[i]`). */
export type OnWriteReply = (command: Pick<WriteCommand, 'row' | 'views'>, mask: number) => void;

/** How a bulk write is sent: the fast path first, or the script only. */
export type BulkWritePath = 'restore-first' | 'script';

/**
 * After a batch in which at least this share of rows already existed (a re-run into a populated
 * store), later batches go straight to the script; every `PROBE_EVERY`th batch tries RESTORE again.
 */
const BUSY_SHARE_FOR_SCRIPT = 0.5;
const PROBE_EVERY = 16;
/**
 * Smaller batches (a nearline refresh of one patient, who usually exists) skip the fast path:
 * a BUSYKEY answer would cost them a second round trip.
 */
export const RESTORE_MIN_ROWS = 64;
/** Patients per restore-many script call (standalone Redis). */
const RESTORE_CHUNK = 128;
const EVALSHA_RESTORE_MANY = Buffer.concat([encodeBulk('EVALSHA'), encodeBulk(RESTORE_MANY_SHA1)]);

/** `*<argc>`, `EVALSHA <sha> <n>`: the start of a restore-many call of `n` patients. */
function restoreManyHead(n: number): Uint8Array {
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from(`*${String(4 + 2 * n)}\r\n`),
      EVALSHA_RESTORE_MANY,
      encodeBulk(String(n)),
    ]),
  );
}

/** An ioredis command whose request bytes were encoded up front. */
class EncodedCommand extends Command {
  readonly #bytes: Buffer;

  constructor(options: { kind: 'script' | 'restore'; bytes: Buffer; key?: Buffer }) {
    const { kind, bytes, key } = options;
    // The arguments only route the command by its key on Redis Cluster (restore-many calls,
    // standalone only, have none).
    super(
      kind === 'script' ? 'evalsha' : 'restore',
      key === undefined ? [] : kind === 'script' ? ['', '1', key] : [key, '0', ''],
    );
    this.#bytes = bytes;
  }

  override toWritable(): Buffer {
    return this.#bytes;
  }
}

export class RedisFeatureWriter {
  readonly #redis: RedisWriterClient;
  readonly #scripts: WriteCommandEncoder;
  readonly #restores: RestoreCommandEncoder;
  #scriptLoaded: Promise<unknown> | undefined;
  #restoreManyLoaded: Promise<unknown> | undefined;
  /** Off for good once the server refuses RESTORE for a reason other than an existing key. */
  #restoreSupported = true;
  #path: BulkWritePath = 'restore-first';
  #scriptBatches = 0;

  constructor(options: { redis: RedisWriterClient; keyPrefix: string; gcTtlSeconds: number }) {
    const { redis, keyPrefix, gcTtlSeconds } = options;
    this.#redis = redis;
    this.#scripts = new WriteCommandEncoder({ keyPrefix, gcTtlSeconds });
    this.#restores = new RestoreCommandEncoder({ keyPrefix, gcTtlSeconds });
  }

  /** Every row through the write script. */
  async writeScript(options: {
    batch: EncodedFeatureBatch;
    onReply: OnWriteReply;
    rows?: readonly number[];
  }): Promise<void> {
    const { batch, onReply, rows } = options;
    this.#scriptLoaded ??= this.#redis.script('LOAD', WRITE_FEATURES_LUA).catch(() => undefined);
    await this.#scriptLoaded;
    const commands = this.#scripts.encode(batch, rows ? { rows } : {});
    const retry = await this.#dispatchScript(commands, onReply);
    if (retry.length > 0) {
      const again = this.#scripts.encode(batch, { useEval: true, rows: retry.map((c) => c.row) });
      const failed = await this.#dispatchScript(again, onReply);
      if (failed.length > 0) {
        throw new AppError('DEPENDENCY_UNAVAILABLE', 'Online store rejected the write script');
      }
    }
  }

  /**
   * A bulk write: RESTORE for rows whose patient key does not exist, the script for the rest.
   * Same result as `writeScript`, whatever Redis holds; only the cost differs.
   */
  async writeBulk(options: { batch: EncodedFeatureBatch; onReply: OnWriteReply }): Promise<void> {
    const { batch, onReply } = options;
    if (
      batch.rows < RESTORE_MIN_ROWS ||
      batchViews(batch).length > MAX_VIEWS_PER_RESTORE ||
      !this.#restoreSupported ||
      this.#nextPath() === 'script'
    ) {
      await this.writeScript({ batch, onReply });
      return;
    }
    const outcome = this.#redis.isCluster
      ? await this.#restoreEach(this.#restores.encode(batch), onReply)
      : await this.#restoreMany(batch, onReply);
    this.#path =
      outcome.busy > 0 && outcome.busy >= BUSY_SHARE_FOR_SCRIPT * outcome.sent
        ? 'script'
        : 'restore-first';
    if (outcome.rest.length > 0) {
      await this.writeScript({ batch, onReply, rows: outcome.rest });
    }
  }

  /** One RESTORE command per patient (a cluster client routes each by its key). */
  async #restoreEach(
    commands: readonly RestoreCommand[],
    onReply: OnWriteReply,
  ): Promise<{ rest: number[]; busy: number; sent: number }> {
    const settled = await Promise.allSettled(
      commands.map((command) => {
        const request = new EncodedCommand({
          kind: 'restore',
          bytes: command.bytes,
          key: command.key,
        });
        void this.#redis.sendCommand(request);
        return request.promise as Promise<unknown>;
      }),
    );
    const rest: number[] = [];
    let busy = 0;
    let failure: unknown;
    settled.forEach((result, i) => {
      const command = commands[i] as RestoreCommand;
      if (result.status === 'fulfilled') {
        onReply(command, 2 ** command.views.length - 1);
      } else if (isReplyError(result.reason, 'BUSYKEY')) {
        busy += 1;
        rest.push(command.row);
      } else if (isReplyError(result.reason)) {
        // No permission (ACL), a proxy without RESTORE, a payload this server cannot read…
        this.#restoreSupported = false;
        rest.push(command.row);
      } else {
        failure ??= result.reason;
      }
    });
    if (failure !== undefined) {
      throw toDriverError(failure);
    }
    return { rest, busy, sent: commands.length };
  }

  /** One restore-many script call per chunk of patients (standalone Redis). */
  async #restoreMany(
    batch: EncodedFeatureBatch,
    onReply: OnWriteReply,
  ): Promise<{ rest: number[]; busy: number; sent: number }> {
    this.#restoreManyLoaded ??= this.#redis.script('LOAD', RESTORE_MANY_LUA).catch(() => undefined);
    await this.#restoreManyLoaded;
    const groups = this.#restores.encodeGroups(batch, {
      groupSize: RESTORE_CHUNK,
      groupHead: restoreManyHead,
    });
    const settled = await Promise.allSettled(
      groups.map((group) => {
        const request = new EncodedCommand({ kind: 'script', bytes: group.bytes });
        void this.#redis.sendCommand(request);
        return request.promise as Promise<unknown>;
      }),
    );
    const rest: number[] = [];
    let busy = 0;
    let sent = 0;
    let failure: unknown;
    settled.forEach((result, g) => {
      const targets = (groups[g] as RestoreGroup).targets;
      sent += targets.length;
      if (result.status === 'fulfilled') {
        const existing = new Set(Array.isArray(result.value) ? result.value.map(Number) : []);
        targets.forEach((target, i) => {
          if (existing.has(i + 1)) {
            busy += 1;
            rest.push(target.row);
          } else {
            onReply(target, 2 ** target.views.length - 1);
          }
        });
      } else if (isReplyError(result.reason)) {
        // The script is gone (SCRIPT FLUSH), or RESTORE was refused: the chunk goes through the
        // write script (rows already created there compare equal and are rewritten unchanged).
        if (isReplyError(result.reason, 'NOSCRIPT')) {
          this.#restoreManyLoaded = undefined;
        } else {
          this.#restoreSupported = false;
        }
        rest.push(...targets.map((target) => target.row));
      } else {
        failure ??= result.reason;
      }
    });
    if (failure !== undefined) {
      throw toDriverError(failure);
    }
    return { rest, busy, sent };
  }

  /** The path the next bulk batch takes (script after a mostly-existing batch, with probes). */
  #nextPath(): BulkWritePath {
    if (this.#path === 'restore-first') {
      return 'restore-first';
    }
    this.#scriptBatches += 1;
    return this.#scriptBatches % PROBE_EVERY === 0 ? 'restore-first' : 'script';
  }

  /** Returns the commands that failed with NOSCRIPT; any other failure rejects. */
  async #dispatchScript(
    commands: readonly WriteCommand[],
    onReply: OnWriteReply,
  ): Promise<WriteCommand[]> {
    const settled = await Promise.allSettled(
      commands.map((command) => {
        const request = new EncodedCommand({
          kind: 'script',
          bytes: command.bytes,
          key: command.key,
        });
        void this.#redis.sendCommand(request);
        return request.promise as Promise<unknown>;
      }),
    );
    const noScript: WriteCommand[] = [];
    let failure: unknown;
    settled.forEach((result, i) => {
      const command = commands[i] as WriteCommand;
      if (result.status === 'fulfilled') {
        onReply(command, Number(result.value));
      } else if (isReplyError(result.reason, 'NOSCRIPT')) {
        noScript.push(command);
      } else {
        failure ??= result.reason;
      }
    });
    if (failure !== undefined) {
      throw toDriverError(failure);
    }
    return noScript;
  }
}

/** A Redis error reply (optionally with this code), as opposed to a connection failure. */
function isReplyError(error: unknown, code?: string): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  return code === undefined ? error.name === 'ReplyError' : error.message.startsWith(code);
}

/** Redis failures as AppErrors; the driver's message (which may echo arguments) stays in `cause`. */
export function toDriverError(error: unknown): AppError {
  if (error instanceof AppError) {
    return error;
  }
  const timedOut = error instanceof Error && /timed? ?out/i.test(error.message);
  return new AppError(
    timedOut ? 'DEPENDENCY_TIMEOUT' : 'DEPENDENCY_UNAVAILABLE',
    timedOut ? 'Online store timed out' : 'Online store unavailable',
    { cause: error },
  );
}
