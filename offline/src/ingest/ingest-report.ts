/** What an ingest run reports (the job's result line and `clinical/_ingest.json`): counts and codes only, no PHI. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { numberField, queryRows, stringField } from '../lake/duckdb-session.js';
import { buildCodeStatsSql, buildTopUnknownSql } from './ingest-sql.js';
import type { ResourceSpec } from './resource-spec.js';

export interface ResourceCounts {
  readonly files: number;
  /** Non-blank lines read. */
  readonly read: number;
  /** Rows written to the resource's lake table (one per resource). */
  readonly written: number;
  readonly quarantined: number;
  /** Quarantined lines per reason. */
  readonly reasons: Readonly<Record<string, number>>;
  /** Written rows whose patient is not in the export's Patient files. */
  readonly orphans: number;
}

export interface ConceptCounts {
  readonly mapped: number;
  readonly unknown: number;
  /** The most frequent codes the KB does not know, for curation. */
  readonly topUnknown: readonly { system: string; code: string; count: number }[];
}

export interface CodeStats {
  /** Per canonical code system: resolved to a KB concept. */
  readonly mappedCodes: Record<string, number>;
  /** Per canonical code system: kept with system and code, unknown to the KB. */
  readonly unknownCodes: Record<string, number>;
  /** Per `<table>.<concept>`. */
  readonly concepts: Record<string, ConceptCounts>;
}

export async function collectCodeStats(options: {
  connection: DuckDBConnection;
  specs: readonly ResourceSpec[];
}): Promise<CodeStats> {
  const { connection, specs } = options;
  const mappedCodes: Record<string, number> = {};
  const unknownCodes: Record<string, number> = {};
  const concepts: Record<string, ConceptCounts> = {};
  for (const spec of specs) {
    for (const concept of spec.concepts.filter((c) => c.counted)) {
      let mapped = 0;
      let unknown = 0;
      for (const row of await queryRows(connection, buildCodeStatsSql({ spec, concept }))) {
        const system = stringField(row, 'system') ?? '(none)';
        const n = numberField(row, 'n');
        const bucket = row['mapped'] === true ? mappedCodes : unknownCodes;
        bucket[system] = (bucket[system] ?? 0) + n;
        if (row['mapped'] === true) {
          mapped += n;
        } else {
          unknown += n;
        }
      }
      const topUnknown = (
        await queryRows(connection, buildTopUnknownSql({ spec, concept, limit: 10 }))
      ).map((row) => ({
        system: stringField(row, 'system') ?? '',
        code: stringField(row, 'code') ?? '',
        count: numberField(row, 'n'),
      }));
      concepts[`${spec.table}.${concept.name}`] = { mapped, unknown, topUnknown };
    }
  }
  return { mappedCodes, unknownCodes, concepts };
}
