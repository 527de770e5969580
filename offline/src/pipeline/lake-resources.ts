/** What the model stages share: a DuckDB session, the offline store over the lake, the registry. */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  createFileModelRegistry,
  type ModelRegistry,
} from '@mediassist/feature-store/model-registry';
import { DuckDbOfflineStore } from '@mediassist/feature-store/offline';
import { openDuckDbSession, type DuckDbSession } from '../lake/duckdb-session.js';

export interface LakeResources {
  readonly lakeDir: string;
  readonly session: DuckDbSession;
  readonly store: DuckDbOfflineStore;
  readonly registry: ModelRegistry;
  close(): Promise<void>;
}

export async function openLakeResources(options: {
  home: string;
  lakeDir?: string;
  threads?: number;
  memoryLimit?: string;
}): Promise<LakeResources> {
  const lakeDir = options.lakeDir ?? path.join(options.home, 'lake');
  const tempDirectory = path.join(options.home, 'work', `.duckdb-${String(process.pid)}`);
  await mkdir(tempDirectory, { recursive: true });
  const tuning = {
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit }),
  };
  const session = await openDuckDbSession({ tempDirectory, ...tuning });
  await session.connection.run(`SET TimeZone = 'UTC'`);
  const store = await DuckDbOfflineStore.open({
    lakeDir,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
  });
  return {
    lakeDir,
    session,
    store,
    registry: createFileModelRegistry({ root: path.join(options.home, 'registry') }),
    async close() {
      session.close();
      await store.close();
      await rm(tempDirectory, { recursive: true, force: true });
    },
  };
}

/** Opens the resources, runs `work`, and always closes them. */
export async function withLakeResources<T>(
  options: Parameters<typeof openLakeResources>[0],
  work: (resources: LakeResources) => Promise<T>,
): Promise<T> {
  const resources = await openLakeResources(options);
  try {
    return await work(resources);
  } finally {
    await resources.close();
  }
}
