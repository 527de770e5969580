/**
 * How the note's vital signs were judged (`summary.vitalCutOffs`), as the review panel says it: which
 * cut-offs (children's for the age, adult, or adult because the age is unknown), where the age came
 * from, and the service's own note. Unknown age is a warning: a child's raised rate may be missed.
 */
import type { ClinicalSummary } from '../consultation/summary-types.js';

export type VitalCutOffs = NonNullable<ClinicalSummary['vitalCutOffs']>;

export interface VitalCutOffsView {
  title: string;
  detail: string;
  /** True when adult cut-offs were used only because the age is unknown. */
  warn: boolean;
}

/** `6 months`, `18 months`, `1 year`… under 2 years in months; whole years from 2. */
export function formatAgeYears(years: number): string {
  if (years < 2) {
    const months = Math.floor(years * 12);
    return months === 1 ? '1 month' : `${String(months)} months`;
  }
  return `${String(Math.floor(years))} years`;
}

export function vitalCutOffsView(c: VitalCutOffs): VitalCutOffsView {
  const from =
    c.ageFrom === 'note'
      ? `Age as the note states it (“${c.stated?.text ?? ''}”).`
      : c.ageFrom === 'request'
        ? 'Age from the patient record.'
        : '';
  const detail = [from, c.note].filter((part) => part !== '').join(' ');
  const age = c.ageYears === null ? null : formatAgeYears(c.ageYears);
  switch (c.basis) {
    case 'age-specific':
      return { title: `Children’s vital-sign cut-offs, age ${age ?? '?'}`, detail, warn: false };
    case 'adult':
      return { title: `Adult vital-sign cut-offs, age ${age ?? '?'}`, detail, warn: false };
    case 'adult-age-unknown':
      return { title: 'Adult vital-sign cut-offs: age unknown', detail, warn: true };
    default:
      return c.basis satisfies never;
  }
}
