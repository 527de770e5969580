/**
 * The features job's watermark (`<lake>/state/features.json`): which ingest run and up to which day
 * snapshots were computed, so the next run recomputes only newer days (the current snapshot always).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const FeaturesStateSchema = z.object({
  /** The ingest run (`clinical/_ingest.json#runId`) the snapshots were computed from. */
  ingestRunId: z.string().min(1),
  /** Historical snapshots exist for every day before this one (`YYYY-MM-DD`). */
  snapshotsBefore: z.iso.date(),
  /** When the run finished. */
  finishedAt: z.iso.datetime(),
});
export type FeaturesState = z.infer<typeof FeaturesStateSchema>;

export function featuresStateFile(stateDir: string): string {
  return path.join(stateDir, 'features.json');
}

/** The recorded state, or undefined when there is none (or it is unreadable: then run in full). */
export async function readFeaturesState(stateDir: string): Promise<FeaturesState | undefined> {
  try {
    const parsed = FeaturesStateSchema.safeParse(
      JSON.parse(await readFile(featuresStateFile(stateDir), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeFeaturesState(options: {
  stateDir: string;
  state: FeaturesState;
}): Promise<void> {
  const file = featuresStateFile(options.stateDir);
  await mkdir(options.stateDir, { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(options.state, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
