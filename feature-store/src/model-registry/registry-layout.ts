/** Where everything lives in a registry folder: the one place paths are built. See docs/specs/model-registry.md. */
import path from 'node:path';

export interface RegistryLayout {
  root: string;
  modelsDir: string;
  versionDir(version: string): string;
  artifact(version: string, file: string): string;
  productionPointer: string;
  canaryPointer: string;
  history: string;
}

export function registryLayout(root: string): RegistryLayout {
  const modelsDir = path.join(root, 'models');
  return {
    root,
    modelsDir,
    versionDir: (version) => path.join(modelsDir, version),
    artifact: (version, file) => path.join(modelsDir, version, path.basename(file)),
    productionPointer: path.join(root, 'production.json'),
    canaryPointer: path.join(root, 'canary.json'),
    history: path.join(root, 'history.ndjson'),
  };
}
