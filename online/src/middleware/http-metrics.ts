/** Records every request's latency and status by route pattern (outermost middleware, after request ids). */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { Metrics } from '../metrics/metrics.js';
import { routeLabel } from './route-label.js';

export interface HttpMetricsOptions {
  metrics: Metrics;
  /** High-resolution monotonic time in milliseconds; `performance.now` by default. */
  now?: () => number;
}

export function httpMetrics(options: HttpMetricsOptions): MiddlewareHandler<AppEnv> {
  const { metrics, now = () => performance.now() } = options;
  return async function httpMetrics(c, next) {
    const started = now();
    await next();
    const route = routeLabel(c);
    const labels = { method: c.req.method, route, status: String(c.res.status) };
    metrics.httpDuration.observe(labels, (now() - started) / 1000);
    metrics.httpRequests.inc(labels);
    const code = c.get('errorCode');
    if (code !== undefined) {
      metrics.httpErrors.inc({ route, code });
    }
  };
}
