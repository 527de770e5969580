/**
 * The model registry on a filesystem folder: immutable version folders, and pointer files moved
 * atomically (write a temp file, then rename) so readers never see a half-written pointer or model.
 */
import { randomUUID } from 'node:crypto';
import {
  appendFile,
  copyFile,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import { ModelManifestSchema, type ModelManifest } from '@mediassist/shared/model';
import {
  CanaryPointerSchema,
  ProductionPointerSchema,
  type CanaryPointer,
  type ProductionPointer,
  type RegistryEvent,
} from './pointers.js';
import { registryLayout, type RegistryLayout } from './registry-layout.js';

export interface PublishOptions {
  manifest: ModelManifest;
  /** Files to store with the version: name in the registry → source path on disk. */
  files: Readonly<Record<string, string>>;
  /** Extra text files (model card, metrics, report) written as given. */
  texts?: Readonly<Record<string, string>>;
}

export interface ModelRegistry {
  readonly layout: RegistryLayout;
  publish(options: PublishOptions): Promise<void>;
  versions(): Promise<string[]>;
  manifest(version: string): Promise<ModelManifest>;
  production(): Promise<ProductionPointer | null>;
  canary(): Promise<CanaryPointer | null>;
  promote(options: { version: string; reason: string }): Promise<ProductionPointer>;
  rollback(options: { reason: string }): Promise<ProductionPointer>;
  startCanary(options: { version: string; share: number }): Promise<CanaryPointer>;
  stopCanary(): Promise<void>;
  history(): Promise<RegistryEvent[]>;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${randomUUID()}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

export function createFileModelRegistry(options: {
  root: string;
  now?: () => Date;
}): ModelRegistry {
  const layout = registryLayout(options.root);
  const now = options.now ?? (() => new Date());

  const record = async (event: Omit<RegistryEvent, 'at'>): Promise<void> => {
    await mkdir(layout.root, { recursive: true });
    await appendFile(layout.history, `${JSON.stringify({ at: now().toISOString(), ...event })}\n`);
  };

  const manifest = async (version: string): Promise<ModelManifest> => {
    const raw = await readJson(layout.artifact(version, 'manifest.json'));
    const parsed = ModelManifestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('MODEL_INVALID', `Model ${version} has no valid manifest`, {
        details: [{ path: 'manifest.json', issue: raw === null ? 'missing' : 'invalid' }],
      });
    }
    return parsed.data;
  };

  const production = async (): Promise<ProductionPointer | null> => {
    const raw = await readJson(layout.productionPointer);
    return raw === null ? null : ProductionPointerSchema.parse(raw);
  };

  const writeProduction = async (pointer: ProductionPointer): Promise<ProductionPointer> => {
    await writeAtomically(layout.productionPointer, `${JSON.stringify(pointer, null, 2)}\n`);
    return pointer;
  };

  return {
    layout,
    async publish({ manifest: m, files, texts = {} }) {
      const target = layout.versionDir(m.version);
      const staging = path.join(layout.modelsDir, `.staging-${m.version}-${randomUUID()}`);
      await mkdir(staging, { recursive: true });
      try {
        for (const [name, source] of Object.entries(files)) {
          await copyFile(source, path.join(staging, path.basename(name)));
        }
        for (const [name, text] of Object.entries(texts)) {
          await writeFile(path.join(staging, path.basename(name)), text);
        }
        await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
        await rename(staging, target);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        if (
          (error as NodeJS.ErrnoException).code === 'ENOTEMPTY' ||
          (error as NodeJS.ErrnoException).code === 'EEXIST'
        ) {
          throw new AppError('CONFLICT', `Model version ${m.version} already exists`, {
            cause: error,
          });
        }
        throw error;
      }
      await record({ action: 'publish', version: m.version });
    },
    async versions() {
      try {
        const entries = await readdir(layout.modelsDir, { withFileTypes: true });
        return entries
          .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
          .map((e) => e.name)
          .sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return [];
        }
        throw error;
      }
    },
    manifest,
    production,
    async canary() {
      const raw = await readJson(layout.canaryPointer);
      return raw === null ? null : CanaryPointerSchema.parse(raw);
    },
    async promote({ version, reason }) {
      await manifest(version);
      const current = await production();
      const pointer = await writeProduction({
        version,
        promotedAt: now().toISOString(),
        previous: current?.version ?? null,
        reason,
      });
      await record({ action: 'promote', version, detail: reason });
      return pointer;
    },
    async rollback({ reason }) {
      const current = await production();
      if (!current?.previous) {
        throw new AppError('CONFLICT', 'Nothing to roll back to');
      }
      await manifest(current.previous);
      const pointer = await writeProduction({
        version: current.previous,
        promotedAt: now().toISOString(),
        previous: current.version,
        reason,
      });
      await record({ action: 'rollback', version: current.previous, detail: reason });
      return pointer;
    },
    async startCanary({ version, share }) {
      await manifest(version);
      const pointer = CanaryPointerSchema.parse({ version, share, startedAt: now().toISOString() });
      await writeAtomically(layout.canaryPointer, `${JSON.stringify(pointer, null, 2)}\n`);
      await record({ action: 'canary-start', version, detail: `share=${String(share)}` });
      return pointer;
    },
    async stopCanary() {
      const current = await readJson(layout.canaryPointer);
      await rm(layout.canaryPointer, { force: true });
      if (current !== null) {
        await record({
          action: 'canary-stop',
          version: CanaryPointerSchema.parse(current).version,
        });
      }
    },
    async history() {
      try {
        const text = await readFile(layout.history, 'utf8');
        return text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as RegistryEvent);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return [];
        }
        throw error;
      }
    },
  };
}
