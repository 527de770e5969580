/** `materialize [--full] [--lake <dir>]`: the offline store's latest values → the online store (REDIS_URL or REDIS_CLUSTER_NODES). */
import path from 'node:path';
import { featureRegistry, patientFeatureViews } from '@mediassist/feature-store/definitions';
import { materialize } from '@mediassist/feature-store/materialize';
import { DuckDbOfflineStore } from '@mediassist/feature-store/offline';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import {
  createRedisConnection,
  requireRedisTarget,
} from '@mediassist/feature-store/redis-connection';
import { z } from 'zod';
import { defineJob } from './job.js';
import { flag, lakeArgs } from './model-args.js';

export const materializeJob = defineJob({
  name: 'materialize',
  description:
    'Move the latest feature values from the offline store into the online store (Redis)',
  args: z.object({
    lake: lakeArgs.lake,
    threads: lakeArgs.threads,
    /** Every patient, not only those written since the last run. */
    full: flag.default(false),
  }),
  async run(ctx, args) {
    const lakeDir =
      args.lake === undefined
        ? path.join(ctx.env.MEDIASSIST_HOME, 'lake')
        : path.resolve(args.lake);
    // Connects on demand (lazyConnect), a few retries per command: see the factory's `batch` role.
    const redis = createRedisConnection({ target: requireRedisTarget(ctx.env), role: 'batch' });
    const offline = await DuckDbOfflineStore.open({
      lakeDir,
      ...(args.threads === undefined ? {} : { threads: args.threads }),
    });
    const bar = ctx.progress({ label: 'materialize', total: 0, unit: 'patients' });
    try {
      await redis.connect();
      let reported = 0;
      const summary = await materialize({
        offline,
        online: new RedisOnlineStore({
          redis,
          registry: featureRegistry,
          keyPrefix: ctx.env.REDIS_KEY_PREFIX,
        }),
        views: patientFeatureViews,
        mode: args.full ? 'full' : 'incremental',
        onProgress: (p) => {
          bar.setTotal(Math.max(p.patients, reported));
          bar.increment(p.patients - reported);
          reported = p.patients;
        },
      });
      return { ...summary };
    } finally {
      bar.stop();
      await offline.close();
      redis.disconnect();
    }
  },
});
