/** How callers name a drug for interaction checking: an RxCUI (any level) or a generic/brand name. */
import { z } from 'zod';

/**
 * An all-digit string is an RxCUI (ingredient, clinical drug or branded drug); anything else is a
 * generic or brand name, matched case-insensitively (strength and dose-form words are ignored).
 */
export const DrugRefSchema = z.string().trim().min(1).max(200);
export type DrugRef = z.infer<typeof DrugRefSchema>;

export function isRxcui(ref: DrugRef): boolean {
  return /^\d+$/.test(ref.trim());
}
