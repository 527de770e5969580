/**
 * The export's manifest, shaped like a FHIR Bulk Data status response (`transactionTime`, `request`,
 * `requiresAccessToken`, `output[{type,url,count}]`, `error`), with file names relative to the
 * manifest, plus a `generator` block saying how the data were made (no PHI).
 */
import { isoDate, isoDateTime } from './fhir-datatypes.js';
import type { GenerationConfig } from './generation-config.js';
import type { ShardResult } from './generate-shard.js';
import { RESOURCE_TYPES } from './emit-encounter.js';

export const MANIFEST_FILE = 'manifest.json';

export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: false;
  output: { type: string; url: string; count: number }[];
  error: never[];
  generator: {
    name: 'mediassist-synthetic-ehr';
    seed: number;
    worldSeed: number;
    patients: number;
    encounters: number;
    years: number;
    start: string;
    end: string;
    typoRate: number;
    counts: Record<string, number>;
  };
}

export function buildManifest(options: {
  results: readonly ShardResult[];
  config: GenerationConfig;
  patients: number;
  window: { startMs: number; endMs: number };
}): BulkManifest {
  const { results, config, window } = options;
  const files = results.flatMap((r) => r.files);
  const order = (t: string): number => RESOURCE_TYPES.indexOf(t as (typeof RESOURCE_TYPES)[number]);
  const output = files
    .filter((f) => f.count > 0)
    .sort((a, b) => order(a.type) - order(b.type) || a.file.localeCompare(b.file))
    .map((f) => ({ type: f.type, url: f.file, count: f.count }));
  const counts: Record<string, number> = {};
  for (const f of output) {
    counts[f.type] = (counts[f.type] ?? 0) + f.count;
  }
  return {
    // The data's as-of time, not the wall clock: the same arguments give the same bytes.
    transactionTime: isoDateTime(window.endMs - 1000),
    request: `urn:mediassist:generate?patients=${String(options.patients)}&seed=${String(config.seed)}&years=${String(config.years)}&end-date=${config.endDate}`,
    requiresAccessToken: false,
    output,
    error: [],
    generator: {
      name: 'mediassist-synthetic-ehr',
      seed: config.seed,
      worldSeed: config.worldSeed,
      patients: results.reduce((n, r) => n + r.patients, 0),
      encounters: results.reduce((n, r) => n + r.encounters, 0),
      years: config.years,
      start: isoDate(window.startMs),
      end: config.endDate,
      typoRate: config.typoRate,
      counts,
    },
  };
}
