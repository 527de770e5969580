/**
 * The materialization read: the latest row per patient of each view (event time, then creation
 * time), one result row per patient. The patient id and every view's value travel in one BLOB,
 * because `@duckdb/node-api` makes one native call per non-inline string value (one per row
 * instead of one per value); lengths and as_of travel as numbers, which are read column by column
 * without native calls. JavaScript then builds the online store's hashes (listpack.ts). Pinned as
 * an exact string in latest-values-sql.test.ts.
 *
 * Result columns: `patient_id_len` INTEGER, `payload` BLOB (the patient id's bytes, then each
 * present view's value in `views` order), then per view k `len_k` INTEGER (-1: no value) and
 * `as_of_k` DOUBLE (epoch ms).
 */
import type { ValueEncoding } from '../definitions/value-type.js';
import { snapshotSource, timestampLiteral } from './sql.js';

export interface LatestValuesSource {
  readonly name: string;
  readonly files: readonly string[];
  readonly encoding: ValueEncoding;
  /** Incremental: keep only patients whose latest row was created after this time. */
  readonly createdAfter?: Date;
}

export function buildLatestValuesSql(options: {
  views: readonly LatestValuesSource[];
  asOf?: Date;
}): string {
  const { views, asOf } = options;
  const ctes = views.map((view, i) => `${alias(i)} AS (${latestRows(view, asOf)})`);
  const payload = concatTree([
    'encode(patient_id)',
    ...views.map((_, i) => `coalesce(${alias(i)}.value, ''::BLOB)`),
  ]);
  const columns = views.flatMap((_, i) => [
    `coalesce(octet_length(${alias(i)}.value), -1)::INTEGER AS len_${String(i)}`,
    `${alias(i)}.as_of AS as_of_${String(i)}`,
  ]);
  const joins = views.slice(1).map((_, i) => `FULL OUTER JOIN ${alias(i + 1)} USING (patient_id)`);
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, ${payload} AS payload, ${columns.join(', ')}`,
    `FROM ${alias(0)}${joins.length > 0 ? ` ${joins.join(' ')}` : ''}`,
  ].join('\n');
}

/**
 * Concatenation as a balanced tree: a left-to-right chain copies the growing prefix at every
 * step (quadratic in the number of parts), a tree copies each byte about log2(parts) times.
 */
function concatTree(parts: readonly string[]): string {
  if (parts.length <= 2) {
    return parts.join(' || ');
  }
  const half = Math.ceil(parts.length / 2);
  return `(${concatTree(parts.slice(0, half))}) || (${concatTree(parts.slice(half))})`;
}

/**
 * One view's latest row per patient: `patient_id`, `value` (BLOB), `as_of` (epoch ms, DOUBLE).
 * `arg_max` over the ordering key instead of a window; with a single snapshot file every row has
 * the same `created_at`, so event time alone orders.
 */
function latestRows(view: LatestValuesSource, asOf: Date | undefined): string {
  const value = view.encoding.kind === 'json' ? 'encode(value)' : 'value';
  const where = asOf ? ` WHERE event_timestamp <= ${timestampLiteral(asOf)}` : '';
  const single = view.files.length <= 1;
  const key = single ? 'event_timestamp' : "{'e': event_timestamp, 'c': created_at}";
  const eventTime = single ? 'max(event_timestamp)' : `struct_extract(max(k), 'e')`;
  const createdAt = single ? 'max(created_at)' : `struct_extract(max(k), 'c')`;
  const having = view.createdAfter
    ? ` HAVING ${createdAt} > ${timestampLiteral(view.createdAfter)}`
    : '';
  return [
    `SELECT patient_id, arg_max(v, k) AS value, epoch_ms(${eventTime})::DOUBLE AS as_of`,
    `FROM (SELECT patient_id, event_timestamp, created_at, ${key} AS k, ${value} AS v FROM ${snapshotSource(view)}${where})`,
    `GROUP BY patient_id${having}`,
  ].join(' ');
}

function alias(index: number): string {
  return `f${String(index)}`;
}
