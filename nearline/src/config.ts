/** The nearline process's environment, parsed once in main.ts. */
import { z } from 'zod';

export const NearlineEnvSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  MEDIASSIST_HOME: z.string().min(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type NearlineEnv = z.infer<typeof NearlineEnvSchema>;
