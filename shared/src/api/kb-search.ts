/** Knowledge-base typeahead and version: `GET /api/v1/kb/search`, `GET /api/v1/kb/version`. */
import { z } from 'zod';
import { DRUG_SYNONYM_KINDS } from '../kb/schema.js';

export const KB_ENTRY_TYPES = ['finding', 'condition', 'drug'] as const;
export const KbEntryTypeSchema = z.enum(KB_ENTRY_TYPES);
export type KbEntryType = z.infer<typeof KbEntryTypeSchema>;

/** Which name of the entry matched the query. */
export const KB_MATCH_FIELDS = ['display', 'synonym', 'lay-term', 'brand'] as const;

export const KbSearchQuerySchema = z.object({
  /** What the user typed: matched as a prefix or substring of names, synonyms, lay terms, brands. */
  q: z.string().trim().min(1).max(100),
  /** Restrict to one kind of entry; all kinds when omitted. */
  type: KbEntryTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type KbSearchQuery = z.infer<typeof KbSearchQuerySchema>;

export const KbSearchHitSchema = z
  .object({
    type: KbEntryTypeSchema,
    /** KB id: a slug for findings and conditions, the ingredient RxCUI for drugs. */
    id: z.string(),
    display: z.string(),
    /** The name that matched (the display name, a synonym, a lay term or a brand). */
    matched: z.string(),
    field: z.enum(KB_MATCH_FIELDS),
    /**
     * A drug found by one of its synonyms (since KB 0.5.1): the kind of name that matched, e.g.
     * `international` for paracetamol → acetaminophen, `compound` for co-amoxiclav (one hit per
     * ingredient). Absent for every other match.
     */
    synonymKind: z.enum(DRUG_SYNONYM_KINDS).optional(),
    /** The entry's preferred code (SNOMED CT/UMLS for findings, ICD-10-CM for conditions, RxNorm for drugs). */
    code: z.object({ system: z.string(), code: z.string() }),
  })
  .meta({ id: 'KbSearchHit' });
export type KbSearchHit = z.infer<typeof KbSearchHitSchema>;

export const KbSearchResponseSchema = z
  .object({
    kbVersion: z.string(),
    /** Best first: exact, then prefix, then word-prefix, then substring matches. */
    results: z.array(KbSearchHitSchema),
  })
  .meta({ id: 'KbSearchResponse' });
export type KbSearchResponse = z.infer<typeof KbSearchResponseSchema>;

export const KbVersionResponseSchema = z
  .object({
    version: z.string(),
    released: z.string(),
    description: z.string(),
    counts: z.object({
      conditions: z.number().int(),
      findings: z.number().int(),
      drugs: z.number().int(),
      interactions: z.number().int(),
      guidelineRules: z.number().int(),
      preventiveServices: z.number().int(),
      sources: z.number().int(),
    }),
  })
  .meta({ id: 'KbVersionResponse' });
export type KbVersionResponse = z.infer<typeof KbVersionResponseSchema>;
