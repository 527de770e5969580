/** The offline process's environment, parsed once in main.ts. */
import { z } from 'zod';

export const OfflineEnvSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  MEDIASSIST_HOME: z.string().min(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type OfflineEnv = z.infer<typeof OfflineEnvSchema>;
