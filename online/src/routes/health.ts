/** `GET /healthz` (liveness, no dependencies) and `GET /readyz` (dependency states); both public. */
import { createRoute } from '@hono/zod-openapi';
import { LivenessResponseSchema, ReadinessResponseSchema } from '@mediassist/shared/api';
import type { ReadinessResult } from '../health/readiness.js';
import { createRouter } from '../router.js';

export interface HealthRoutesOptions {
  readiness: () => Promise<ReadinessResult>;
}

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'Liveness: the process is running (checks no dependency)',
  security: [],
  responses: {
    200: {
      description: 'Alive',
      content: { 'application/json': { schema: LivenessResponseSchema } },
    },
  },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'Readiness: per-component states; 200 while able to serve (guideline-only counts)',
  security: [],
  responses: {
    200: {
      description: 'Ready',
      content: { 'application/json': { schema: ReadinessResponseSchema } },
    },
    503: {
      description: 'Unready (a critical component is down) or draining',
      content: { 'application/json': { schema: ReadinessResponseSchema } },
    },
  },
});

export function healthRoutes(options: HealthRoutesOptions) {
  const { readiness } = options;
  return createRouter()
    .openapi(healthz, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ status: 'ok' as const }, 200);
    })
    .openapi(readyz, async (c) => {
      const { httpStatus, body } = await readiness();
      c.header('Cache-Control', 'no-store');
      return httpStatus === 200 ? c.json(body, 200) : c.json(body, 503);
    });
}
