/**
 * Measured vitals → the knowledge base's threshold findings: a finding defined as `8310-5 > 38 Cel`
 * is present at 38.6 Cel (or 101.5 [degF]) and absent at 36.9, so a measurement means the same as
 * the finding's name. The cut-off is the one for the patient's age (`threshold.byAge`, children's
 * bands; the adult value when the age is unknown, as in the text extractor). Units are compared in
 * UCUM after a few exact conversions; a measurement the KB has no threshold for, or in a unit it
 * cannot compare, is reported as unresolved.
 */
import type { AssistVital } from '@mediassist/shared/api';
import { meetsThreshold, type Finding } from '@mediassist/shared/kb';

/** LOINC codes recorded for the same quantity (US Core pulse oximetry carries both). */
const SAME_QUANTITY: Readonly<Record<string, string>> = { '59408-5': '2708-6' };

/** Unit conversions into the KB's units: `from → to → convert`. */
const CONVERSIONS: Readonly<Record<string, Readonly<Record<string, (v: number) => number>>>> = {
  '[degF]': { Cel: (v) => ((v - 32) * 5) / 9 },
  '[lb_av]': { kg: (v) => v * 0.45359237 },
  '[in_i]': { cm: (v) => v * 2.54 },
};

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  cel: 'Cel',
  '/min': '/min',
  '{beats}/min': '/min',
  '{breaths}/min': '/min',
  'mm[hg]': 'mm[Hg]',
  '[degf]': '[degF]',
};

const canonical = (unit: string): string => UNIT_ALIASES[unit.toLowerCase()] ?? unit;

export interface VitalFindings {
  present: string[];
  absent: string[];
  unresolved: { path: string; issue: string }[];
}

function inUnit(vital: AssistVital, unit: string): number | undefined {
  const from = canonical(vital.unit);
  const to = canonical(unit);
  return from === to ? vital.value : CONVERSIONS[from]?.[to]?.(vital.value);
}

/** Reads measured vitals, at the patient's age in years when known (fractions for infants). */
export type ReadVitalFindings = (
  vitals: readonly AssistVital[],
  ageYears?: number,
) => VitalFindings;

/** Builds the LOINC → threshold findings index once per knowledge base. */
export function createVitalFindings(findings: readonly Finding[]): ReadVitalFindings {
  const byLoinc = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.threshold) {
      const list = byLoinc.get(finding.threshold.loinc) ?? [];
      list.push(finding);
      byLoinc.set(finding.threshold.loinc, list);
    }
  }
  return (vitals, ageYears) => {
    const result: VitalFindings = { present: [], absent: [], unresolved: [] };
    vitals.forEach((vital, i) => {
      const path = `vitals.${String(i)}`;
      const candidates = byLoinc.get(SAME_QUANTITY[vital.loinc] ?? vital.loinc);
      if (!candidates) {
        result.unresolved.push({ path, issue: 'no_threshold_finding' });
        return;
      }
      let compared = false;
      for (const finding of candidates) {
        const threshold = finding.threshold;
        const value = threshold ? inUnit(vital, threshold.unit) : undefined;
        if (threshold && value !== undefined) {
          compared = true;
          const met = meetsThreshold({ value, threshold, ageYears });
          (met ? result.present : result.absent).push(finding.id);
        }
      }
      if (!compared) {
        result.unresolved.push({ path, issue: 'unit_not_comparable' });
      }
    });
    return result;
  };
}
