/**
 * CDS Hooks 2.0 service response (`{ cards, systemActions? }`) as the specification shapes it
 * (https://cds-hooks.hl7.org, "CDS Service Response"): cards with a summary under 140 characters,
 * Markdown detail, an indicator, a source, suggestions with FHIR actions, override reasons and links.
 * Optional members are omitted rather than null or empty, as the specification requires.
 */
import { z } from 'zod';

/** Urgency of a card, least urgent first. */
export const CDS_INDICATORS = ['info', 'warning', 'critical'] as const;
export type CdsIndicator = (typeof CDS_INDICATORS)[number];

/** The longest card summary the specification allows. */
export const CDS_SUMMARY_MAX = 140;

const httpUrl = z.url({ protocol: /^https?$/ });

/** The specification's trimmed-down FHIR Coding. */
export const CdsCodingSchema = z.object({
  code: z.string().min(1),
  system: z.string().min(1),
  display: z.string().min(1).optional(),
});
export type CdsCoding = z.infer<typeof CdsCodingSchema>;

export const CdsSourceSchema = z.object({
  /** Short label for the source of the guidance (a guideline, an interaction reference). */
  label: z.string().min(1),
  /** Absolute URL about the source (not a drill-down into this card). */
  url: httpUrl.optional(),
  icon: httpUrl.optional(),
  topic: CdsCodingSchema.optional(),
});
export type CdsSource = z.infer<typeof CdsSourceSchema>;

export const CdsActionSchema = z
  .object({
    type: z.enum(['create', 'update', 'delete']),
    description: z.string().min(1),
    /** The FHIR resource to create, or the whole updated resource. */
    resource: z.looseObject({ resourceType: z.string().min(1) }).optional(),
    /** A relative reference (`MedicationRequest/123`), for `delete`. */
    resourceId: z.string().min(1).optional(),
  })
  .refine((a) => (a.type === 'delete' ? a.resourceId !== undefined : a.resource !== undefined), {
    message: 'create and update need a resource; delete needs a resourceId',
  });
export type CdsAction = z.infer<typeof CdsActionSchema>;

export const CdsSuggestionSchema = z.object({
  label: z.string().min(1),
  /** Echoed in `acceptedSuggestions[].id` by the feedback call. */
  uuid: z.uuid().optional(),
  isRecommended: z.boolean().optional(),
  actions: z.array(CdsActionSchema).min(1).optional(),
});
export type CdsSuggestion = z.infer<typeof CdsSuggestionSchema>;

export const CdsLinkSchema = z
  .object({
    label: z.string().min(1),
    url: httpUrl,
    type: z.enum(['absolute', 'smart']),
    appContext: z.string().min(1).optional(),
  })
  .refine((l) => l.type === 'smart' || l.appContext === undefined, {
    message: 'appContext is only valid on smart links',
  });
export type CdsLink = z.infer<typeof CdsLinkSchema>;

export const CdsCardSchema = z
  .object({
    /** Echoed in the feedback call's `card`. */
    uuid: z.uuid().optional(),
    summary: z.string().min(1).max(CDS_SUMMARY_MAX),
    /** GitHub-flavoured Markdown. */
    detail: z.string().min(1).optional(),
    indicator: z.enum(CDS_INDICATORS),
    source: CdsSourceSchema,
    suggestions: z.array(CdsSuggestionSchema).min(1).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    /** Reasons the clinician may pick when overriding; each needs a display. */
    overrideReasons: z
      .array(CdsCodingSchema.extend({ display: z.string().min(1) }))
      .min(1)
      .optional(),
    links: z.array(CdsLinkSchema).min(1).optional(),
  })
  .refine((card) => card.suggestions === undefined || card.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when suggestions are present',
    path: ['selectionBehavior'],
  })
  .meta({ id: 'CdsCard' });
export type CdsCard = z.infer<typeof CdsCardSchema>;

export const CdsServiceResponseSchema = z
  .object({
    /** Empty when there is no decision support for this call. */
    cards: z.array(CdsCardSchema),
    systemActions: z.array(CdsActionSchema).min(1).optional(),
  })
  .meta({ id: 'CdsServiceResponse' });
export type CdsServiceResponse = z.infer<typeof CdsServiceResponseSchema>;
