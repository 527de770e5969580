/** Who may call the API: the roles a credential (API key or JWT) carries. */
import { z } from 'zod';

/**
 * `clinician`: assist, summarize, feedback, events, patient lookups.
 * `data-scientist`: metrics, offline job triggers, model reports.
 * `admin`: registry, queue dashboard, everything.
 */
export const ROLES = ['clinician', 'data-scientist', 'admin'] as const;

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;
