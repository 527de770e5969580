import { describe, expect, it } from 'vitest';
import { buildLatestValuesSql } from './latest-values-sql.js';

const json = { kind: 'json' } as const;
const vector = { kind: 'float32', dimension: 2 } as const;

describe('buildLatestValuesSql', () => {
  it('takes the latest row per view with arg_max and packs id and values into one BLOB', () => {
    const sql = buildLatestValuesSql({
      views: [
        { name: 'demographics', files: ['/l/d/part-1.parquet'], encoding: json },
        { name: 'patient_embedding', files: ['/l/e/part-1.parquet'], encoding: vector },
      ],
    });
    expect(sql.split('\n')).toEqual([
      "WITH f0 AS (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(max(event_timestamp))::DOUBLE AS as_of FROM (SELECT patient_id, event_timestamp, created_at, event_timestamp AS k, encode(value) AS v FROM read_parquet(['/l/d/part-1.parquet'])) GROUP BY patient_id),",
      "f1 AS (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(max(event_timestamp))::DOUBLE AS as_of FROM (SELECT patient_id, event_timestamp, created_at, event_timestamp AS k, value AS v FROM read_parquet(['/l/e/part-1.parquet'])) GROUP BY patient_id)",
      "SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, (encode(patient_id) || coalesce(f0.value, ''::BLOB)) || (coalesce(f1.value, ''::BLOB)) AS payload, coalesce(octet_length(f0.value), -1)::INTEGER AS len_0, f0.as_of AS as_of_0, coalesce(octet_length(f1.value), -1)::INTEGER AS len_1, f1.as_of AS as_of_1",
      'FROM f0 FULL OUTER JOIN f1 USING (patient_id)',
    ]);
  });

  it('orders by event time, then creation time, across several files; filters as of and created after', () => {
    const sql = buildLatestValuesSql({
      views: [
        {
          name: 'medication_list',
          files: ['/a.parquet', '/b.parquet'],
          encoding: json,
          createdAfter: new Date('2026-01-02T00:00:00.000Z'),
        },
      ],
      asOf: new Date('2026-01-03T00:00:00.000Z'),
    });
    expect(sql.split('\n')[0]).toBe(
      "WITH f0 AS (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(struct_extract(max(k), 'e'))::DOUBLE AS as_of FROM (SELECT patient_id, event_timestamp, created_at, {'e': event_timestamp, 'c': created_at} AS k, encode(value) AS v FROM read_parquet(['/a.parquet', '/b.parquet']) WHERE event_timestamp <= TIMESTAMPTZ '2026-01-03T00:00:00.000Z') GROUP BY patient_id HAVING struct_extract(max(k), 'c') > TIMESTAMPTZ '2026-01-02T00:00:00.000Z')",
    );
  });
});
