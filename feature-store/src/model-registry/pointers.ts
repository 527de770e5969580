/** The registry's pointer files: which version serves production, and which (if any) is in canary. */
import { z } from 'zod';

export const ProductionPointerSchema = z.object({
  version: z.string().min(1),
  promotedAt: z.iso.datetime(),
  /** The version this one replaced: what `rollback` returns to. */
  previous: z.string().min(1).nullable(),
  reason: z.string().min(1),
});
export type ProductionPointer = z.infer<typeof ProductionPointerSchema>;

export const CanaryPointerSchema = z.object({
  version: z.string().min(1),
  /** Share of requests (0–1) served by the canary, chosen per patient so a patient sees one model. */
  share: z.number().min(0).max(1),
  startedAt: z.iso.datetime(),
});
export type CanaryPointer = z.infer<typeof CanaryPointerSchema>;

export const RegistryEventSchema = z.object({
  at: z.iso.datetime(),
  action: z.enum(['publish', 'promote', 'rollback', 'canary-start', 'canary-stop']),
  version: z.string().min(1),
  detail: z.string().optional(),
});
export type RegistryEvent = z.infer<typeof RegistryEventSchema>;
