/**
 * How one FHIR resource type becomes one lake table: the elements read (an allow-list — identifying
 * elements are never read at all), the checks that quarantine a line, the codes to resolve and the
 * output columns. Specs are data; `ingest-sql.ts` turns them into SQL.
 */
import type { ClinicalTable } from '../lake/lake-layout.js';
import type { ConceptKind } from './code-resolver.js';

/** DuckDB types of the FHIR datatypes ingest reads (only the parts it needs). */
export const FHIR = {
  coding: 'STRUCT(system VARCHAR, code VARCHAR)',
  codeableConcept: 'STRUCT(coding STRUCT(system VARCHAR, code VARCHAR)[])',
  reference: 'STRUCT(reference VARCHAR)',
  period: 'STRUCT("start" VARCHAR, "end" VARCHAR)',
  quantity: 'STRUCT(value DOUBLE, unit VARCHAR, system VARCHAR, code VARCHAR)',
} as const;

export interface ConceptSpec {
  /** Stage column `<name>_key`; output SQL refers to the resolved code as `m_<name>`. */
  readonly name: string;
  readonly kind: ConceptKind;
  /** SQL over the raw columns: a list of STRUCT(system, code). */
  readonly codings: string;
  /** Set when the element is required: a concept with no usable coding is quarantined. */
  readonly element?: string;
  /** Whether mapped/unknown counts of this concept are reported. */
  readonly counted: boolean;
}

export interface ResourceSpec {
  readonly resourceType: string;
  readonly table: ClinicalTable;
  /** Elements read from each line → DuckDB type. Nothing else enters the lake. */
  readonly columns: Readonly<Record<string, string>>;
  /** SQL over raw columns: the patient's source id (pseudonymised before output). */
  readonly patientRef: string;
  /** The element `patientRef` reads, for quarantine reasons (`subject`, `patient`). */
  readonly patientElement: string;
  /** SQL over raw columns: the encounter's source id (Encounter itself: its id). */
  readonly encounterRef?: string;
  /** Required elements beyond `id` and the patient reference: SQL true when present. */
  readonly required: readonly { readonly element: string; readonly present: string }[];
  /**
   * Date stage columns: name → the element (named in quarantine reasons) and its raw SQL (VARCHAR);
   * the column holds `fhir_date(raw)`, and a present but unparseable value quarantines the line.
   */
  readonly dates: Readonly<Record<string, { readonly element: string; readonly raw: string }>>;
  /** Other stage columns: name → SQL over raw columns. */
  readonly stage: Readonly<Record<string, string>>;
  readonly concepts: readonly ConceptSpec[];
  /**
   * Output columns: name → SQL over `s` (stage row), `p.patient_id`, `e.encounter_id`, `pt` (the
   * patient's stage row: `pt.birth_date`) and `m_<concept>` (resolved code) — nothing else.
   */
  readonly output: Readonly<Record<string, string>>;
  /** A second, restricted output (note text): columns and the rows that have it. */
  readonly restricted?: {
    readonly output: Readonly<Record<string, string>>;
    readonly where: string;
  };
}
