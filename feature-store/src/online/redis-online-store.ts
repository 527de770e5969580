/** The Redis online store: one hash per patient, one round trip per read, atomic newest-wins writes. */
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import type { Redis } from 'ioredis';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { FeatureRegistry } from '../definitions/registry.js';
import { encodeFeatureWrites } from './encode-writes.js';
import type {
  EncodedFeatureBatch,
  FeatureState,
  FeatureWrites,
  OnlineStore,
  PatientFeatures,
  PatientFeatureWrite,
  ReadOptions,
  ViewRef,
  WatermarkStore,
  WriteOutcome,
  WriteSummary,
} from './online-store.js';
import {
  createOnlineStoreKeys,
  viewFields,
  watermarkField,
  type OnlineStoreKeys,
} from './redis-keys.js';
import { RedisFeatureWriter, toDriverError } from './redis-feature-writer.js';
import { createHmgetRequest, EncodedHmget, type HmgetRequest } from './redis-read-command.js';
import { batchViews } from './row-batch.js';
import { decodeStoredView } from './stored-view.js';

/** The Redis calls the store makes; both `Redis` and `Cluster` from ioredis fit. */
export type RedisOnlineStoreClient = Pick<
  Redis,
  'sendCommand' | 'hgetallBuffer' | 'unlink' | 'script' | 'hget' | 'hset' | 'isCluster'
>;

export interface RedisOnlineStoreOptions<TView extends AnyFeatureView> {
  redis: RedisOnlineStoreClient;
  registry: FeatureRegistry<TView>;
  /** Prepended to every key (default `mediassist:`); tests use a unique one each. */
  keyPrefix?: string;
  /**
   * Optional garbage collection: patients not written for this long disappear. Never relied on for
   * correctness (staleness is judged from `as_of` at read time). 0 or absent: keep forever.
   */
  gcTtlSeconds?: number;
  clock?: () => Date;
}

interface ReadPlan<TView extends AnyFeatureView> {
  readonly names: readonly string[];
  readonly views: readonly TView[];
  readonly fields: readonly string[];
  readonly hmget: HmgetRequest;
}

export class RedisOnlineStore<TView extends AnyFeatureView> implements OnlineStore<TView> {
  readonly registry: FeatureRegistry<TView>;
  readonly watermarks: WatermarkStore;
  readonly #redis: RedisOnlineStoreClient;
  readonly #keys: OnlineStoreKeys;
  readonly #writer: RedisFeatureWriter;
  readonly #clock: () => Date;
  readonly #readPlans = new WeakMap<readonly string[], ReadPlan<TView>>();

  constructor(options: RedisOnlineStoreOptions<TView>) {
    const gcTtlSeconds = options.gcTtlSeconds ?? 0;
    if (!Number.isInteger(gcTtlSeconds) || gcTtlSeconds < 0) {
      throw new AppError('CONFIG_INVALID', 'gcTtlSeconds must be a non-negative integer');
    }
    if (clientKeyPrefix(options.redis)) {
      // Pre-encoded writes bypass ioredis's key prefixing; reads would not. Use `keyPrefix` here.
      throw new AppError(
        'CONFIG_INVALID',
        'Pass the key prefix to RedisOnlineStore, not to the client',
      );
    }
    this.registry = options.registry;
    this.#redis = options.redis;
    this.#keys = createOnlineStoreKeys(options.keyPrefix);
    this.#writer = new RedisFeatureWriter({
      redis: options.redis,
      keyPrefix: this.#keys.prefix,
      gcTtlSeconds,
    });
    this.#clock = options.clock ?? (() => new Date());
    const redis = this.#redis;
    const key = this.#keys.watermarks();
    this.watermarks = {
      async get(view: ViewRef) {
        const ms = await driverCall(() => redis.hget(key, watermarkField(view)));
        return ms === null ? null : new Date(Number(ms));
      },
      async set(view: ViewRef, at: Date) {
        await driverCall(() => redis.hset(key, watermarkField(view), String(at.getTime())));
      },
    };
  }

  async write(
    patientId: PatientId,
    features: FeatureWrites<TView>,
  ): Promise<WriteOutcome<TView['name']>> {
    const batch = encodeFeatureWrites({
      registry: this.registry,
      batch: [{ patientId, features }],
      nowMs: this.#clock().getTime(),
    });
    const written: TView['name'][] = [];
    const skipped: TView['name'][] = [];
    await this.#writer.writeScript({
      batch,
      onReply: (command, mask) => {
        command.views.forEach((column, i) => {
          (Math.floor(mask / 2 ** i) % 2 === 1 ? written : skipped).push(column.view.name);
        });
      },
    });
    return { written, skipped };
  }

  async writeMany(batch: readonly PatientFeatureWrite<TView>[]): Promise<WriteSummary> {
    return this.writeEncoded(
      encodeFeatureWrites({ registry: this.registry, batch, nowMs: this.#clock().getTime() }),
    );
  }

  async writeEncoded(batch: EncodedFeatureBatch): Promise<WriteSummary> {
    for (const view of batchViews(batch)) {
      if (!this.registry.find(view.name)) {
        throw new AppError('VALIDATION_FAILED', `Unknown feature view ${view.name}`);
      }
    }
    let written = 0;
    let skipped = 0;
    // Bulk input (materialization): patients Redis does not hold yet take the RESTORE fast path.
    await this.#writer.writeBulk({
      batch,
      onReply: (command, mask) => {
        const stored = popcount(mask);
        written += stored;
        skipped += command.views.length - stored;
      },
    });
    return { patients: batch.rows, written, skipped };
  }

  async read<TName extends TView['name'] = TView['name']>(
    patientId: PatientId,
    viewNames?: readonly TName[],
    options: ReadOptions = {},
  ): Promise<PatientFeatures<Extract<TView, { name: TName }>>> {
    const key = this.#keys.patient(patientId);
    const plan = this.#readPlan(viewNames ?? this.registry.names);
    const { views, fields } = plan;
    let stored: readonly (Buffer | null | undefined)[];
    if (viewNames === undefined) {
      const hash = await driverCall(() => this.#redis.hgetallBuffer(key));
      const byField = new Map(Object.entries(hash));
      stored = fields.map((field) => byField.get(field));
    } else {
      const command = new EncodedHmget({ key, request: plan.hmget });
      stored = await driverCall(
        () => this.#redis.sendCommand(command) as Promise<(Buffer | null)[]>,
      );
    }
    const readAt = options.now ?? this.#clock();
    const nowMs = readAt.getTime();
    const features: Record<string, FeatureState<unknown>> = {};
    for (let i = 0; i < views.length; i++) {
      const view = views[i] as TView;
      features[view.name] = decodeStoredView({
        view,
        stored: {
          value: stored[3 * i] ?? undefined,
          asOf: stored[3 * i + 1] ?? undefined,
          version: stored[3 * i + 2] ?? undefined,
        },
        nowMs,
      });
    }
    return {
      patientId,
      readAt,
      features: features as PatientFeatures<Extract<TView, { name: TName }>>['features'],
    };
  }

  /**
   * The views, their hash fields (value, as_of, version per view, in order) and the HMGET request
   * for one list of view names, built on its first read and reused while the caller's list is
   * unchanged. Unknown names throw NOT_FOUND.
   */
  #readPlan(names: readonly string[]): ReadPlan<TView> {
    const cached = this.#readPlans.get(names);
    if (
      cached &&
      cached.names.length === names.length &&
      cached.names.every((n, i) => n === names[i])
    ) {
      return cached;
    }
    const views = names.map((n) => this.registry.get(n as TView['name']));
    const fields = views.flatMap((v) => {
      const f = viewFields(v.name);
      return [f.value, f.asOf, f.version];
    });
    const plan = { names: [...names], views, fields, hmget: createHmgetRequest(fields) };
    this.#readPlans.set(names, plan);
    return plan;
  }

  async delete(patientId: PatientId): Promise<boolean> {
    const removed = await driverCall(() => this.#redis.unlink(this.#keys.patient(patientId)));
    return removed > 0;
  }
}

function clientKeyPrefix(redis: RedisOnlineStoreClient): string | undefined {
  const options: unknown = 'options' in redis ? redis.options : undefined;
  if (typeof options === 'object' && options !== null && 'keyPrefix' in options) {
    return typeof options.keyPrefix === 'string' && options.keyPrefix !== ''
      ? options.keyPrefix
      : undefined;
  }
  return undefined;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m > 0; m = Math.floor(m / 2)) {
    n += m % 2;
  }
  return n;
}

async function driverCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDriverError(error);
  }
}
