/** Building blocks for view value schemas: code formats and bounded lists, so values stay small and clean. */
import { z } from 'zod';

/** Knowledge-base ids are kebab-case slugs, e.g. `community-acquired-pneumonia`. */
export const kbId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

/** ICD-10-CM with its dot, e.g. `J18.9`. */
export const icd10Code = z.string().regex(/^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/);

/** RxNorm concept unique identifier, e.g. `29046`. */
export const rxcui = z.string().regex(/^\d{1,8}$/);

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
