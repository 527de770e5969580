/**
 * The encoder's statistics in DuckDB, over the offline store's day-before-visit snapshots (one
 * "document" per patient and snapshot day: the history a clinician's screen showed that morning) of
 * training patients before the split's cutoff, so neither held-out patients nor the later window
 * shape the embedding. Tokens are `encoderTokens`'s: `c:` chronic, `a:` recent acute, `m:` active
 * ingredient, `f:` recent finding. Pure builders, tested as strings; run in order in one session.
 */
import { quoteLiteral } from '../lake/sql-text.js';
import { patientBucketSql } from '../train/data-split.js';

export interface GramSources {
  conditionHistory: readonly string[];
  recentFindings: readonly string[];
  medicationList: readonly string[];
}

export interface GramQuery {
  files: GramSources;
  /** Only snapshots strictly before this ISO date. */
  cutoff: string;
  /** Patients with a split bucket below this are held out (test + validation shares). */
  minBucket: number;
  /** At most this many documents (a deterministic hash-ordered sample). */
  maxDocuments: number;
  /** Tokens in fewer documents are left out of the vocabulary. */
  minDocuments: number;
}

const TOKEN_PATTERN = `'^[camf]:[a-z0-9-]+$'`;

function latest(files: readonly string[]): string {
  if (files.length === 0) {
    return '(SELECT NULL::VARCHAR AS patient_id, NULL::TIMESTAMPTZ AS event_timestamp, NULL::VARCHAR AS value WHERE false)';
  }
  return `(SELECT patient_id, event_timestamp, value FROM read_parquet([${files.map(quoteLiteral).join(', ')}]) QUALIFY row_number() OVER (PARTITION BY patient_id, event_timestamp ORDER BY created_at DESC) = 1)`;
}

/** Statements that create `enc_docs`, `enc_tokens` (doc, token) and `enc_vocab` (token, idx, df). */
export function buildEncoderTablesSql(q: GramQuery): string[] {
  const unnest = (alias: string, prefix: string, jsonPath: string): string =>
    `SELECT d.doc, ${quoteLiteral(prefix)} || unnest(json_extract_string(${alias}.value, ${quoteLiteral(jsonPath)})) AS token FROM enc_docs AS d JOIN ${alias} USING (patient_id, event_timestamp)`;
  return [
    `CREATE TEMP TABLE enc_ch AS SELECT * FROM ${latest(q.files.conditionHistory)}`,
    `CREATE TEMP TABLE enc_rf AS SELECT * FROM ${latest(q.files.recentFindings)}`,
    `CREATE TEMP TABLE enc_ml AS SELECT * FROM ${latest(q.files.medicationList)}`,
    [
      'CREATE TEMP TABLE enc_docs AS SELECT row_number() OVER (ORDER BY patient_id, event_timestamp) AS doc, patient_id, event_timestamp FROM (',
      `SELECT patient_id, event_timestamp FROM enc_ch WHERE event_timestamp < TIMESTAMPTZ ${quoteLiteral(`${q.cutoff} 00:00:00+00`)} AND ${patientBucketSql('patient_id')} >= ${String(q.minBucket)}`,
      `ORDER BY md5(patient_id || ':' || epoch_ms(event_timestamp)::VARCHAR) LIMIT ${String(q.maxDocuments)})`,
    ].join('\n'),
    [
      'CREATE TEMP TABLE enc_tokens AS SELECT DISTINCT doc, token FROM (',
      [
        unnest('enc_ch', 'c:', '$.chronic[*]'),
        unnest('enc_ch', 'a:', '$.recentAcute[*]'),
        unnest('enc_rf', 'f:', '$.present[*]'),
        unnest('enc_ml', 'm:', '$.activeRxcuis[*]'),
      ].join('\nUNION ALL '),
      `) WHERE regexp_full_match(token, ${TOKEN_PATTERN})`,
    ].join('\n'),
    [
      'CREATE TEMP TABLE enc_vocab AS SELECT token, (row_number() OVER (ORDER BY token) - 1)::INTEGER AS idx, df FROM',
      `(SELECT token, count(*) AS df FROM enc_tokens GROUP BY token HAVING count(*) >= ${String(q.minDocuments)})`,
    ].join('\n'),
  ];
}

export const ENCODER_DOCUMENT_COUNT_SQL = 'SELECT count(*)::INTEGER AS n FROM enc_docs';

export const ENCODER_VOCABULARY_SQL =
  'SELECT token, idx, df::INTEGER AS df FROM enc_vocab ORDER BY idx';

/** The upper triangle (i ≤ j) of the co-occurrence counts over the vocabulary. */
export const ENCODER_GRAM_SQL = [
  'WITH t AS (SELECT e.doc, v.idx FROM enc_tokens AS e JOIN enc_vocab AS v USING (token))',
  'SELECT a.idx AS i, b.idx AS j, count(*)::INTEGER AS n FROM t AS a JOIN t AS b ON a.doc = b.doc AND a.idx <= b.idx GROUP BY ALL',
].join('\n');
