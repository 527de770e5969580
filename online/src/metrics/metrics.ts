/** The online service's Prometheus metrics, registered on a registry passed in (never the global one). */
import { ASSIST_FALLBACK_REASONS } from '@mediassist/shared/api';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Latency buckets around the 300 ms design budget, in seconds. */
export const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2.5,
];

export interface Metrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpErrors: Counter<'route' | 'code'>;
  readonly fallbacks: Counter<'reason'>;
  readonly rateLimitBackendFallbacks: Counter;
  readonly auditRecords: Counter;
  readonly auditWriteFailures: Counter;
}

export interface CreateMetricsOptions {
  registry: Registry;
}

export function createMetrics(options: CreateMetricsOptions): Metrics {
  const { registry } = options;
  const registers = [registry];
  const fallbacks = new Counter({
    name: 'mediassist_fallback_total',
    help: 'Assist responses answered from guidelines alone, by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  // Every reason the API can give (a closed list: bounded cardinality), at 0 until it happens.
  for (const reason of ASSIST_FALLBACK_REASONS) {
    fallbacks.inc({ reason }, 0);
  }
  return {
    registry,
    httpDuration: new Histogram({
      name: 'mediassist_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    httpRequests: new Counter({
      name: 'mediassist_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpErrors: new Counter({
      name: 'mediassist_http_errors_total',
      help: 'Error responses by route pattern and error code',
      labelNames: ['route', 'code'] as const,
      registers,
    }),
    fallbacks,
    rateLimitBackendFallbacks: new Counter({
      name: 'mediassist_rate_limit_backend_fallback_total',
      help: 'Rate-limit decisions taken by the local limiter because Redis failed or was slow',
      registers,
    }),
    auditRecords: new Counter({
      name: 'mediassist_audit_records_total',
      help: 'Patient-access audit records accepted',
      registers,
    }),
    auditWriteFailures: new Counter({
      name: 'mediassist_audit_write_failures_total',
      help: 'Failed attempts to write buffered audit records (they are retried)',
      registers,
    }),
  };
}
