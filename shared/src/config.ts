/** Environment parsing: one zod schema per process, every bad variable reported at once. */
import type { z } from 'zod';
import { AppError } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses `env` with `schema`. On failure throws one CONFIG_INVALID error listing every bad
 * variable with the reason; values are never echoed (they may be secrets).
 */
export function parseEnv<TSchema extends z.ZodType>(
  schema: TSchema,
  env: Env = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) {
    return result.data;
  }
  const details = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    issue: issue.message,
  }));
  const lines = details.map((d) => `  - ${d.path}: ${d.issue}`).join('\n');
  throw new AppError(
    'CONFIG_INVALID',
    `Invalid configuration (${String(details.length)}):\n${lines}`,
    {
      details,
    },
  );
}
