/**
 * The materialization read: the latest row per patient of each view, as in `buildLatestSql`, but
 * each result row is the patient hash already framed by DuckDB as a DUMP payload without its CRC
 * (docs/specs/online-store-format.md, "Bulk fast path"): JavaScript adds only the key and the
 * checksum. Pinned as an exact string in framed-latest-sql.test.ts; checked byte for byte against
 * the RESTORE encoder in duckdb-offline-store.int.test.ts.
 *
 * Result columns: `patient_id_len` INTEGER, `view_mask` INTEGER (bit k: the k-th view in field
 * order has a value), `payload` BLOB (the patient id's bytes, then the framed hash).
 */
import type { ValueEncoding } from '../definitions/value-type.js';
import { framedFieldOrder, framedViewParts } from '../online/framed-hashes.js';
import { DUMP_RDB_VERSION, RDB_TYPE_HASH } from '../online/rdb-format.js';
import { quoteLiteral, snapshotSource, timestampLiteral } from './sql.js';

export interface FramedViewSource {
  readonly name: string;
  readonly version: number;
  readonly files: readonly string[];
  readonly encoding: ValueEncoding;
  /** Incremental: keep only patients whose latest row was created after this time. */
  readonly createdAfter?: Date;
}

/** The latest framed hash per patient; `views` are reordered into field order (`framedFieldOrder`). */
export function buildLatestFramedSql(options: {
  views: readonly FramedViewSource[];
  asOf?: Date;
}): string {
  const views = framedFieldOrder(options.views, (view) => view.encoding);
  const ctes = views.map((view, i) => `${alias(i)} AS (${viewBlock(view, options.asOf)})`);
  const present = views.map((_, i) => `CASE WHEN ${alias(i)}.block IS NULL THEN 0 ELSE 1 END`);
  const mask = views.map(
    (_, i) => `CASE WHEN ${alias(i)}.block IS NULL THEN 0 ELSE ${String(2 ** i)} END`,
  );
  const payload = concatTree([
    'encode(patient_id)',
    hexLiteral(Uint8Array.of(RDB_TYPE_HASH)),
    rdbLengthSql(`3 * (${present.join(' + ')})`),
    ...views.map((_, i) => `coalesce(${alias(i)}.block, ''::BLOB)`),
    hexLiteral(Uint8Array.of(DUMP_RDB_VERSION & 0xff, DUMP_RDB_VERSION >>> 8)),
  ]);
  const joins = views.slice(1).map((_, i) => `FULL OUTER JOIN ${alias(i + 1)} USING (patient_id)`);
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT octet_length(encode(patient_id))::INTEGER AS patient_id_len, (${mask.join(' + ')})::INTEGER AS view_mask, ${payload} AS payload`,
    `FROM ${alias(0)}${joins.length > 0 ? ` ${joins.join(' ')}` : ''}`,
  ].join('\n');
}

/** One view's fields of the hash per patient (`block`): value, as_of and version, as RDB strings. */
function viewBlock(view: FramedViewSource, asOf: Date | undefined): string {
  const parts = framedViewParts(view);
  const block = concatTree([
    hexLiteral(parts.valueField),
    rdbLengthSql('octet_length(value)'),
    'value',
    hexLiteral(parts.asOfField),
    `unhex(printf('%02x', length(as_of)))`,
    'encode(as_of)',
    hexLiteral(parts.versionPair),
  ]);
  return `SELECT patient_id, ${block} AS block FROM (${latestRows(view, asOf)})`;
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
 * One view's latest row per patient (event time, then creation time): `patient_id`, `value`
 * (BLOB), `as_of` (epoch ms as decimal text). `arg_max` over the ordering key instead of a window;
 * with a single snapshot file every row has the same `created_at`, so event time alone orders.
 */
function latestRows(view: FramedViewSource, asOf: Date | undefined): string {
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
    `SELECT patient_id, arg_max(v, k) AS value, epoch_ms(${eventTime})::VARCHAR AS as_of`,
    `FROM (SELECT patient_id, event_timestamp, created_at, ${key} AS k, ${value} AS v FROM ${snapshotSource(view)}${where})`,
    `GROUP BY patient_id${having}`,
  ].join(' ');
}

/** An RDB length prefix (rdbSaveLen: 1, 2 or 5 bytes, big-endian) of a non-negative integer. */
export function rdbLengthSql(expression: string): string {
  return `unhex(CASE WHEN ${expression} < 64 THEN printf('%02x', ${expression}) WHEN ${expression} < 16384 THEN printf('%04x', ${expression} + 16384) ELSE printf('80%08x', ${expression}) END)`;
}

function hexLiteral(bytes: Uint8Array): string {
  return `unhex(${quoteLiteral(Buffer.from(bytes).toString('hex'))})`;
}

function alias(index: number): string {
  return `f${String(index)}`;
}
