/**
 * Finds the FHIR Bulk Data files of an export folder: one or more `<Type>.ndjson` per resource type,
 * optionally gzipped and numbered (`Observation.000.ndjson.gz`, `Observation-2.ndjson`,
 * `1.Observation.ndjson`). Anything else (logs, manifests) is listed as ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';

export interface BulkFile {
  readonly path: string;
  readonly name: string;
  readonly resourceType: string;
  readonly bytes: number;
}

export interface BulkInventory {
  /** Sorted by resource type, then file name (numbered parts in numeric order). */
  readonly files: readonly BulkFile[];
  /** File names that are not Bulk Data resource files. */
  readonly ignored: readonly string[];
}

const BULK_FILE = /^(?:\d+\.)?([A-Z][A-Za-z]{1,63})(?:[._-]\d+)?\.ndjson(?:\.gz)?$/;

/** The resource type a Bulk Data file name stands for, or undefined for any other file. */
export function resourceTypeOfFile(name: string): string | undefined {
  return BULK_FILE.exec(name)?.[1];
}

const byTypeThenName = (a: BulkFile, b: BulkFile): number =>
  a.resourceType.localeCompare(b.resourceType) ||
  a.name.localeCompare(b.name, 'en', { numeric: true });

export async function discoverBulkFiles(dir: string): Promise<BulkInventory> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new AppError('VALIDATION_FAILED', `Input ${dir} is not a folder`);
    }
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `Input folder ${dir} does not exist`);
    }
    throw error;
  }
  const files: BulkFile[] = [];
  const ignored: string[] = [];
  for (const name of entries.sort()) {
    const resourceType = resourceTypeOfFile(name);
    const filePath = path.join(dir, name);
    const info = await stat(filePath);
    if (resourceType === undefined || !info.isFile()) {
      ignored.push(name);
    } else {
      files.push({ path: filePath, name, resourceType, bytes: info.size });
    }
  }
  if (files.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `No FHIR Bulk Data files (<ResourceType>.ndjson or .ndjson.gz) in ${dir}`,
    );
  }
  return { files: files.sort(byTypeThenName), ignored };
}
