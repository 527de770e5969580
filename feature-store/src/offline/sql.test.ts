import { describe, expect, it } from 'vitest';
import {
  buildCopySnapshotSql,
  buildCreateLabelsSql,
  buildCreateStageSql,
  buildLatestSql,
  buildMaxCreatedAtSql,
  buildTrainingSetSql,
  quoteIdent,
  quoteLiteral,
  snapshotSource,
  timestampLiteral,
} from './sql.js';

const json = { kind: 'json' } as const;
const vector = { kind: 'float32', dimension: 32 } as const;
const EMPTY_JSON =
  '(SELECT NULL::VARCHAR AS patient_id, NULL::TIMESTAMPTZ AS event_timestamp, NULL::TIMESTAMPTZ AS created_at, NULL::VARCHAR AS value WHERE false)';
const LATEST =
  'QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY event_timestamp DESC, created_at DESC) = 1';
const DEDUP =
  'QUALIFY row_number() OVER (PARTITION BY patient_id, event_timestamp ORDER BY created_at DESC) = 1';

describe('escaping', () => {
  it('doubles the quote character inside identifiers and literals', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(quoteLiteral("/lake/o'brien.parquet")).toBe("'/lake/o''brien.parquet'");
  });

  it('writes instants as UTC TIMESTAMPTZ literals', () => {
    expect(timestampLiteral(new Date('2026-11-22T12:00:00.5+02:00'))).toBe(
      "TIMESTAMPTZ '2026-11-22T10:00:00.500Z'",
    );
  });
});

describe('snapshotSource', () => {
  it('reads an explicit list of files (a consistent snapshot of the folder)', () => {
    expect(snapshotSource({ files: ['/a.parquet', "/b'.parquet"], encoding: json })).toBe(
      "read_parquet(['/a.parquet', '/b''.parquet'])",
    );
  });

  it('stands in an empty relation of the same shape when a view has no files yet', () => {
    expect(snapshotSource({ files: [], encoding: json })).toBe(EMPTY_JSON);
    expect(snapshotSource({ files: [], encoding: vector })).toBe(
      EMPTY_JSON.replace('NULL::VARCHAR AS value', 'NULL::BLOB AS value'),
    );
  });
});

describe('snapshot writes', () => {
  it('stages rows in a temporary table typed by the encoding', () => {
    expect(buildCreateStageSql({ table: 'stage_1', encoding: json })).toBe(
      'CREATE TEMP TABLE "stage_1" (patient_id VARCHAR NOT NULL, event_ms BIGINT NOT NULL, value VARCHAR NOT NULL)',
    );
    expect(buildCreateStageSql({ table: 'stage_1', encoding: vector })).toBe(
      'CREATE TEMP TABLE "stage_1" (patient_id VARCHAR NOT NULL, event_ms BIGINT NOT NULL, value BLOB NOT NULL)',
    );
  });

  it('copies staged rows to one sorted zstd Parquet file with a shared created_at', () => {
    expect(
      buildCopySnapshotSql({
        table: 'stage_1',
        createdAt: new Date('2026-11-22T12:00:00Z'),
        path: '/lake/features/x/v1/part.parquet.tmp',
      }),
    ).toBe(
      [
        "COPY (SELECT patient_id, make_timestamptz(event_ms * 1000) AS event_timestamp, TIMESTAMPTZ '2026-11-22T12:00:00.000Z' AS created_at, value",
        'FROM "stage_1" ORDER BY patient_id, event_timestamp)',
        "TO '/lake/features/x/v1/part.parquet.tmp' (FORMAT parquet, COMPRESSION zstd)",
      ].join('\n'),
    );
  });

  it('finds the highest created_at of a set of files', () => {
    expect(buildMaxCreatedAtSql(['/a.parquet'])).toBe(
      "SELECT epoch_ms(max(created_at))::DOUBLE AS created_at_ms FROM read_parquet(['/a.parquet'])",
    );
    expect(buildMaxCreatedAtSql([])).toBe(
      `SELECT epoch_ms(max(created_at))::DOUBLE AS created_at_ms FROM ${EMPTY_JSON}`,
    );
  });
});

describe('buildLatestSql', () => {
  it('takes the latest row per patient and packs the value bytes behind the patient id', () => {
    expect(
      buildLatestSql({ views: [{ name: 'demographics', files: ['/a.parquet'], encoding: json }] }),
    ).toBe(
      [
        `WITH v0 AS (SELECT patient_id, event_timestamp, created_at, encode(value) AS value FROM read_parquet(['/a.parquet']) ${LATEST})`,
        'SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, encode(patient_id) || coalesce(v0.value, \'\'::BLOB) AS payload, coalesce(octet_length(v0.value), -1)::INTEGER AS "demographics__len", coalesce(epoch_ms(v0.event_timestamp), 0)::DOUBLE AS "demographics__as_of_ms"',
        'FROM v0',
      ].join('\n'),
    );
  });

  it('reads as of a time, filters incremental views by created_at, and full-outer-joins the views', () => {
    expect(
      buildLatestSql({
        views: [
          {
            name: 'care_gaps',
            files: ['/a.parquet'],
            encoding: json,
            createdAfter: new Date('2026-11-21T00:00:00Z'),
          },
          { name: 'patient_embedding', files: [], encoding: vector },
        ],
        asOf: new Date('2026-11-22T12:00:00.5Z'),
      }),
    ).toBe(
      [
        `WITH v0 AS (SELECT * FROM (SELECT patient_id, event_timestamp, created_at, encode(value) AS value FROM read_parquet(['/a.parquet']) WHERE event_timestamp <= TIMESTAMPTZ '2026-11-22T12:00:00.500Z' ${LATEST}) WHERE created_at > TIMESTAMPTZ '2026-11-21T00:00:00.000Z'),`,
        `v1 AS (SELECT patient_id, event_timestamp, created_at, value FROM ${EMPTY_JSON.replace('NULL::VARCHAR AS value', 'NULL::BLOB AS value')} WHERE event_timestamp <= TIMESTAMPTZ '2026-11-22T12:00:00.500Z' ${LATEST})`,
        'SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, encode(patient_id) || coalesce(v0.value, \'\'::BLOB) || coalesce(v1.value, \'\'::BLOB) AS payload, coalesce(octet_length(v0.value), -1)::INTEGER AS "care_gaps__len", coalesce(epoch_ms(v0.event_timestamp), 0)::DOUBLE AS "care_gaps__as_of_ms", coalesce(octet_length(v1.value), -1)::INTEGER AS "patient_embedding__len", coalesce(epoch_ms(v1.event_timestamp), 0)::DOUBLE AS "patient_embedding__as_of_ms"',
        'FROM v0 FULL OUTER JOIN v1 USING (patient_id)',
      ].join('\n'),
    );
  });
});

describe('buildTrainingSetSql', () => {
  it('ASOF-joins each view strictly before the label time, after de-duplicating corrections', () => {
    expect(
      buildTrainingSetSql({
        labels: { kind: 'table', table: 'labels_1' },
        views: [
          { name: 'demographics', files: ['/a.parquet'], encoding: json },
          { name: 'patient_embedding', files: ['/e.parquet'], encoding: vector },
        ],
      }),
    ).toBe(
      [
        'WITH labels AS (SELECT patient_id, make_timestamptz(label_ms * 1000) AS label_timestamp, label FROM "labels_1"),',
        `v0 AS (SELECT patient_id, event_timestamp, encode(value) AS value FROM read_parquet(['/a.parquet']) ${DEDUP}),`,
        `v1 AS (SELECT patient_id, event_timestamp, value FROM read_parquet(['/e.parquet']) ${DEDUP})`,
        'SELECT l.patient_id, epoch_ms(l.label_timestamp)::DOUBLE AS label_timestamp_ms, l.label, v0.value AS "demographics", epoch_ms(v0.event_timestamp)::DOUBLE AS "demographics__as_of_ms", v1.value AS "patient_embedding", epoch_ms(v1.event_timestamp)::DOUBLE AS "patient_embedding__as_of_ms"',
        'FROM labels AS l',
        'ASOF LEFT JOIN v0 ON l.patient_id = v0.patient_id AND l.label_timestamp > v0.event_timestamp',
        'ASOF LEFT JOIN v1 ON l.patient_id = v1.patient_id AND l.label_timestamp > v1.event_timestamp',
        'ORDER BY l.patient_id, l.label_timestamp',
      ].join('\n'),
    );
  });

  it('reads labels from Parquet with their columns cast to the expected types', () => {
    expect(
      buildTrainingSetSql({ labels: { kind: 'parquet', files: ['/labels.parquet'] }, views: [] }),
    ).toBe(
      [
        "WITH labels AS (SELECT patient_id::VARCHAR AS patient_id, label_timestamp::TIMESTAMPTZ AS label_timestamp, label::VARCHAR AS label FROM read_parquet(['/labels.parquet']))",
        'SELECT l.patient_id, epoch_ms(l.label_timestamp)::DOUBLE AS label_timestamp_ms, l.label',
        'FROM labels AS l',
        'ORDER BY l.patient_id, l.label_timestamp',
      ].join('\n'),
    );
  });

  it('stages label rows with their time in epoch ms', () => {
    expect(buildCreateLabelsSql('labels_1')).toBe(
      'CREATE TEMP TABLE "labels_1" (patient_id VARCHAR NOT NULL, label_ms BIGINT NOT NULL, label VARCHAR NOT NULL)',
    );
  });
});
