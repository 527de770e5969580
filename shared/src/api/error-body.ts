/** The one error shape every HTTP endpoint returns: stable codes, a request id, PHI-free details. */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.js';

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const ErrorDetailSchema = z
  .object({
    /** Where: a dotted path of keys/indexes into the request (`q`, `findings.2.code`). */
    path: z.string(),
    /** What: a zod issue code or another short code, never the offending value. */
    issue: z.string(),
  })
  .meta({ id: 'ErrorDetail' });

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(codes),
      /** Human-readable, safe to show; never contains patient data. */
      message: z.string(),
      /** Echoed in the `X-Request-Id` header; quote it when reporting a problem. */
      requestId: z.string(),
      details: z.array(ErrorDetailSchema).optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
