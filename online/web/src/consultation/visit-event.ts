/**
 * The structured note, as the doctor kept it, turned into a coded visit event
 * (`POST /api/v1/events/visit`): findings the patient has or denies, conditions (those in the
 * assessment as the encounter's diagnoses, others on the problem list), measured vitals, medications
 * started or stopped, and tests done at the visit (plan items the note says were done). Only codes travel; the note text never leaves the
 * screen except to be summarised.
 */
import type { VisitEventInput } from '@mediassist/shared/events';
import type { ClinicalSummary } from './summary-types.js';

/** Which extracted items the doctor kept (by their index in each list of the summary). */
export interface KeptItems {
  findings: ReadonlySet<number>;
  conditions: ReadonlySet<number>;
  assessment: ReadonlySet<number>;
  vitals: ReadonlySet<number>;
  medications: ReadonlySet<number>;
  /** Finding index → the doctor's correction of present/absent. */
  findingStatus: ReadonlyMap<number, 'present' | 'absent'>;
}

export interface VisitEventOptions {
  eventId: string;
  patientId: string;
  encounterId: string;
  occurredAt: Date;
  summary: ClinicalSummary;
  kept: KeptItems;
}

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

/** Patient findings stated present or absent, with the doctor's corrections. */
export function patientFindingStatus(
  summary: ClinicalSummary,
  kept: KeptItems,
): { id: string; display: string; status: 'present' | 'absent' }[] {
  return summary.findings.flatMap((f, i) => {
    if (!kept.findings.has(i) || f.experiencer !== 'patient') {
      return [];
    }
    const status =
      kept.findingStatus.get(i) ??
      (f.assertion === 'present' ? 'present' : f.assertion === 'absent' ? 'absent' : null);
    return status ? [{ id: f.findingId, display: f.display, status }] : [];
  });
}

function unique<TItem>(items: readonly TItem[]): TItem[] {
  return [...new Set(items)];
}

export function buildVisitEvent(options: VisitEventOptions): VisitEventInput {
  const { summary, kept } = options;
  const at = options.occurredAt.toISOString();
  const findings = patientFindingStatus(summary, kept);
  const present = unique(findings.filter((f) => f.status === 'present').map((f) => f.id));
  const absent = unique(findings.filter((f) => f.status === 'absent').map((f) => f.id));
  const stated = (list: ClinicalSummary['conditions'], keep: ReadonlySet<number>) =>
    unique(
      list.flatMap((c, i) =>
        keep.has(i) && c.assertion === 'present' && c.experiencer === 'patient'
          ? [c.conditionId]
          : [],
      ),
    );
  const assessed = stated(summary.assessment, kept.assessment);
  const diagnoses = [
    ...assessed.map((conditionId) => ({ conditionId, category: 'encounter-diagnosis' as const })),
    ...stated(summary.conditions, kept.conditions)
      .filter((id) => !assessed.includes(id))
      .map((conditionId) => ({ conditionId, category: 'problem-list-item' as const })),
  ];
  const observations = summary.vitals.flatMap((v, i) => {
    if (!kept.vitals.has(i)) {
      return [];
    }
    return v.kind === 'blood-pressure'
      ? [
          { loinc: SYSTOLIC, value: v.systolic, unit: v.unit, at },
          { loinc: DIASTOLIC, value: v.diastolic, unit: v.unit, at },
        ]
      : [{ loinc: v.loinc, value: v.value, unit: v.unit, at }];
  });
  const keptMeds = summary.medications.filter((_, i) => kept.medications.has(i));
  const stopped = unique(keptMeds.filter((m) => m.status === 'stopped').map((m) => m.rxcui));
  const started = unique(keptMeds.filter((m) => m.status === 'started').map((m) => m.rxcui)).filter(
    (rxcui) => !stopped.includes(rxcui),
  );
  const tests = unique(
    summary.plan.flatMap((p) => (p.kind === 'test' && p.status === 'completed' ? [p.testId] : [])),
  );
  return {
    eventId: options.eventId,
    patient: { pseudonym: options.patientId },
    encounter: { pseudonym: options.encounterId },
    occurredAt: at,
    findings: { present, absent: absent.filter((id) => !present.includes(id)) },
    diagnoses,
    observations,
    medications: { started, stopped },
    tests,
  };
}

/** Everything kept by default: what the extractor read about the patient. */
export function keepAll(summary: ClinicalSummary): KeptItems {
  const all = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
  return {
    findings: all(summary.findings.length),
    conditions: all(summary.conditions.length),
    assessment: all(summary.assessment.length),
    vitals: all(summary.vitals.length),
    medications: all(summary.medications.length),
    findingStatus: new Map(),
  };
}
