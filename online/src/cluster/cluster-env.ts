/**
 * The multi-process mode's own variables (the workers parse the online service's as usual):
 * how many worker processes share the port, and where the primary serves their metrics summed.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const ClusterEnvSchema = z.object({
  /** Worker processes (default: one per CPU the machine offers). */
  WEB_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => availableParallelism()),
  /**
   * The primary's Prometheus endpoint: every worker's metrics added up (prom-client's
   * AggregatorRegistry). Unset: none (each worker's /metrics shows that worker only).
   */
  CLUSTER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CLUSTER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** A worker that exits unexpectedly is replaced after this long. */
  CLUSTER_RESTART_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type ClusterEnv = z.infer<typeof ClusterEnvSchema>;
