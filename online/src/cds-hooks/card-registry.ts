/**
 * Issued cards, remembered for the feedback window: the CDS Hooks feedback call names only a card
 * uuid and suggestion uuids, so the patient (pseudonym), encounter, service, model version and the
 * knowledge-base suggestion behind each are kept here. Redis in production, memory for tests.
 */
import { SUGGESTION_KINDS } from '@mediassist/shared/events';
import { EncounterIdSchema, PatientIdSchema } from '@mediassist/shared/ids';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { CDS_SERVICE_IDS } from './service-catalog.js';

const RefSchema = z.object({ kind: z.enum(SUGGESTION_KINDS), id: z.string().min(1).max(80) });

export const CardRecordSchema = z.object({
  card: z.uuid(),
  service: z.enum(CDS_SERVICE_IDS),
  patientId: PatientIdSchema,
  encounterId: EncounterIdSchema,
  modelVersion: z.string().max(64).nullable(),
  refs: z.array(RefSchema),
  /** Suggestion uuid → what accepting it is feedback about. */
  suggestions: z.record(z.string(), z.array(RefSchema)),
});
export type CardRecord = z.infer<typeof CardRecordSchema>;

export interface CardRegistry {
  remember(records: readonly CardRecord[]): Promise<void>;
  /** One entry per uuid, in order; undefined for cards never issued or expired. */
  lookup(uuids: readonly string[]): Promise<(CardRecord | undefined)[]>;
}

/** How long feedback on a card is accepted by default. */
export const DEFAULT_CARD_TTL_MS = 14 * 24 * 3_600_000;

export function createMemoryCardRegistry(options: { clock: Clock; ttlMs?: number }): CardRegistry {
  const { clock } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_CARD_TTL_MS;
  const cards = new Map<string, { record: CardRecord; expiresAt: number }>();
  return {
    remember(records) {
      const expiresAt = clock.now() + ttlMs;
      for (const record of records) {
        cards.set(record.card, { record, expiresAt });
      }
      return Promise.resolve();
    },
    lookup(uuids) {
      const now = clock.now();
      return Promise.resolve(
        uuids.map((uuid) => {
          const entry = cards.get(uuid);
          return entry && entry.expiresAt > now ? entry.record : undefined;
        }),
      );
    },
  };
}
