/**
 * The benchmark's correctness check: for a sample of patients, the raw hash fields in Redis must
 * equal the latest row per view in the lake's Parquet files, read here with plain DuckDB SQL (not
 * through the offline store), byte for byte: value, as_of (event time, epoch ms) and version.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Redis } from 'ioredis';
import type { AnyFeatureView } from '../src/definitions/feature-view.js';
import { viewDirectory } from '../src/offline/lake-layout.js';

export interface SampleCheck {
  readonly patients: number;
  readonly values: number;
  readonly mismatches: number;
  /** First few mismatches as `<view> of patient #<sample index>: <field>` (no values). */
  readonly examples: readonly string[];
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function verifySample(options: {
  lakeDir: string;
  redis: Pick<Redis, 'hgetallBuffer'>;
  keyPrefix: string;
  views: readonly AnyFeatureView[];
  patientIds: readonly string[];
}): Promise<SampleCheck> {
  const { lakeDir, redis, keyPrefix, views, patientIds } = options;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const examples: string[] = [];
  let values = 0;
  let mismatches = 0;
  const fail = (what: string) => {
    mismatches += 1;
    if (examples.length < 5) {
      examples.push(what);
    }
  };
  try {
    const ids = patientIds.map(quote).join(', ');
    const hashes = await Promise.all(
      patientIds.map((id) => redis.hgetallBuffer(`${keyPrefix}fs:{${id}}`)),
    );
    const index = new Map(patientIds.map((id, i) => [id, i]));
    for (const view of views) {
      const glob = `${viewDirectory({ lakeDir, view })}/part-*.parquet`;
      const reader = await connection.runAndReadAll(
        `SELECT patient_id, hex(value::BLOB) AS value_hex, epoch_ms(event_timestamp)::VARCHAR AS as_of
         FROM read_parquet(${quote(glob)}) WHERE patient_id IN (${ids})
         QUALIFY row_number() OVER (PARTITION BY patient_id ORDER BY event_timestamp DESC, created_at DESC) = 1`,
      );
      const seen = new Set<string>();
      for (const row of reader.getRowsJS()) {
        const [patientId, valueHex, asOf] = row as [string, string, string];
        const i = index.get(patientId) ?? -1;
        const hash = hashes[i] ?? {};
        seen.add(patientId);
        values += 1;
        const label = `${view.name} of patient #${String(i)}`;
        if (hash[`${view.name}:value`]?.toString('hex').toUpperCase() !== valueHex) {
          fail(`${label}: value`);
        }
        if (hash[`${view.name}:as_of`]?.toString() !== asOf) {
          fail(`${label}: as_of`);
        }
        if (hash[`${view.name}:version`]?.toString() !== String(view.version)) {
          fail(`${label}: version`);
        }
      }
      patientIds.forEach((id, i) => {
        if (!seen.has(id) && hashes[i]?.[`${view.name}:value`] !== undefined) {
          fail(`${view.name} of patient #${String(i)}: in Redis, not in the lake`);
        }
      });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { patients: patientIds.length, values, mismatches, examples };
}
