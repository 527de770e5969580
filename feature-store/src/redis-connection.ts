/**
 * The one Redis connection factory every composition root uses. A deployment chooses a single node
 * (`REDIS_URL`) or a Redis Cluster (`REDIS_CLUSTER_NODES=host:port,host:port,…`), never both; each
 * service's env schema spreads `redisConnectionEnvFields` and refines with `checkRedisTarget`.
 * Options follow the caller's role (BullMQ's requirements for workers, fail-fast for requests).
 */
import { AppError } from '@mediassist/shared/errors';
import { Cluster, Redis } from 'ioredis';
import { z } from 'zod';

export interface RedisNodeAddress {
  readonly host: string;
  readonly port: number;
}

/** Where the services' Redis is: one node by URL, or a cluster by its startup nodes. */
export type RedisTarget =
  | { readonly kind: 'standalone'; readonly url: string }
  | { readonly kind: 'cluster'; readonly nodes: readonly RedisNodeAddress[] };

/**
 * - `worker`: BullMQ workers and anything that should wait out an outage (`maxRetriesPerRequest: null`).
 * - `request`: a request path that must fail fast (no offline queue, one retry, 2 s connect).
 * - `batch`: a job that connects on demand and gives up after a few retries (materialize).
 */
export type RedisRole = 'worker' | 'request' | 'batch';

const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)$/;

/** Parses one `host:port` entry (IPv6 in brackets); undefined when it is not one. */
export function parseNodeAddress(entry: string): RedisNodeAddress | undefined {
  const colon = entry.lastIndexOf(':');
  if (colon <= 0) {
    return undefined;
  }
  const host = entry.slice(0, colon);
  const portText = entry.slice(colon + 1);
  const port = Number(portText);
  if (!HOST.test(host) || !/^\d{1,5}$/.test(portText) || port < 1 || port > 65_535) {
    return undefined;
  }
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
}

/** `host:port,host:port,…` → addresses; a bad entry is reported by position (values are not echoed). */
export const RedisClusterNodesSchema = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((entry) => entry.trim());
  const nodes: RedisNodeAddress[] = [];
  entries.forEach((entry, i) => {
    const node = parseNodeAddress(entry);
    if (node) {
      nodes.push(node);
    } else {
      ctx.addIssue({
        code: 'custom',
        message: `entry ${String(i + 1)} of ${String(entries.length)} is not host:port (port 1–65535)`,
      });
    }
  });
  return nodes.length === 0 ? z.NEVER : nodes;
});

/** The two variables, for a service's env schema (spread them into its `z.object`). */
export const redisConnectionEnvFields = {
  /** A single Redis node: `redis://` or `rediss://` URL. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** A Redis Cluster: some or all masters' `host:port`, comma-separated (instead of REDIS_URL). */
  REDIS_CLUSTER_NODES: RedisClusterNodesSchema.optional(),
};

export interface RedisConnectionEnv {
  readonly REDIS_URL?: string | undefined;
  readonly REDIS_CLUSTER_NODES?: readonly RedisNodeAddress[] | undefined;
}

const BOTH = 'set REDIS_URL or REDIS_CLUSTER_NODES, not both';
const NEITHER = 'set REDIS_URL (one Redis node) or REDIS_CLUSTER_NODES (a Redis Cluster)';

/**
 * A zod `superRefine` for an env schema: never both variables; with `required`, exactly one.
 * Usage: `z.object({ ...redisConnectionEnvFields, … }).superRefine(checkRedisTarget({ required: true }))`.
 */
export function checkRedisTarget(options: { required: boolean }) {
  return (env: RedisConnectionEnv, ctx: z.RefinementCtx): void => {
    const hasUrl = env.REDIS_URL !== undefined;
    const hasNodes = env.REDIS_CLUSTER_NODES !== undefined;
    if (hasUrl && hasNodes) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: BOTH });
    } else if (options.required && !hasUrl && !hasNodes) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: NEITHER });
    }
  };
}

/** The target an env names; undefined when it names none (both is a CONFIG_INVALID error). */
export function redisTargetOf(env: RedisConnectionEnv): RedisTarget | undefined {
  if (env.REDIS_URL !== undefined && env.REDIS_CLUSTER_NODES !== undefined) {
    throw new AppError('CONFIG_INVALID', BOTH, {
      details: [{ path: 'REDIS_CLUSTER_NODES', issue: BOTH }],
    });
  }
  if (env.REDIS_CLUSTER_NODES !== undefined) {
    return { kind: 'cluster', nodes: env.REDIS_CLUSTER_NODES };
  }
  return env.REDIS_URL === undefined ? undefined : { kind: 'standalone', url: env.REDIS_URL };
}

/** The target an env names, or CONFIG_INVALID naming both variables (for a job that needs Redis). */
export function requireRedisTarget(env: RedisConnectionEnv): RedisTarget {
  const target = redisTargetOf(env);
  if (!target) {
    throw new AppError('CONFIG_INVALID', `${NEITHER} for this job`, {
      details: [{ path: 'REDIS_URL', issue: NEITHER }],
    });
  }
  return target;
}

/** Per-node options of a role (for `new Redis(url, …)` and a cluster's `redisOptions`). */
export function nodeOptionsFor(role: RedisRole) {
  switch (role) {
    case 'worker':
      // BullMQ: workers (blocking commands) must never give up on a command.
      return { maxRetriesPerRequest: null, enableReadyCheck: true };
    case 'request':
      return { maxRetriesPerRequest: 1, connectTimeout: 2_000, enableReadyCheck: true };
    case 'batch':
      return { maxRetriesPerRequest: 2, connectTimeout: 5_000, enableReadyCheck: true };
    default:
      return role satisfies never;
  }
}

function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 200, 2_000);
}

/** Options of the whole client (offline queue, reconnects, lazy connect) for a role. */
function clientOptionsFor(role: RedisRole) {
  return {
    // A request path fails fast while disconnected: callers fall back or answer 503.
    enableOfflineQueue: role !== 'request',
    lazyConnect: role === 'batch',
  };
}

/** The ioredis options `createRedisConnection` uses for a cluster (exported for tests). */
export function clusterOptionsFor(role: RedisRole) {
  return {
    ...clientOptionsFor(role),
    enableReadyCheck: true,
    clusterRetryStrategy: reconnectDelay,
    redisOptions: nodeOptionsFor(role),
  };
}

/** The ioredis options `createRedisConnection` uses for a single node (exported for tests). */
export function standaloneOptionsFor(role: RedisRole) {
  return { ...nodeOptionsFor(role), ...clientOptionsFor(role), retryStrategy: reconnectDelay };
}

/**
 * A new client for `target` with the options of `role`: `Redis` for a single node, `Cluster` for a
 * cluster. Both fit every store, queue and script in the services (keys are hash-tagged).
 * Connection errors are emitted as `error` events: attach a listener that logs them.
 */
export function createRedisConnection(options: {
  target: RedisTarget;
  role: RedisRole;
}): Redis | Cluster {
  const { target, role } = options;
  switch (target.kind) {
    case 'standalone':
      return new Redis(target.url, standaloneOptionsFor(role));
    case 'cluster':
      return new Cluster(
        target.nodes.map((n) => ({ host: n.host, port: n.port })),
        clusterOptionsFor(role),
      );
    default:
      return target satisfies never;
  }
}
