/** The online process's environment, parsed once in main.ts. */
import { z } from 'zod';

export const OnlineEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  MEDIASSIST_HOME: z.string().min(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
});

export type OnlineEnv = z.infer<typeof OnlineEnvSchema>;
