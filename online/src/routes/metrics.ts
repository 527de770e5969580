/** `GET /metrics`: Prometheus text exposition of this process's registry (data-scientist, admin). */
import { createRoute, z } from '@hono/zod-openapi';
import { requireAccess } from '../middleware/require-role.js';
import type { Metrics } from '../metrics/metrics.js';
import { createRouter } from '../router.js';
import { AUTHENTICATED, AUTHENTICATED_ERRORS, errorResponses } from './openapi-common.js';

export interface MetricsRoutesOptions {
  metrics: Metrics;
}

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics (request latency by route, fallbacks, audit, rate limiting)',
  middleware: [requireAccess('metrics')] as const,
  security: AUTHENTICATED,
  responses: {
    200: {
      description: 'Prometheus text format 0.0.4',
      content: { 'text/plain': { schema: z.string() } },
    },
    ...errorResponses(...AUTHENTICATED_ERRORS),
  },
});

export function metricsRoutes(options: MetricsRoutesOptions) {
  const { registry } = options.metrics;
  return createRouter().openapi(metricsRoute, async (c) => {
    const text = await registry.metrics();
    return c.text(text, 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  });
}
