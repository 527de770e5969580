/**
 * CDS Hooks 2.0 service request (`POST {baseUrl}/cds-services/{id}`) and the contexts of the hooks
 * MediAssist answers: `patient-view`, `order-select`, `order-sign`, `encounter-start`. The envelope
 * is validated here; prefetched FHIR resources stay `unknown` until the service reads the coded
 * elements it needs. Patient and encounter ids must be FHIR ids, so they are safe in FHIR queries.
 */
import { z } from 'zod';

/** A FHIR logical id (`[A-Za-z0-9\-\.]{1,64}`). */
export const FhirIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/);

/** The OAuth 2.0 bearer token the CDS client grants for its FHIR server. Never logged or stored. */
export const FhirAuthorizationSchema = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
  subject: z.string().optional(),
});
export type FhirAuthorization = z.infer<typeof FhirAuthorizationSchema>;

export const CdsHookRequestSchema = z
  .object({
    hook: z.string().min(1).max(100),
    /** A UUID per hook invocation. */
    hookInstance: z.string().min(1).max(128),
    fhirServer: z.url({ protocol: /^https?$/ }).optional(),
    fhirAuthorization: FhirAuthorizationSchema.optional(),
    /** Hook-specific; checked against the hook's context schema by the service. */
    context: z.record(z.string(), z.unknown()),
    /** Prefetch key → FHIR resource or searchset Bundle; `null` when the client found no data. */
    prefetch: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((r) => r.fhirAuthorization === undefined || r.fhirServer !== undefined, {
    message: 'fhirServer is required with fhirAuthorization',
    path: ['fhirServer'],
  })
  .meta({ id: 'CdsHookRequest' });
export type CdsHookRequest = z.infer<typeof CdsHookRequestSchema>;

const UserIdSchema = z.string().min(1).max(256);

export const PatientViewContextSchema = z.looseObject({
  userId: UserIdSchema,
  patientId: FhirIdSchema,
  encounterId: FhirIdSchema.optional(),
});
export type PatientViewContext = z.infer<typeof PatientViewContextSchema>;

/** A FHIR R4 Bundle of draft orders (MedicationRequest, ServiceRequest, …). */
export const DraftOrdersSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(z.looseObject({ resource: z.looseObject({ resourceType: z.string() }).optional() }))
    .max(200)
    .optional(),
});

export const OrderSignContextSchema = z.looseObject({
  userId: UserIdSchema,
  patientId: FhirIdSchema,
  encounterId: FhirIdSchema.optional(),
  draftOrders: DraftOrdersSchema,
});
export type OrderSignContext = z.infer<typeof OrderSignContextSchema>;

export const OrderSelectContextSchema = OrderSignContextSchema.extend({
  /** The newly selected orders, as references into `draftOrders` (`MedicationRequest/103`). */
  selections: z.array(z.string().min(1).max(256)).min(1).max(200),
});
export type OrderSelectContext = z.infer<typeof OrderSelectContextSchema>;

export const EncounterStartContextSchema = z.looseObject({
  userId: UserIdSchema,
  patientId: FhirIdSchema,
  encounterId: FhirIdSchema,
});
export type EncounterStartContext = z.infer<typeof EncounterStartContextSchema>;
