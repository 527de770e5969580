/** Building blocks for view value schemas: code formats and bounded lists, so values stay small and clean. */
import { z } from 'zod';

/** The formats below as patterns, shared with the hand-written read checks (`value-checks.ts`). */
export const KB_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KB_ID_MAX_LENGTH = 80;
export const ICD10_PATTERN = /^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/;
export const RXCUI_PATTERN = /^\d{1,8}$/;
/** zod's own `YYYY-MM-DD` pattern (what `z.iso.date()` checks), so both accept the same dates. */
export const ISO_DATE_PATTERN = z.regexes.date;

/** Knowledge-base ids are kebab-case slugs, e.g. `community-acquired-pneumonia`. */
export const kbId = z.string().regex(KB_ID_PATTERN).max(KB_ID_MAX_LENGTH);

/** ICD-10-CM with its dot, e.g. `J18.9`. */
export const icd10Code = z.string().regex(ICD10_PATTERN);

/** RxNorm concept unique identifier, e.g. `29046`. */
export const rxcui = z.string().regex(RXCUI_PATTERN);

/** LOINC code with its check digit, e.g. `4548-4`. */
export const loincCode = z.string().regex(/^\d{1,7}-\d$/);

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A calendar date or an instant with an explicit offset. */
export const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A list without duplicates and with a cap, so one runaway producer cannot bloat every read. */
export function idList<TItem extends z.ZodType<string>>(item: TItem, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, { message: 'duplicate ids' });
}
