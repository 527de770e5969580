/**
 * What a note should yield, from the same source's coded facts. Two rules:
 * - `generated` (facts known; the generator writes the note from the encounter's resources): the
 *   encounter's finding Observations, plus the vital-sign findings its measured vitals imply by the
 *   KB's thresholds at the patient's age (a note saying "T 38.6" documents fever; a heart rate of
 *   130 is tachycardia at 30 but not at 3: `meetsThreshold`, the extractor's rule); its encounter
 *   diagnoses; the prescriptions written at it plus the patient's active ones started on an earlier
 *   day; the patient's allergies.
 * - `synthea` (no findings recorded): what is coded for the patient as of the note's time, the way
 *   Synthea's note template selects it — the past (ended) conditions its "history of" line lists,
 *   prescriptions by authoring date, allergies by recorded date. Synthea writes "No Known Allergies."
 *   in notes of patients with recorded allergies, so allergy recall is not meaningful there.
 */
import { meetsThreshold, type KnowledgeBase } from '@mediassist/shared/kb';
import { notAfter, type NoteRecord, type PatientRecord } from './clinical-record.js';

export const TRUTH_RULES = ['generated', 'synthea'] as const;
export type TruthRule = (typeof TRUTH_RULES)[number];

/**
 * Kinds whose recall a rule cannot measure: Synthea's notes say "No Known Allergies." for patients
 * with recorded allergies, so only the precision of the allergies a note does list is scored.
 */
export const PRECISION_ONLY: Readonly<Record<TruthRule, readonly string[]>> = {
  generated: [],
  synthea: ['allergies'],
};

export interface FindingSets {
  present: ReadonlySet<string>;
  absent: ReadonlySet<string>;
}

export interface NoteTruth {
  /** Documented findings plus vitals-implied ones; undefined when the source records no findings. */
  findings: FindingSets | undefined;
  /** The finding Observations alone (what the note states in words). */
  documentedFindings: FindingSets | undefined;
  conditions: ReadonlySet<string>;
  medications: ReadonlySet<string>;
  allergies: ReadonlySet<string>;
}

const sameUnit = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function generatedFindings(options: {
  kb: KnowledgeBase;
  record: PatientRecord;
  note: NoteRecord;
}): { findings: FindingSets; documented: FindingSets } {
  const { kb, record, note } = options;
  const { encounter, ageYears } = note;
  const status = new Map<string, boolean>();
  for (const f of record.findings) {
    if (f.encounter === encounter) {
      status.set(f.findingId, (status.get(f.findingId) ?? false) || f.present);
    }
  }
  const documented = split(status);
  const implied = new Map<string, boolean>();
  for (const m of record.measurements) {
    if (m.encounter !== encounter) {
      continue;
    }
    for (const finding of kb.findings) {
      const t = finding.threshold;
      if (finding.kind === 'vital' && t?.loinc === m.loinc && sameUnit(t.unit, m.unit)) {
        const meets = meetsThreshold({ value: m.value, threshold: t, ageYears });
        implied.set(finding.id, (implied.get(finding.id) ?? false) || meets);
      }
    }
  }
  // What the encounter documents in words wins over what its values imply.
  for (const [id, present] of implied) {
    if (!status.has(id)) {
      status.set(id, present);
    }
  }
  return { findings: split(status), documented };
}

function split(status: ReadonlyMap<string, boolean>): FindingSets {
  const present = new Set<string>();
  const absent = new Set<string>();
  for (const [id, isPresent] of status) {
    (isPresent ? present : absent).add(id);
  }
  return { present, absent };
}

export function noteTruth(options: {
  rule: TruthRule;
  note: NoteRecord;
  record: PatientRecord;
  kb: KnowledgeBase;
}): NoteTruth {
  const { rule, note, record, kb } = options;
  switch (rule) {
    case 'generated': {
      const { findings, documented } = generatedFindings({ kb, record, note });
      return {
        findings,
        documentedFindings: documented,
        conditions: new Set(
          record.conditions
            .filter((c) => c.encounter === note.encounter && c.category === 'encounter-diagnosis')
            .map((c) => c.conditionId),
        ),
        medications: new Set(
          record.medications
            .filter(
              (m) =>
                m.encounter === note.encounter ||
                (m.status === 'active' && m.authored !== undefined && m.authored.day < note.at.day),
            )
            .map((m) => m.rxcui),
        ),
        allergies: new Set(record.allergies.map((a) => a.key)),
      };
    }
    case 'synthea':
      return {
        findings: undefined,
        documentedFindings: undefined,
        conditions: new Set(
          record.conditions
            .filter((c) => c.ended && c.at !== undefined && notAfter(c.at, note.at))
            .map((c) => c.conditionId),
        ),
        medications: new Set(
          record.medications
            .filter((m) => m.authored !== undefined && notAfter(m.authored, note.at))
            .map((m) => m.rxcui),
        ),
        allergies: new Set(
          record.allergies
            .filter((a) => a.recorded === undefined || notAfter(a.recorded, note.at))
            .map((a) => a.key),
        ),
      };
    default:
      return rule satisfies never;
  }
}
