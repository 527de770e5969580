/** A job context over a temp MEDIASSIST_HOME for model-pipeline tests, and a dismissal writer. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { OfflineEnvSchema } from '../../config.js';
import type { JobContext, JobResult, OfflineJob } from '../../jobs/job.js';
import {
  noProgress,
  queryLake,
  silentLogger,
  TEST_PSEUDONYM_KEY,
} from '../../lake/testing/lake-test-kit.js';

export function testJobContext(home: string): JobContext {
  return {
    env: OfflineEnvSchema.parse({ MEDIASSIST_HOME: home, PSEUDONYM_KEY: TEST_PSEUDONYM_KEY }),
    logger: silentLogger,
    progress: noProgress,
    signal: new AbortController().signal,
  };
}

/** Runs a job with raw flags, validated by its schema like the CLI does. */
export async function runJob(
  ctx: JobContext,
  job: OfflineJob,
  flags: Record<string, unknown>,
): Promise<JobResult> {
  return job.run(ctx, job.args.parse(flags));
}

/** A clinician's dismissal of a suggested condition as ruled out, as nearline writes it. */
export async function writeRuledOut(options: {
  lakeDir: string;
  dismissals: readonly {
    eventId: string;
    patientId: string;
    encounterId: string;
    occurredAt: string;
    conditionId: string;
  }[];
}): Promise<void> {
  const rows = options.dismissals
    .map(
      (d) =>
        `('${d.eventId}', 1, '${d.patientId}', '${d.encounterId}', TIMESTAMPTZ '${d.occurredAt}', TIMESTAMPTZ '${d.occurredAt}', DATE '${d.occurredAt.slice(0, 10)}', NULL, 'dismissed', 'condition', '${d.conditionId}', 'ruled-out', NULL, NULL)`,
    )
    .join(', ');
  const dir = path.join(options.lakeDir, 'feedback', 'date=2026-01-01');
  await mkdir(dir, { recursive: true });
  await queryLake(
    `COPY (SELECT * FROM (VALUES ${rows}) AS t(event_id, schema_version, patient_id, encounter_id, occurred_at, accepted_at, event_date, model_version, action, suggestion_kind, suggestion_id, reason, final_condition_id, final_icd10)) TO '${path.join(dir, `part-${String(Date.now())}-dismissed.parquet`)}' (FORMAT parquet)`,
  );
}
