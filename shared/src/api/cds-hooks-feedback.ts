/**
 * CDS Hooks 2.0 feedback (`POST {baseUrl}/cds-services/{id}/feedback`): per card, `accepted` (with
 * the suggestions taken) or `overridden` (with an optional coded reason). The clinician's free-text
 * `userComment` is not part of the schema, so it is dropped at the edge and never stored.
 */
import { z } from 'zod';
import { CdsCodingSchema } from './cds-hooks-card.js';

export const CDS_FEEDBACK_OUTCOMES = ['accepted', 'overridden'] as const;

export const CdsFeedbackItemSchema = z
  .object({
    /** The `card.uuid` of the response. */
    card: z.string().min(1).max(128),
    outcome: z.enum(CDS_FEEDBACK_OUTCOMES),
    /** `card.suggestions[].uuid` values the user accepted. */
    acceptedSuggestions: z
      .array(z.object({ id: z.string().min(1).max(128) }))
      .max(50)
      .optional(),
    overrideReason: z.object({ reason: CdsCodingSchema.optional() }).optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  })
  .refine((f) => f.outcome === 'overridden' || f.overrideReason === undefined, {
    message: 'overrideReason is only valid with outcome overridden',
    path: ['overrideReason'],
  });
export type CdsFeedbackItem = z.infer<typeof CdsFeedbackItemSchema>;

export const CdsFeedbackRequestSchema = z
  .object({ feedback: z.array(CdsFeedbackItemSchema).min(1).max(100) })
  .meta({ id: 'CdsFeedbackRequest' });
export type CdsFeedbackRequest = z.infer<typeof CdsFeedbackRequestSchema>;

/** MediAssist's answer to feedback: how many outcomes became events, and which cards it did not issue. */
export const CdsFeedbackResponseSchema = z
  .object({
    /** Feedback events queued for the nearline tier (one per card or accepted suggestion target). */
    recorded: z.number().int().nonnegative(),
    /** Card uuids this service did not issue, or whose record has expired. */
    unknownCards: z.array(z.string()),
  })
  .meta({ id: 'CdsFeedbackResponse' });
export type CdsFeedbackResponse = z.infer<typeof CdsFeedbackResponseSchema>;
