/**
 * Every SQL statement ingest runs, built from resource specs by pure functions (pinned as exact
 * strings in ingest-sql.test.ts). Flow per resource type: read each file into a stage table (typed
 * columns, derived values, a quarantine reason or NULL), mark duplicates and unusable codes, then
 * COPY valid rows joined to the pseudonym and code maps into Parquet.
 */
import { dateLiteral, quoteIdent, quoteLiteral, selectList } from '../lake/sql-text.js';
import type { ConceptSpec, ResourceSpec } from './resource-spec.js';

/** Lines longer than this are unreadable to DuckDB's JSON reader and are quarantined. */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

/** The SQL macros the specs use. `as_of_date()` is defined separately, once the date is known. */
export const INGEST_MACROS: readonly string[] = [
  // FHIR date/dateTime → DATE at day precision (time of day and offset dropped); partial dates
  // (YYYY, YYYY-MM) → the first day of the period; anything else → NULL. LIKE + cast, not a regex:
  // this runs twice per row on every table.
  `CREATE OR REPLACE MACRO fhir_date(x) AS CASE WHEN x LIKE '____-__-__' OR x LIKE '____-__-__T__:__%' THEN try_cast(substr(x, 1, 10) AS DATE) WHEN x LIKE '____-__' THEN try_cast(x || '-01' AS DATE) WHEN x LIKE '____' THEN try_cast(x || '-01-01' AS DATE) END`,
  // `Patient/123`, `https://…/Patient/123/_history/2`, `urn:uuid:…` → the id; anything else → NULL.
  `CREATE OR REPLACE MACRO ref_id(ref, kind) AS nullif(CASE WHEN starts_with(ref, kind || '/') AND strpos(substr(ref, length(kind) + 2), '/') = 0 THEN substr(ref, length(kind) + 2) WHEN starts_with(ref, 'urn:uuid:') THEN substr(ref, 10) ELSE regexp_extract(ref, '(?:^|/)' || kind || '/([^/?#]+)(?:/_history/[^/?#]*)?$', 1) END, '')`,
  // FHIR `code` values (status, class…); free text is dropped.
  `CREATE OR REPLACE MACRO code_token(x) AS CASE WHEN regexp_full_match(x, '[A-Za-z0-9][A-Za-z0-9._-]{0,63}') THEN x END`,
  `CREATE OR REPLACE MACRO unit_token(x) AS CASE WHEN regexp_full_match(x, '[!-~]{1,32}') THEN x END`,
  `CREATE OR REPLACE MACRO unit_of(q) AS unit_token(coalesce(CASE WHEN q.system = 'http://unitsofmeasure.org' THEN q.code END, q.unit, q.code))`,
  `CREATE OR REPLACE MACRO codings_of(ccs) AS flatten(list_transform(coalesce(ccs, []), cc -> coalesce(cc.coding, [])))`,
  `CREATE OR REPLACE MACRO category_of(codings) AS CASE WHEN list_contains(list_transform(codings, c -> c.code), 'problem-list-item') THEN 'problem-list-item' WHEN list_contains(list_transform(codings, c -> c.code), 'encounter-diagnosis') THEN 'encounter-diagnosis' ELSE code_token(codings[1].code) END`,
  String.raw`CREATE OR REPLACE MACRO loinc_of(codings) AS list_filter(list_transform(coalesce(codings, []), c -> CASE WHEN c.system IN ('http://loinc.org', 'urn:oid:2.16.840.1.113883.6.1') AND regexp_full_match(c.code, '\d{1,7}-\d') THEN c.code END), x -> x IS NOT NULL)[1]`,
  `CREATE OR REPLACE MACRO media_type(x) AS CASE WHEN regexp_full_match(lower(trim(split_part(x, ';', 1))), '[a-z0-9.+-]+/[a-z0-9.+-]+') THEN lower(trim(split_part(x, ';', 1))) END`,
  // Completed years between two dates; NULL when either is unknown or the order is impossible.
  `CREATE OR REPLACE MACRO age_years(b, d) AS CASE WHEN b IS NULL OR d IS NULL OR d < b THEN NULL ELSE year(d) - year(b) - CASE WHEN month(d) < month(b) OR (month(d) = month(b) AND day(d) < day(b)) THEN 1 ELSE 0 END END`,
];

/** The reference date ages (and the 90+ rule) are computed at. */
export function buildAsOfMacroSql(asOf: Date): string {
  return `CREATE OR REPLACE MACRO as_of_date() AS ${dateLiteral(asOf)}`;
}

export function stageTable(spec: ResourceSpec): string {
  return `stage_${spec.table}`;
}

/**
 * The quarantine reason of a stage row (NULL: valid so far), checks in order. It is the last stage
 * column and reads the others (`source_id`, `patient_source`, the date columns) by alias.
 */
export function buildReasonSql(spec: ResourceSpec): string {
  const checks: [string, string][] = [
    ['"resourceType" IS NULL', 'unreadable'],
    [`"resourceType" <> ${quoteLiteral(spec.resourceType)}`, 'wrong-resource-type'],
    ['source_id IS NULL', 'missing-required:id'],
    ['patient_source IS NULL', `missing-required:${spec.patientElement}`],
    ...spec.required.map((r): [string, string] => [
      `NOT coalesce(${r.present}, false)`,
      `missing-required:${r.element}`,
    ]),
    ...Object.entries(spec.dates).map(([column, { element, raw }]): [string, string] => [
      `${raw} IS NOT NULL AND ${quoteIdent(column)} IS NULL`,
      `unparseable-date:${element}`,
    ]),
  ];
  return `CASE ${checks.map(([when, reason]) => `WHEN ${when} THEN ${quoteLiteral(reason)}`).join(' ')} END`;
}

function readJsonSql(options: { spec: ResourceSpec; path: string }): string {
  const columns = Object.entries(options.spec.columns)
    .map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`)
    .join(', ');
  return `read_json(${quoteLiteral(options.path)}, format = 'newline_delimited', columns = {${columns}}, ignore_errors = true, maximum_object_size = ${String(MAX_LINE_BYTES)})`;
}

/**
 * Reads one file into the spec's stage table (`create`: the first file creates it). `record` is the
 * 1-based index of the line among the file's non-blank lines (blank lines are skipped, as NDJSON allows).
 */
export function buildStageFileSql(options: {
  spec: ResourceSpec;
  path: string;
  fileIndex: number;
  create: boolean;
}): string {
  const { spec, path, fileIndex, create } = options;
  const columns: Record<string, string> = {
    file_index: `${String(fileIndex)}::INTEGER`,
    record: 'ordinality',
    source_id: `nullif("id", '')`,
    patient_source: spec.patientRef,
    encounter_source: spec.encounterRef ?? 'NULL::VARCHAR',
    ...Object.fromEntries(
      Object.entries(spec.dates).map(([column, { raw }]) => [column, `fhir_date(${raw})`]),
    ),
    ...spec.stage,
    ...Object.fromEntries(
      spec.concepts.map((c) => [
        conceptCodings(c),
        `CASE WHEN len(${c.codings}) > 0 THEN ${c.codings} END`,
      ]),
    ),
    reason: buildReasonSql(spec),
  };
  const target = quoteIdent(stageTable(spec));
  return [
    create ? `CREATE TABLE ${target} AS` : `INSERT INTO ${target}`,
    `SELECT ${selectList(columns)}`,
    `FROM ${readJsonSql({ spec, path })} WITH ORDINALITY`,
  ].join('\n');
}

/** The stage column holding a concept's codings (a list of STRUCT(system, code), NULL when empty). */
export function conceptCodings(concept: ConceptSpec): string {
  return `${concept.name}_codings`;
}

/** Distinct coding lists of a concept (`codings`) with their JSON text (`key`, resolved in TypeScript). */
export function conceptKeysTable(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  return `keys_${options.spec.table}_${options.concept.name}`;
}

/** A concept's coding lists joined to their resolution: what output rows join on. */
export function conceptMapTable(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  return `cm_${options.spec.table}_${options.concept.name}`;
}

/** Every later copy of a resource id (by file, then line) is quarantined as a duplicate. */
export function buildDedupeSql(spec: ResourceSpec): string {
  const table = quoteIdent(stageTable(spec));
  return `UPDATE ${table} SET reason = 'duplicate-id' WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY source_id ORDER BY file_index, record) AS n FROM ${table} WHERE reason IS NULL) WHERE n > 1)`;
}

/** Collects a concept's distinct coding lists (JSON is built per distinct list, not per row). */
export function buildConceptKeysSql(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  const codings = quoteIdent(conceptCodings(options.concept));
  return `CREATE TABLE ${quoteIdent(conceptKeysTable(options))} AS SELECT DISTINCT ${codings} AS codings, to_json(${codings}) AS key FROM ${quoteIdent(stageTable(options.spec))} WHERE reason IS NULL AND ${codings} IS NOT NULL`;
}

export function buildReadKeysSql(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  return `SELECT key FROM ${quoteIdent(conceptKeysTable(options))}`;
}

/** After `code_map` is filled: coding list → resolution, for one concept. */
export function buildConceptMapSql(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  return `CREATE TABLE ${quoteIdent(conceptMapTable(options))} AS SELECT k.codings, m.* EXCLUDE (kind, key) FROM ${quoteIdent(conceptKeysTable(options))} AS k JOIN code_map AS m ON m.kind = ${quoteLiteral(options.concept.kind)} AND m.key = k.key`;
}

export const CREATE_CODE_MAP_SQL =
  'CREATE TABLE code_map (kind VARCHAR NOT NULL, key VARCHAR NOT NULL, valid BOOLEAN NOT NULL, system VARCHAR, code VARCHAR, mapped BOOLEAN NOT NULL, condition_id VARCHAR, finding_id VARCHAR, test_id VARCHAR, ingredient_rxcui VARCHAR, icd10 VARCHAR, snomed VARCHAR, loinc VARCHAR)';

export const CREATE_ID_MAPS_SQL = [
  'CREATE TABLE patient_map (source_id VARCHAR NOT NULL, patient_id VARCHAR NOT NULL)',
  'CREATE TABLE encounter_map (source_id VARCHAR NOT NULL, encounter_id VARCHAR NOT NULL)',
] as const;

/** A required concept none of whose codings is usable quarantines its line. */
export function buildInvalidCodeSql(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  const { spec, concept } = options;
  const table = quoteIdent(stageTable(spec));
  const reason = quoteLiteral(`invalid-code:${concept.element ?? concept.name}`);
  return `UPDATE ${table} SET reason = ${reason} FROM ${quoteIdent(conceptMapTable(options))} AS m WHERE ${table}.reason IS NULL AND m.codings = ${table}.${quoteIdent(conceptCodings(concept))} AND NOT m.valid`;
}

/** Source ids to pseudonymise: every valid row's patient (or encounter) reference, de-duplicated. */
export function buildDistinctSourcesSql(options: {
  specs: readonly ResourceSpec[];
  column: 'patient_source' | 'encounter_source';
}): string {
  const parts = options.specs.map(
    (spec) =>
      `SELECT ${options.column} AS source_id FROM ${quoteIdent(stageTable(spec))} WHERE reason IS NULL AND ${options.column} IS NOT NULL`,
  );
  return `SELECT DISTINCT source_id FROM (${parts.join(' UNION ALL ')})`;
}

function fromClause(spec: ResourceSpec, output: Readonly<Record<string, string>>): string[] {
  const usesPatientStage = Object.values(output).some((expr) => expr.includes('pt.'));
  return [
    `FROM ${quoteIdent(stageTable(spec))} AS s`,
    'JOIN patient_map AS p ON p.source_id = s.patient_source',
    'LEFT JOIN encounter_map AS e ON e.source_id = s.encounter_source',
    ...(usesPatientStage
      ? [
          'LEFT JOIN "stage_patients" AS pt ON pt.source_id = s.patient_source AND pt.reason IS NULL',
        ]
      : []),
    ...spec.concepts.map((concept) => {
      const alias = quoteIdent(`m_${concept.name}`);
      return `LEFT JOIN ${quoteIdent(conceptMapTable({ spec, concept }))} AS ${alias} ON ${alias}.codings = s.${quoteIdent(conceptCodings(concept))}`;
    }),
  ];
}

/**
 * Valid rows → the de-identified table, in source order (file, then line): deterministic for the
 * same input, cheap to sort, and grouped by patient whenever the export is (Bulk exports usually are).
 */
export function buildCopyTableSql(options: { spec: ResourceSpec; path: string }): string {
  const { spec, path } = options;
  return [
    `COPY (SELECT ${selectList(spec.output)}`,
    ...fromClause(spec, spec.output),
    'WHERE s.reason IS NULL',
    'ORDER BY s.file_index, s.record)',
    `TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}

/** The spec's restricted output (note text) → Parquet in the restricted area. */
export function buildCopyRestrictedSql(options: {
  spec: ResourceSpec;
  path: string;
}): string | undefined {
  const { spec, path } = options;
  if (spec.restricted === undefined) {
    return undefined;
  }
  return [
    `COPY (SELECT ${selectList(spec.restricted.output)}`,
    ...fromClause(spec, spec.restricted.output),
    `WHERE s.reason IS NULL AND ${spec.restricted.where}`,
    'ORDER BY s.file_index, s.record)',
    `TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`,
  ].join('\n');
}

export function buildQuarantinedSql(spec: ResourceSpec): string {
  return `SELECT file_index, record, reason FROM ${quoteIdent(stageTable(spec))} WHERE reason IS NOT NULL ORDER BY file_index, record`;
}

/** Per file: records read and quarantined; per reason: counts. */
export function buildStageCountsSql(spec: ResourceSpec): string {
  return `SELECT file_index, coalesce(reason, '') AS reason, count(*)::BIGINT AS n FROM ${quoteIdent(stageTable(spec))} GROUP BY ALL ORDER BY ALL`;
}

/** Valid rows whose patient is not in the export's Patient file (kept, reported). */
export function buildOrphansSql(spec: ResourceSpec): string {
  return `SELECT count(*)::BIGINT AS n FROM ${quoteIdent(stageTable(spec))} AS s WHERE s.reason IS NULL AND NOT EXISTS (SELECT 1 FROM "stage_patients" AS pt WHERE pt.source_id = s.patient_source AND pt.reason IS NULL)`;
}

/** Mapped / unknown counts of a counted concept, by canonical code system. */
export function buildCodeStatsSql(options: { spec: ResourceSpec; concept: ConceptSpec }): string {
  const codings = quoteIdent(conceptCodings(options.concept));
  return `SELECT coalesce(m.system, '(none)') AS system, m.mapped, count(*)::BIGINT AS n FROM ${quoteIdent(stageTable(options.spec))} AS s JOIN ${quoteIdent(conceptMapTable(options))} AS m ON m.codings = s.${codings} WHERE s.reason IS NULL GROUP BY ALL ORDER BY ALL`;
}

/** The most frequent codes of a concept the KB does not know (for curation; codes are not PHI). */
export function buildTopUnknownSql(options: {
  spec: ResourceSpec;
  concept: ConceptSpec;
  limit: number;
}): string {
  const codings = quoteIdent(conceptCodings(options.concept));
  return `SELECT m.system, m.code, count(*)::BIGINT AS n FROM ${quoteIdent(stageTable(options.spec))} AS s JOIN ${quoteIdent(conceptMapTable(options))} AS m ON m.codings = s.${codings} WHERE s.reason IS NULL AND m.valid AND NOT m.mapped GROUP BY ALL ORDER BY n DESC, m.system, m.code LIMIT ${String(options.limit)}`;
}

/** The latest visit date in the export (the default reference date for ages). */
export const LATEST_ENCOUNTER_SQL = `SELECT strftime(max(start_date), '%Y-%m-%d') AS latest FROM "stage_encounters" WHERE reason IS NULL`;
