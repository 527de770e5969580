/** A coded event → the JSON row staged for its lake table (snake_case, epoch ms; see lake-sql.ts). */
import type { EventEnvelope } from '@mediassist/shared/events';
import type { LakeTable } from './lake-layout.js';

export interface LakeRow {
  readonly table: LakeTable;
  /** The event's UTC date: the partition. */
  readonly date: string;
  /** The staged JSON document. */
  readonly payload: string;
}

export function lakeRow(envelope: EventEnvelope): LakeRow {
  const { event, acceptedAtMs } = envelope;
  const date = event.occurredAt.slice(0, 10);
  const header = {
    event_id: event.eventId,
    schema_version: event.schemaVersion,
    patient_id: event.patientId,
    encounter_id: event.encounterId,
    occurred_ms: Date.parse(event.occurredAt),
    accepted_ms: acceptedAtMs,
    event_date: date,
  };
  switch (event.kind) {
    case 'visit':
      return {
        table: 'events',
        date,
        payload: JSON.stringify({
          ...header,
          findings_present: event.findings.present,
          findings_absent: event.findings.absent,
          diagnoses: event.diagnoses.map((d) => ({
            condition_id: d.conditionId,
            icd10: d.icd10,
            snomed: d.snomed,
            category: d.category,
            verification: d.verification,
            clinical_status: d.clinicalStatus,
          })),
          observations: event.observations.map((o) => ({
            loinc: o.loinc,
            value: o.value,
            unit: o.unit,
            at_ms: Date.parse(o.at),
          })),
          medications_started: event.medications.started,
          medications_stopped: event.medications.stopped,
          tests: event.tests,
          unresolved: event.unresolved,
        }),
      };
    case 'feedback': {
      const { feedback } = event;
      const final = feedback.action === 'final-diagnosis' ? feedback : null;
      const suggestion = feedback.action === 'final-diagnosis' ? null : feedback.suggestion;
      return {
        table: 'feedback',
        date,
        payload: JSON.stringify({
          ...header,
          model_version: event.modelVersion,
          action: feedback.action,
          suggestion_kind: suggestion?.kind ?? null,
          suggestion_id: suggestion?.id ?? null,
          reason: feedback.action === 'dismissed' ? feedback.reason : null,
          final_condition_id: final?.conditionId ?? null,
          final_icd10: final?.icd10 ?? null,
        }),
      };
    }
    default:
      return event satisfies never;
  }
}
