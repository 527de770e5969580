/**
 * The `code_map` table: every distinct coding list of every concept in the export, resolved once in
 * TypeScript by the KB's lookups (`code-resolver.ts`) and appended to DuckDB for the output joins.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CodeResolver, ConceptKind, RawCoding } from './code-resolver.js';
import {
  CREATE_CODE_MAP_SQL,
  buildConceptKeysSql,
  buildConceptMapSql,
  buildReadKeysSql,
} from './ingest-sql.js';
import type { ResourceSpec } from './resource-spec.js';

/** A stage key is `to_json(list of STRUCT(system, code))`; anything else resolves to no codings. */
export function parseCodingsKey(key: string): RawCoding[] {
  let value: unknown;
  try {
    value = JSON.parse(key);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) {
    return [];
  }
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return value.flatMap((item: unknown): RawCoding[] => {
    if (typeof item !== 'object' || item === null) {
      return [];
    }
    const coding = item as Record<string, unknown>;
    return [{ system: text(coding['system']), code: text(coding['code']) }];
  });
}

export async function buildCodeMap(options: {
  connection: DuckDBConnection;
  specs: readonly ResourceSpec[];
  resolver: CodeResolver;
}): Promise<number> {
  const { connection, specs, resolver } = options;
  await connection.run(CREATE_CODE_MAP_SQL);
  const seen = new Set<string>();
  const rows: { kind: ConceptKind; key: string }[] = [];
  for (const spec of specs) {
    for (const concept of spec.concepts) {
      await connection.run(buildConceptKeysSql({ spec, concept }));
      for await (const chunk of await connection.stream(buildReadKeysSql({ spec, concept }))) {
        for (const key of chunk.getColumnValues(0)) {
          const id = `${concept.kind}\u0000${String(key)}`;
          if (typeof key === 'string' && !seen.has(id)) {
            seen.add(id);
            rows.push({ kind: concept.kind, key });
          }
        }
      }
    }
  }
  const appender = await connection.createAppender('code_map');
  const optional = (value: string | null): void => {
    if (value === null) {
      appender.appendNull();
    } else {
      appender.appendVarchar(value);
    }
  };
  for (const { kind, key } of rows) {
    const resolved = resolver.resolve(kind, parseCodingsKey(key));
    appender.appendVarchar(kind);
    appender.appendVarchar(key);
    appender.appendBoolean(resolved.valid);
    optional(resolved.system);
    optional(resolved.code);
    appender.appendBoolean(resolved.mapped);
    optional(resolved.conditionId);
    optional(resolved.findingId);
    optional(resolved.testId);
    optional(resolved.ingredientRxcui);
    optional(resolved.icd10);
    optional(resolved.snomed);
    optional(resolved.loinc);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  for (const spec of specs) {
    for (const concept of spec.concepts) {
      await connection.run(buildConceptMapSql({ spec, concept }));
    }
  }
  return rows.length;
}
