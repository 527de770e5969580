/** Routes mounted only in tests, to exercise the frame with a JSON body, a patient and a crash. */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '@mediassist/shared/errors';
import { PatientIdSchema } from '@mediassist/shared/ids';
import { recordPatientAccess } from '../middleware/audit-access.js';
import { requireRole } from '../middleware/require-role.js';
import { createRouter } from '../router.js';

/** A message in the shape of a library error that quotes patient data. */
export const PHI_LIKE_CRASH = 'Cannot read properties of Jane Doe (DOB 1970-01-01)';

const echo = createRoute({
  method: 'post',
  path: '/echo',
  middleware: [requireRole('clinician')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ patient: PatientIdSchema, note: z.string(), age: z.number().int() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'ok',
      content: { 'application/json': { schema: z.object({ received: z.boolean() }) } },
    },
  },
});

const patient = createRoute({
  method: 'get',
  path: '/patients/{patient}',
  middleware: [requireRole('clinician')] as const,
  request: { params: z.object({ patient: PatientIdSchema }) },
  responses: { 404: { description: 'never found' } },
});

export function testRoutes() {
  const router = createRouter()
    .openapi(echo, (c) => {
      recordPatientAccess(c, c.req.valid('json').patient);
      return c.json({ received: true }, 200);
    })
    .openapi(patient, (c) => {
      recordPatientAccess(c, c.req.valid('param').patient);
      throw new AppError('NOT_FOUND', 'No features for this patient');
    });
  router.get('/boom', requireRole('clinician'), () => {
    throw new TypeError(PHI_LIKE_CRASH);
  });
  return router;
}
