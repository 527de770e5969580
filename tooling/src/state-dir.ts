/** Where the project keeps its local state (Redis data, lake, model registry): never committed. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest folder above this module that holds turbo.json. */
export function projectRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'turbo.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no turbo.json above ${from}`);
    }
    dir = parent;
  }
  return dir;
}

/** `$MEDIASSIST_HOME`, or `<root>/.mediassist`, joined with the given parts. */
export function stateDir(...parts: string[]): string {
  const home = process.env['MEDIASSIST_HOME'] ?? path.join(projectRoot(), '.mediassist');
  return path.join(home, ...parts);
}
