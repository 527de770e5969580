import { describe, expect, it } from 'vitest';
import { buildLatestFramedSql } from './framed-latest-sql.js';

const json = { kind: 'json' } as const;
const vector = { kind: 'float32', dimension: 2 } as const;

describe('buildLatestFramedSql', () => {
  it('frames each patient hash in SQL: vector views first, arg_max per view, mask and payload', () => {
    const sql = buildLatestFramedSql({
      views: [
        { name: 'demographics', version: 1, files: ['/l/d/part-1.parquet'], encoding: json },
        { name: 'patient_embedding', version: 2, files: ['/l/e/part-1.parquet'], encoding: vector },
      ],
    });
    // Field names: unhex('12') + 'demographics:value' (18 bytes), … ; the version pair ends 01 32 ("2").
    expect(sql.split('\n')).toEqual([
      "WITH f0 AS (SELECT patient_id, ((unhex('1770617469656e745f656d62656464696e673a76616c7565') || unhex(CASE WHEN octet_length(value) < 64 THEN printf('%02x', octet_length(value)) WHEN octet_length(value) < 16384 THEN printf('%04x', octet_length(value) + 16384) ELSE printf('80%08x', octet_length(value)) END)) || (value || unhex('1770617469656e745f656d62656464696e673a61735f6f66'))) || ((unhex(printf('%02x', length(as_of))) || encode(as_of)) || (unhex('1970617469656e745f656d62656464696e673a76657273696f6e0132'))) AS block FROM (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(max(event_timestamp))::VARCHAR AS as_of FROM (SELECT patient_id, event_timestamp, created_at, event_timestamp AS k, value AS v FROM read_parquet(['/l/e/part-1.parquet'])) GROUP BY patient_id)),",
      "f1 AS (SELECT patient_id, ((unhex('1264656d6f67726170686963733a76616c7565') || unhex(CASE WHEN octet_length(value) < 64 THEN printf('%02x', octet_length(value)) WHEN octet_length(value) < 16384 THEN printf('%04x', octet_length(value) + 16384) ELSE printf('80%08x', octet_length(value)) END)) || (value || unhex('1264656d6f67726170686963733a61735f6f66'))) || ((unhex(printf('%02x', length(as_of))) || encode(as_of)) || (unhex('1464656d6f67726170686963733a76657273696f6e0131'))) AS block FROM (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(max(event_timestamp))::VARCHAR AS as_of FROM (SELECT patient_id, event_timestamp, created_at, event_timestamp AS k, encode(value) AS v FROM read_parquet(['/l/d/part-1.parquet'])) GROUP BY patient_id))",
      "SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 2 END)::INTEGER AS view_mask, ((encode(patient_id) || unhex('04')) || (unhex(CASE WHEN 3 * (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 1 END) < 64 THEN printf('%02x', 3 * (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 1 END)) WHEN 3 * (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 1 END) < 16384 THEN printf('%04x', 3 * (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 1 END) + 16384) ELSE printf('80%08x', 3 * (CASE WHEN f0.block IS NULL THEN 0 ELSE 1 END + CASE WHEN f1.block IS NULL THEN 0 ELSE 1 END)) END))) || ((coalesce(f0.block, ''::BLOB) || coalesce(f1.block, ''::BLOB)) || (unhex('0900'))) AS payload",
      'FROM f0 FULL OUTER JOIN f1 USING (patient_id)',
    ]);
  });

  it('orders by event time, then creation time, across several files; filters as of and created after', () => {
    const sql = buildLatestFramedSql({
      views: [
        {
          name: 'medication_list',
          version: 1,
          files: ['/a.parquet', '/b.parquet'],
          encoding: json,
          createdAfter: new Date('2026-01-02T00:00:00.000Z'),
        },
      ],
      asOf: new Date('2026-01-03T00:00:00.000Z'),
    });
    expect(sql.split('\n')[0]).toBe(
      "WITH f0 AS (SELECT patient_id, ((unhex('156d656469636174696f6e5f6c6973743a76616c7565') || unhex(CASE WHEN octet_length(value) < 64 THEN printf('%02x', octet_length(value)) WHEN octet_length(value) < 16384 THEN printf('%04x', octet_length(value) + 16384) ELSE printf('80%08x', octet_length(value)) END)) || (value || unhex('156d656469636174696f6e5f6c6973743a61735f6f66'))) || ((unhex(printf('%02x', length(as_of))) || encode(as_of)) || (unhex('176d656469636174696f6e5f6c6973743a76657273696f6e0131'))) AS block FROM (SELECT patient_id, arg_max(v, k) AS value, epoch_ms(struct_extract(max(k), 'e'))::VARCHAR AS as_of FROM (SELECT patient_id, event_timestamp, created_at, {'e': event_timestamp, 'c': created_at} AS k, encode(value) AS v FROM read_parquet(['/a.parquet', '/b.parquet']) WHERE event_timestamp <= TIMESTAMPTZ '2026-01-03T00:00:00.000Z') GROUP BY patient_id HAVING struct_extract(max(k), 'c') > TIMESTAMPTZ '2026-01-02T00:00:00.000Z'))",
    );
  });
});
