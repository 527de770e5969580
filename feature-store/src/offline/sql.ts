/**
 * Every SQL statement the DuckDB offline store runs, built by pure functions. Identifiers and
 * literals are escaped here and nowhere else; sql.test.ts pins each statement as an exact string.
 *
 * Parquet row layout of a feature view (one file per snapshot write):
 *   patient_id VARCHAR, event_timestamp TIMESTAMPTZ, created_at TIMESTAMPTZ,
 *   value VARCHAR (JSON views) | BLOB (float32 views: little-endian bytes)
 */
import type { ValueEncoding } from '../definitions/value-type.js';

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function timestampLiteral(at: Date): string {
  return `TIMESTAMPTZ ${quoteLiteral(at.toISOString())}`;
}

/** The DuckDB type of the `value` column for an encoding. */
export function valueColumnType(encoding: ValueEncoding): 'VARCHAR' | 'BLOB' {
  return encoding.kind === 'json' ? 'VARCHAR' : 'BLOB';
}

/** The rows of some snapshot files, or an empty relation of the same shape when there are none. */
export function snapshotSource(options: {
  files: readonly string[];
  encoding: ValueEncoding;
}): string {
  if (options.files.length === 0) {
    const type = valueColumnType(options.encoding);
    return `(SELECT NULL::VARCHAR AS patient_id, NULL::TIMESTAMPTZ AS event_timestamp, NULL::TIMESTAMPTZ AS created_at, NULL::${type} AS value WHERE false)`;
  }
  return `read_parquet([${options.files.map(quoteLiteral).join(', ')}])`;
}

/** The staging table a snapshot is appended to before it is copied to Parquet. */
export function buildCreateStageSql(options: { table: string; encoding: ValueEncoding }): string {
  const type = valueColumnType(options.encoding);
  return `CREATE TEMP TABLE ${quoteIdent(options.table)} (patient_id VARCHAR NOT NULL, event_ms BIGINT NOT NULL, value ${type} NOT NULL)`;
}

/** Staged rows → one zstd Parquet file, sorted by patient so readers can skip row groups. */
export function buildCopySnapshotSql(options: {
  table: string;
  createdAt: Date;
  path: string;
}): string {
  return [
    `COPY (SELECT patient_id, make_timestamptz(event_ms * 1000) AS event_timestamp, ${timestampLiteral(options.createdAt)} AS created_at, value`,
    `FROM ${quoteIdent(options.table)} ORDER BY patient_id, event_timestamp)`,
    `TO ${quoteLiteral(options.path)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}

/** The highest `created_at` in some files: the watermark a read of them can record. */
export function buildMaxCreatedAtSql(files: readonly string[]): string {
  return `SELECT epoch_ms(max(created_at))::DOUBLE AS created_at_ms FROM ${snapshotSource({ files, encoding: { kind: 'json' } })}`;
}

export interface LatestViewSource {
  readonly name: string;
  readonly files: readonly string[];
  readonly encoding: ValueEncoding;
  /** Incremental: keep only patients whose latest row was created after this time. */
  readonly createdAfter?: Date;
}

/**
 * The latest row per patient of each view (event time, then creation time), as of `asOf`
 * (inclusive), joined into one row per patient. Values travel as one concatenated BLOB per row
 * (`payload`: patient id, then each view's bytes) with a length per view (-1: no value), so the
 * reader makes one native call per row instead of one per value.
 */
export function buildLatestSql(options: {
  views: readonly LatestViewSource[];
  asOf?: Date;
}): string {
  const { views, asOf } = options;
  const ctes = views.map((view, i) => {
    const filters = asOf ? [`WHERE event_timestamp <= ${timestampLiteral(asOf)}`] : [];
    const value = view.encoding.kind === 'json' ? 'encode(value) AS value' : 'value';
    const latest = [
      `SELECT patient_id, event_timestamp, created_at, ${value}`,
      `FROM ${snapshotSource(view)}`,
      ...filters,
      'QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY event_timestamp DESC, created_at DESC) = 1',
    ].join(' ');
    const changed = view.createdAfter
      ? `SELECT * FROM (${latest}) WHERE created_at > ${timestampLiteral(view.createdAfter)}`
      : latest;
    return `${viewAlias(i)} AS (${changed})`;
  });
  const payload = views.map((_, i) => `coalesce(${viewAlias(i)}.value, ''::BLOB)`);
  const columns = views.flatMap((view, i) => [
    `coalesce(octet_length(${viewAlias(i)}.value), -1)::INTEGER AS ${quoteIdent(`${view.name}__len`)}`,
    `coalesce(epoch_ms(${viewAlias(i)}.event_timestamp), 0)::DOUBLE AS ${quoteIdent(`${view.name}__as_of_ms`)}`,
  ]);
  const joins = views
    .slice(1)
    .map((_, i) => `FULL OUTER JOIN ${viewAlias(i + 1)} USING (patient_id)`);
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, ${['encode(patient_id)', ...payload].join(' || ')} AS payload, ${columns.join(', ')}`,
    `FROM ${viewAlias(0)}${joins.length > 0 ? ` ${joins.join(' ')}` : ''}`,
  ].join('\n');
}

/** Where the labels of a training set come from: Parquet files, or a table loaded from rows. */
export type LabelSourceSql =
  | { readonly kind: 'parquet'; readonly files: readonly string[] }
  | { readonly kind: 'table'; readonly table: string };

/**
 * A point-in-time-correct training set: each label row joined, per view, to the latest feature row
 * with `event_timestamp` STRICTLY BEFORE `label_timestamp` (ASOF JOIN). A feature computed at the
 * label's own instant may already contain the outcome, so it is excluded. Rows with the same
 * `event_timestamp` are first reduced to the latest `created_at` (a correction wins).
 */
export function buildTrainingSetSql(options: {
  labels: LabelSourceSql;
  views: readonly Omit<LatestViewSource, 'createdAfter'>[];
}): string {
  const { labels, views } = options;
  const labelRows =
    labels.kind === 'parquet'
      ? `SELECT patient_id::VARCHAR AS patient_id, label_timestamp::TIMESTAMPTZ AS label_timestamp, label::VARCHAR AS label FROM read_parquet([${labels.files.map(quoteLiteral).join(', ')}])`
      : `SELECT patient_id, make_timestamptz(label_ms * 1000) AS label_timestamp, label FROM ${quoteIdent(labels.table)}`;
  const ctes = [
    `labels AS (${labelRows})`,
    ...views.map(
      (view, i) =>
        `${viewAlias(i)} AS (SELECT patient_id, event_timestamp, ${view.encoding.kind === 'json' ? 'encode(value) AS value' : 'value'} FROM ${snapshotSource(view)} QUALIFY row_number() OVER (PARTITION BY patient_id, event_timestamp ORDER BY created_at DESC) = 1)`,
    ),
  ];
  const columns = views.flatMap((view, i) => [
    `${viewAlias(i)}.value AS ${quoteIdent(view.name)}`,
    `epoch_ms(${viewAlias(i)}.event_timestamp)::DOUBLE AS ${quoteIdent(`${view.name}__as_of_ms`)}`,
  ]);
  const joins = views.map(
    (_, i) =>
      `ASOF LEFT JOIN ${viewAlias(i)} ON l.patient_id = ${viewAlias(i)}.patient_id AND l.label_timestamp > ${viewAlias(i)}.event_timestamp`,
  );
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT l.patient_id, epoch_ms(l.label_timestamp)::DOUBLE AS label_timestamp_ms, l.label${columns.length > 0 ? `, ${columns.join(', ')}` : ''}`,
    `FROM labels AS l`,
    ...joins,
    'ORDER BY l.patient_id, l.label_timestamp',
  ].join('\n');
}

/** Labels given as rows are appended to this table first. */
export function buildCreateLabelsSql(table: string): string {
  return `CREATE TEMP TABLE ${quoteIdent(table)} (patient_id VARCHAR NOT NULL, label_ms BIGINT NOT NULL, label VARCHAR NOT NULL)`;
}

/** Views are aliased by position: names are safe identifiers, but positions keep the SQL uniform. */
function viewAlias(index: number): string {
  return `v${String(index)}`;
}
