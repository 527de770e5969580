/**
 * Findings implied by measured vital signs through the KB's thresholds (e.g. a finding defined as
 * body temperature > 38.0 Cel is present at `T 38.6`, absent at `T 36.9`), so "T 38.6" and "fever"
 * mean the same to the assist API. Children's cut-offs (`threshold.byAge`) apply when the age is known.
 */
import { meetsThreshold, type KnowledgeBase } from '../kb/index.js';
import { VITAL_LOINC } from './vitals.js';
import type { FindingMention, SectionKind, VitalSign } from './summary-schema.js';

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  cel: 'Cel',
  '°c': 'Cel',
  c: 'Cel',
  'mm[hg]': 'mm[Hg]',
  mmhg: 'mm[Hg]',
  '/min': '/min',
  bpm: '/min',
  '{beats}/min': '/min',
  '{breaths}/min': '/min',
  '%': '%',
  kg: 'kg',
  cm: 'cm',
  'kg/m2': 'kg/m2',
};

/**
 * A vital's LOINC that also measures another code a KB threshold may use: pulse oximetry (59408-5)
 * is an arterial oxygen saturation (2708-6), and US Core's oxygen-saturation profile codes both.
 */
const ALSO_MEASURES: Readonly<Record<string, readonly string[]>> = { '59408-5': ['2708-6'] };

const canonicalUnit = (unit: string): string => UNIT_ALIASES[unit.toLowerCase()] ?? unit;

function valuesFor(vital: VitalSign, loinc: string): { value: number; unit: string } | undefined {
  if (vital.kind === 'blood-pressure') {
    if (loinc === VITAL_LOINC.systolic) {
      return { value: vital.systolic, unit: vital.unit };
    }
    return loinc === VITAL_LOINC.diastolic
      ? { value: vital.diastolic, unit: vital.unit }
      : undefined;
  }
  const same = vital.loinc === loinc || (ALSO_MEASURES[vital.loinc] ?? []).includes(loinc);
  return same ? { value: vital.value, unit: vital.unit } : undefined;
}

export function measuredFindings(options: {
  kb: KnowledgeBase;
  vitals: readonly VitalSign[];
  sectionOf: (offset: number) => SectionKind;
  /** The patient's age in years, for children's cut-offs (`threshold.byAge`); adult cut-offs without it. */
  ageYears?: number;
}): FindingMention[] {
  const { kb, vitals, sectionOf, ageYears } = options;
  const out: FindingMention[] = [];
  for (const finding of kb.findings) {
    const threshold = finding.threshold;
    if (!threshold) {
      continue;
    }
    for (const vital of vitals) {
      const measured = valuesFor(vital, threshold.loinc);
      if (!measured || canonicalUnit(measured.unit) !== canonicalUnit(threshold.unit)) {
        continue;
      }
      out.push({
        findingId: finding.id,
        display: finding.display,
        code: finding.code,
        assertion: meetsThreshold({ value: measured.value, threshold, ageYears })
          ? 'present'
          : 'absent',
        experiencer: 'patient',
        section: sectionOf(vital.span.start),
        match: 'measurement',
        span: vital.span,
        text: vital.text,
      });
    }
  }
  return out;
}
