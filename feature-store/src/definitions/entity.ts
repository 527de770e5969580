/** An entity is what features are keyed by. MediAssist has one: the pseudonymous patient. */
import { PatientIdSchema } from '@mediassist/shared/ids';
import type { z } from 'zod';

export interface Entity<TKey extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  /** Validates a key at the edge (every key is a pseudonym, never a source id). */
  readonly key: TKey;
}

export function defineEntity<TKey extends z.ZodType>(entity: Entity<TKey>): Entity<TKey> {
  return entity;
}

export const patient = defineEntity({
  name: 'patient',
  description: 'A patient, keyed by the keyed-HMAC pseudonym of the source EHR id.',
  key: PatientIdSchema,
});
