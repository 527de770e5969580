/** The offline store's snapshot files of the three history views the encoder reads. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  conditionHistory,
  medicationList,
  recentFindings,
} from '@mediassist/feature-store/definitions';
import { snapshotFiles, viewDirectory } from '@mediassist/feature-store/offline';
import type { GramSources } from './gram-sql.js';

async function files(lakeDir: string, view: { name: string; version: number }): Promise<string[]> {
  const directory = viewDirectory({ lakeDir, view });
  try {
    return snapshotFiles(await readdir(directory)).map((name) => path.join(directory, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

export async function historySources(lakeDir: string): Promise<GramSources> {
  return {
    conditionHistory: await files(lakeDir, conditionHistory),
    recentFindings: await files(lakeDir, recentFindings),
    medicationList: await files(lakeDir, medicationList),
  };
}
