/** Branded identifiers. A `PatientId` is always the pseudonym; a source id never leaves the edge. */
import { z } from 'zod';

/** Pseudonymous patient id: `pt_` + 32 hex chars (keyed HMAC of the source id). Safe to log. */
export const PatientIdSchema = z
  .string()
  .regex(/^pt_[0-9a-f]{32}$/)
  .brand<'PatientId'>();
export type PatientId = z.infer<typeof PatientIdSchema>;

/** The EHR's own patient id (an MRN or FHIR id). Identifying: never logged, stored or enqueued. */
export const SourcePatientIdSchema = z.string().min(1).max(128).brand<'SourcePatientId'>();
export type SourcePatientId = z.infer<typeof SourcePatientIdSchema>;

/** Pseudonymous encounter id: `en_` + 32 hex chars. */
export const EncounterIdSchema = z
  .string()
  .regex(/^en_[0-9a-f]{32}$/)
  .brand<'EncounterId'>();
export type EncounterId = z.infer<typeof EncounterIdSchema>;

/** Event id chosen by the producer (UUID); the idempotency key of the nearline tier. */
export const EventIdSchema = z.uuid().brand<'EventId'>();
export type EventId = z.infer<typeof EventIdSchema>;

export function parsePatientId(value: string): PatientId {
  return PatientIdSchema.parse(value);
}

export function isPatientId(value: string): value is PatientId {
  return PatientIdSchema.safeParse(value).success;
}
