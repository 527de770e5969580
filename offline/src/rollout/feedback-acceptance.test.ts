import { describe, expect, it } from 'vitest';
import { buildAcceptanceSql } from './feedback-acceptance.js';

describe('buildAcceptanceSql', () => {
  it('counts accepted and dismissed suggestions per model version since a time', () => {
    expect(
      buildAcceptanceSql({
        files: ['/l/feedback/a.parquet', "/l/o'b.parquet"],
        sinceMs: 1700000000123,
      }),
    ).toBe(
      "SELECT model_version, count(*) FILTER (WHERE action = 'accepted') AS accepted, count(*) FILTER (WHERE action = 'dismissed') AS dismissed FROM read_parquet(['/l/feedback/a.parquet', '/l/o''b.parquet'], hive_partitioning = false, union_by_name = true) WHERE model_version IS NOT NULL AND occurred_at >= make_timestamptz(1700000000123 * 1000) GROUP BY model_version ORDER BY model_version",
    );
  });
});
