/**
 * The validation hook every zod validator uses (OpenAPIHono's `defaultHook`, inherited by mounted
 * sub-apps): a failed parse throws VALIDATION_FAILED whose details are paths prefixed with the
 * target (`query.limit`, `json.findings.2`) and zod issue codes — never the rejected values.
 */
import { AppError, detailsFromZod } from '@mediassist/shared/errors';
import type { z } from 'zod';

export type ValidationResult = ({ success: true } | { success: false; error: z.ZodError }) & {
  target: string;
};

export function throwOnInvalid(result: ValidationResult): undefined {
  if (result.success) {
    return undefined;
  }
  const details = detailsFromZod(result.error).map(({ path, issue }) => ({
    path: path === '(root)' ? result.target : `${result.target}.${path}`,
    issue,
  }));
  throw new AppError('VALIDATION_FAILED', 'Request failed validation', { details });
}
