/** Runs the Gram statistics in DuckDB over the lake's snapshots and fits the encoder from them. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../lake/duckdb-session.js';
import type { SplitSpec } from '../train/data-split.js';
import { fitEncoder, type FitResult } from './fit-encoder.js';
import {
  buildEncoderTablesSql,
  ENCODER_DOCUMENT_COUNT_SQL,
  ENCODER_GRAM_SQL,
  ENCODER_VOCABULARY_SQL,
} from './gram-sql.js';
import { historySources } from './history-sources.js';

export interface LakeEncoderOptions {
  connection: DuckDBConnection;
  lakeDir: string;
  split: SplitSpec;
  dimension: number;
  maxDocuments: number;
  minDocuments: number;
}

export interface LakeEncoderResult extends FitResult {
  documents: number;
  gramEntries: number;
}

export async function fitLakeEncoder(options: LakeEncoderOptions): Promise<LakeEncoderResult> {
  const { connection, lakeDir, split } = options;
  const statements = buildEncoderTablesSql({
    files: await historySources(lakeDir),
    cutoff: split.cutoff,
    minBucket: split.testShare + split.validationShare,
    maxDocuments: options.maxDocuments,
    minDocuments: options.minDocuments,
  });
  for (const sql of statements) {
    await connection.run(sql);
  }
  const [count] = await queryRows(connection, ENCODER_DOCUMENT_COUNT_SQL);
  const documents = Number(count?.['n'] ?? 0);
  const vocabularyRows = await queryRows(connection, ENCODER_VOCABULARY_SQL);
  const gram = await connection.runAndReadAll(ENCODER_GRAM_SQL);
  const [is = [], js = [], ns = []] = gram.getColumnsJS();
  const entries = is.map((i, k) => ({ i: Number(i), j: Number(js[k]), n: Number(ns[k]) }));
  const fit = fitEncoder(
    {
      vocabulary: vocabularyRows.map((r) => String(r['token'])),
      documentFrequency: vocabularyRows.map((r) => Number(r['df'])),
      documents,
      entries,
    },
    options.dimension,
  );
  for (const table of ['enc_ch', 'enc_rf', 'enc_ml', 'enc_docs', 'enc_tokens', 'enc_vocab']) {
    await connection.run(`DROP TABLE IF EXISTS ${table}`);
  }
  return { ...fit, documents, gramEntries: entries.length };
}
