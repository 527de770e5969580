/** Keyed pseudonyms (HMAC-SHA-256): the same source id and key always give the same id; no key, no way back. */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { EncounterId, PatientId } from './ids.js';

/** The pseudonymisation secret: at least 32 characters, from the environment, never logged. */
export const PseudonymKeySchema = z.string().min(32).brand<'PseudonymKey'>();
export type PseudonymKey = z.infer<typeof PseudonymKeySchema>;

function keyedHash(key: PseudonymKey, domain: string, value: string): string {
  return createHmac('sha256', key).update(`${domain}\u0000${value}`).digest('hex').slice(0, 32);
}

export function pseudonymizePatientId(sourceId: string, key: PseudonymKey): PatientId {
  return `pt_${keyedHash(key, 'patient', sourceId)}` as PatientId;
}

export function pseudonymizeEncounterId(sourceId: string, key: PseudonymKey): EncounterId {
  return `en_${keyedHash(key, 'encounter', sourceId)}` as EncounterId;
}

/** A stable per-patient offset in days (−182…+182) for shifting dates consistently during de-identification. */
export function dateShiftDays(patientId: PatientId, key: PseudonymKey): number {
  const n = Number.parseInt(keyedHash(key, 'date-shift', patientId).slice(0, 8), 16);
  return (n % 365) - 182;
}
