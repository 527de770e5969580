/** Flags the model jobs share (`--lake`, `--threads`, `--memory-limit`, booleans). */
import { z } from 'zod';

export const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((v) => v === 'true'),
]);

export const lakeArgs = {
  /** The lake (default: $MEDIASSIST_HOME/lake). */
  lake: z.string().min(1).optional(),
  threads: z.coerce.number().int().positive().max(256).optional(),
  memoryLimit: z
    .string()
    .regex(/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i)
    .optional(),
};

export const versionArg = z
  .string()
  .regex(/^[A-Za-z0-9._-]+$/)
  .optional();
