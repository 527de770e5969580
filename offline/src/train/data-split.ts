/**
 * Which examples train, validate and test a model. Patients are held out by a hash of their
 * pseudonym (stable across runs, so a held-out patient is never trained on by any version), and
 * every visit on or after `cutoff` (the last months) is held out too:
 *   bucket < testShare                      → test (held-out patients, all dates)
 *   visit ≥ cutoff                          → test (later time window)
 *   bucket < testShare + validationShare    → validation (early stopping, calibration)
 *   otherwise                               → train
 * The bucket is SHA-256(`SPLIT_SALT:` + pseudonym)'s first 32 bits / 2^32, computed identically in
 * TypeScript (`patientBucket`) and DuckDB (`patientBucketSql`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const SPLIT_SALT = 'mediassist-split-v1';

export const SplitSpecSchema = z.object({
  testShare: z.number().min(0).max(0.5),
  validationShare: z.number().min(0).max(0.5),
  /** ISO date: visits on or after it are test examples. */
  cutoff: z.iso.date(),
});
export type SplitSpec = z.infer<typeof SplitSpecSchema>;

export type SplitPart = 'train' | 'validation' | 'test';

export const DEFAULT_TEST_SHARE = 0.1;
export const DEFAULT_VALIDATION_SHARE = 0.1;
export const DEFAULT_TEST_MONTHS = 6;

export function patientBucket(patientId: string): number {
  return (
    createHash('sha256').update(`${SPLIT_SALT}:${patientId}`).digest().readUInt32BE(0) /
    0x1_0000_0000
  );
}

/** The same bucket as a DuckDB expression over a VARCHAR column. */
export function patientBucketSql(column: string): string {
  return `(('0x' || left(sha256('${SPLIT_SALT}:' || ${column}), 8))::UBIGINT / 4294967296.0)`;
}

export function splitOf(
  spec: SplitSpec,
  example: { patientId: string; visitDate: string },
): SplitPart {
  const bucket = patientBucket(example.patientId);
  if (bucket < spec.testShare || example.visitDate >= spec.cutoff) {
    return 'test';
  }
  return bucket < spec.testShare + spec.validationShare ? 'validation' : 'train';
}

/** The split as a DuckDB CASE expression (same rule as `splitOf`). */
export function splitSql(
  spec: SplitSpec,
  columns: { patientId: string; visitDate: string },
): string {
  const bucket = patientBucketSql(columns.patientId);
  return `(CASE WHEN ${bucket} < ${String(spec.testShare)} OR ${columns.visitDate} >= DATE '${spec.cutoff}' THEN 'test' WHEN ${bucket} < ${String(spec.testShare + spec.validationShare)} THEN 'validation' ELSE 'train' END)`;
}

/** The cutoff `months` before the last visit (same day of month, clamped), as an ISO date. */
export function cutoffBefore(lastVisit: string, months: number): string {
  const date = new Date(`${lastVisit}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
