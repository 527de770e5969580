/** Streams the resources of one type from a FHIR Bulk Data export folder, one parsed line at a time. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { BulkInventory } from '../ingest/bulk-files.js';

export interface NdjsonResourcesOptions {
  inventory: BulkInventory;
  resourceType: string;
  /** Called for each line that is not JSON (the line itself is never passed on: it may hold PHI). */
  onInvalidLine?: () => void;
}

export async function* ndjsonResources(
  options: NdjsonResourcesOptions,
): AsyncGenerator<unknown, void> {
  const { inventory, resourceType, onInvalidLine } = options;
  for (const file of inventory.files.filter((f) => f.resourceType === resourceType)) {
    const raw = createReadStream(file.path);
    const input = file.path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const lines = createInterface({ input, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        onInvalidLine?.();
        continue;
      }
      yield value;
    }
  }
}
