/**
 * Where everything lives in the lake (see docs/lake.md). Ingest publishes a run as symlinks
 * (`clinical`, `restricted/notes`, `restricted/quarantine`) into run folders, so a re-run swaps
 * atomically; PHI (note text, quarantined raw lines, DuckDB spill files) never leaves `restricted/`.
 */
import path from 'node:path';

/** The de-identified analytical tables ingest writes, one Parquet file each under `clinical/`. */
export const CLINICAL_TABLES = [
  'patients',
  'encounters',
  'conditions',
  'observations',
  'medication_requests',
  'allergies',
  'immunizations',
  'procedures',
  'documents',
] as const;
export type ClinicalTable = (typeof CLINICAL_TABLES)[number];

export interface LakeLayout {
  readonly root: string;
  /** Symlink to the current run's de-identified tables. */
  readonly clinical: string;
  clinicalTable(table: ClinicalTable): string;
  /** The run manifest (counts, code statistics, as-of date) beside the tables. */
  readonly ingestManifest: string;
  /** Restricted area (mode 0700): PHI lives here and nowhere else. */
  readonly restricted: string;
  /** Symlink to the current run's notes (`notes.parquet`). */
  readonly notes: string;
  readonly notesTable: string;
  /** Symlink to the current run's quarantine (`<Type>.ndjson`: raw lines, PHI). */
  readonly quarantine: string;
  quarantineFile(resourceType: string): string;
  /** Run folders: `clinical` for a run; its notes and quarantine under `restricted/`. */
  runClinical(runId: string): string;
  runRestricted(runId: string): string;
  readonly runsDir: string;
  readonly restrictedRunsDir: string;
  /** Written by the nearline tier (may be absent). */
  readonly events: string;
  /** The training examples table the trainer reads (one Parquet file per features run). */
  readonly trainingExamples: string;
  /** Watermarks of incremental jobs. */
  readonly state: string;
}

export function createLakeLayout(root: string): LakeLayout {
  const lake = path.resolve(root);
  const clinical = path.join(lake, 'clinical');
  const restricted = path.join(lake, 'restricted');
  const runsDir = path.join(lake, '.runs');
  const restrictedRunsDir = path.join(restricted, '.runs');
  return {
    root: lake,
    clinical,
    clinicalTable: (table) => path.join(clinical, `${table}.parquet`),
    ingestManifest: path.join(clinical, '_ingest.json'),
    restricted,
    notes: path.join(restricted, 'notes'),
    notesTable: path.join(restricted, 'notes', 'notes.parquet'),
    quarantine: path.join(restricted, 'quarantine'),
    quarantineFile: (resourceType) => path.join(restricted, 'quarantine', `${resourceType}.ndjson`),
    runClinical: (runId) => path.join(runsDir, runId, 'clinical'),
    runRestricted: (runId) => path.join(restrictedRunsDir, runId),
    runsDir,
    restrictedRunsDir,
    events: path.join(lake, 'events'),
    trainingExamples: path.join(lake, 'training', 'examples'),
    state: path.join(lake, 'state'),
  };
}

/** Sortable, unique run ids: `20261122T130400123Z-3fa1c2`. */
export function newRunId(options: { now: Date; random: string }): string {
  const stamp = options.now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${options.random}`;
}
