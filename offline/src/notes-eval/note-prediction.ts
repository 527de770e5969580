/** What the extractor's summary of a note claims, as the sets the truth is compared with. */
import { findingsOf, type ClinicalSummary, type ConditionMention } from '@mediassist/shared/text';
import { allergyKey } from './fhir-record.js';
import type { FindingSets, TruthRule } from './note-truth.js';

export interface NotePrediction {
  /** The patient's present / absent findings exactly as the assist API receives them. */
  findings: FindingSets;
  /** The same from words only (no vitals-derived findings). */
  documentedFindings: FindingSets;
  conditions: ReadonlySet<string>;
  medications: ReadonlySet<string>;
  allergies: ReadonlySet<string>;
}

const asSets = (f: { present: string[]; absent: string[] }): FindingSets => ({
  present: new Set(f.present),
  absent: new Set(f.absent),
});

const patientConditions = (
  mentions: readonly ConditionMention[],
  assertions: ReadonlySet<string>,
): string[] =>
  mentions
    .filter((c) => c.experiencer === 'patient' && assertions.has(c.assertion))
    .map((c) => c.conditionId);

/**
 * `generated`: conditions are the assessment's (the encounter diagnoses); `synthea`: every condition
 * the note says the patient has or had (its HPI lists the history).
 */
export function notePrediction(summary: ClinicalSummary, rule: TruthRule): NotePrediction {
  const conditions =
    rule === 'generated'
      ? patientConditions(summary.assessment, new Set(['present', 'possible']))
      : patientConditions(
          [...summary.conditions, ...summary.assessment],
          new Set(['present', 'possible', 'historical']),
        );
  return {
    findings: asSets(findingsOf(summary.findings)),
    documentedFindings: asSets(
      findingsOf(summary.findings.filter((f) => f.match !== 'measurement')),
    ),
    conditions: new Set(conditions),
    medications: new Set(
      summary.medications
        .filter((m) => m.status === 'current' || m.status === 'started')
        .map((m) => m.rxcui),
    ),
    allergies: new Set(
      summary.allergies.flatMap((a) =>
        a.kind === 'substance'
          ? [allergyKey({ rxcui: a.substance.rxcui, name: a.substance.name ?? a.substance.text })]
          : [],
      ),
    ),
  };
}
