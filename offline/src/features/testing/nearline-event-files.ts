/**
 * Writes Parquet files shaped like the nearline tier's lake events (`<lake>/events/date=…/part-….parquet`
 * and `<lake>/feedback/…`, schema in docs/lake.md), for feature tests. Coded ids only, no PHI.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { queryLake } from '../../lake/testing/lake-test-kit.js';

export interface TestVisitEvent {
  eventId: string;
  patientId: string;
  encounterId: string;
  occurredAt: string;
  present?: string[];
  absent?: string[];
  diagnoses?: { conditionId: string | null; icd10: string | null; verification?: string }[];
  observations?: { loinc: string; value: number; unit: string; at: string }[];
  started?: string[];
  stopped?: string[];
  tests?: string[];
}

export interface TestFinalDiagnosis {
  eventId: string;
  patientId: string;
  encounterId: string;
  occurredAt: string;
  conditionId: string;
}

async function toParquet(options: {
  json: string;
  columns: string;
  select: string;
  file: string;
}): Promise<void> {
  await mkdir(path.dirname(options.file), { recursive: true });
  const source = `${options.file}.json`;
  await writeFile(source, options.json);
  await queryLake(
    `COPY (SELECT ${options.select} FROM read_json('${source}', format = 'newline_delimited', columns = {${options.columns}})) TO '${options.file}' (FORMAT parquet)`,
  );
  await rm(source);
}

export async function writeVisitEvents(options: {
  lakeDir: string;
  events: readonly TestVisitEvent[];
}): Promise<void> {
  const lines = options.events.map((e) =>
    JSON.stringify({
      event_id: e.eventId,
      schema_version: 1,
      patient_id: e.patientId,
      encounter_id: e.encounterId,
      occurred_ms: Date.parse(e.occurredAt),
      accepted_ms: Date.parse(e.occurredAt) + 1000,
      event_date: e.occurredAt.slice(0, 10),
      findings_present: e.present ?? [],
      findings_absent: e.absent ?? [],
      diagnoses: (e.diagnoses ?? []).map((d) => ({
        condition_id: d.conditionId,
        icd10: d.icd10,
        snomed: null,
        category: 'encounter-diagnosis',
        verification: d.verification ?? 'confirmed',
        clinical_status: 'active',
      })),
      observations: (e.observations ?? []).map((o) => ({
        loinc: o.loinc,
        value: o.value,
        unit: o.unit,
        at_ms: Date.parse(o.at),
      })),
      medications_started: e.started ?? [],
      medications_stopped: e.stopped ?? [],
      tests: e.tests ?? [],
    }),
  );
  const date = options.events[0]?.occurredAt.slice(0, 10) ?? '1970-01-01';
  await toParquet({
    json: `${lines.join('\n')}\n`,
    file: path.join(
      options.lakeDir,
      'events',
      `date=${date}`,
      `part-${String(Date.now())}-test.parquet`,
    ),
    columns: `'event_id': 'VARCHAR', 'schema_version': 'INTEGER', 'patient_id': 'VARCHAR', 'encounter_id': 'VARCHAR', 'occurred_ms': 'BIGINT', 'accepted_ms': 'BIGINT', 'event_date': 'VARCHAR', 'findings_present': 'VARCHAR[]', 'findings_absent': 'VARCHAR[]', 'diagnoses': 'STRUCT(condition_id VARCHAR, icd10 VARCHAR, snomed VARCHAR, category VARCHAR, verification VARCHAR, clinical_status VARCHAR)[]', 'observations': 'STRUCT(loinc VARCHAR, value DOUBLE, unit VARCHAR, at_ms BIGINT)[]', 'medications_started': 'VARCHAR[]', 'medications_stopped': 'VARCHAR[]', 'tests': 'VARCHAR[]'`,
    select: `event_id, schema_version, patient_id, encounter_id, make_timestamptz(occurred_ms * 1000) AS occurred_at, make_timestamptz(accepted_ms * 1000) AS accepted_at, CAST(event_date AS DATE) AS event_date, findings_present, findings_absent, diagnoses, [{'loinc': o.loinc, 'value': o.value, 'unit': o.unit, 'at': make_timestamptz(o.at_ms * 1000)} FOR o IN observations] AS observations, medications_started, medications_stopped, tests`,
  });
}

export async function writeFinalDiagnoses(options: {
  lakeDir: string;
  feedback: readonly TestFinalDiagnosis[];
}): Promise<void> {
  const lines = options.feedback.map((f) =>
    JSON.stringify({
      event_id: f.eventId,
      schema_version: 1,
      patient_id: f.patientId,
      encounter_id: f.encounterId,
      occurred_ms: Date.parse(f.occurredAt),
      accepted_ms: Date.parse(f.occurredAt) + 1000,
      event_date: f.occurredAt.slice(0, 10),
      action: 'final-diagnosis',
      final_condition_id: f.conditionId,
    }),
  );
  const date = options.feedback[0]?.occurredAt.slice(0, 10) ?? '1970-01-01';
  await toParquet({
    json: `${lines.join('\n')}\n`,
    file: path.join(
      options.lakeDir,
      'feedback',
      `date=${date}`,
      `part-${String(Date.now())}-test.parquet`,
    ),
    columns: `'event_id': 'VARCHAR', 'schema_version': 'INTEGER', 'patient_id': 'VARCHAR', 'encounter_id': 'VARCHAR', 'occurred_ms': 'BIGINT', 'accepted_ms': 'BIGINT', 'event_date': 'VARCHAR', 'action': 'VARCHAR', 'final_condition_id': 'VARCHAR'`,
    select: `event_id, schema_version, patient_id, encounter_id, make_timestamptz(occurred_ms * 1000) AS occurred_at, make_timestamptz(accepted_ms * 1000) AS accepted_at, CAST(event_date AS DATE) AS event_date, NULL::VARCHAR AS model_version, action, NULL::VARCHAR AS suggestion_kind, NULL::VARCHAR AS suggestion_id, NULL::VARCHAR AS reason, final_condition_id, NULL::VARCHAR AS final_icd10`,
  });
}
