/** Liveness and readiness bodies: `GET /healthz`, `GET /readyz`. */
import { z } from 'zod';

export const LivenessResponseSchema = z
  .object({ status: z.literal('ok') })
  .meta({ id: 'Liveness' });
export type LivenessResponse = z.infer<typeof LivenessResponseSchema>;

/** `up`: working; `down`: failing or unreachable; `absent`: not configured or not loaded. */
export const COMPONENT_STATES = ['up', 'down', 'absent'] as const;

export const ComponentStatusSchema = z
  .object({
    state: z.enum(COMPONENT_STATES),
    /** A critical component that is not `up` makes the service unready (503). */
    critical: z.boolean(),
    /** A short code when not up, e.g. `timeout`, `unreachable`, `not-loaded`. */
    reason: z.string().optional(),
    version: z.string().optional(),
    latencyMs: z.number().optional(),
  })
  .meta({ id: 'ComponentStatus' });
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

export const ReadinessResponseSchema = z
  .object({
    /** `ready`: send traffic; `unready`: a critical component is down; `draining`: shutting down. */
    status: z.enum(['ready', 'unready', 'draining']),
    /** `full`: features and model available; `guideline-only`: answers come from guidelines alone. */
    mode: z.enum(['full', 'guideline-only']),
    kbVersion: z.string(),
    components: z.record(z.string(), ComponentStatusSchema),
  })
  .meta({ id: 'Readiness' });
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
