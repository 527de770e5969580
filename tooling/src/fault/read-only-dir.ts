/**
 * Makes a folder read-only for a fault run, even for root (CI runs as root, where mode bits do not
 * stop writes): `chattr +i` on the folder and every folder under it when running as root, else
 * mode bits. Then proves it with a probe write. Returns the function that restores it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function folders(root: string): string[] {
  const found = [root];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      found.push(...folders(path.join(root, entry.name)));
    }
  }
  return found;
}

export function makeReadOnly(dir: string): () => void {
  const all = folders(dir);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    execFileSync('chattr', ['+i', ...all]);
  } else {
    for (const folder of all) {
      chmodSync(folder, 0o555);
    }
  }
  const restore = (): void => {
    if (asRoot) {
      execFileSync('chattr', ['-i', ...all]);
    } else {
      for (const folder of all) {
        chmodSync(folder, 0o755);
      }
    }
  };
  const probe = path.join(dir, '.write-probe');
  try {
    writeFileSync(probe, 'x');
  } catch {
    return restore; // refused, as intended
  }
  rmSync(probe, { force: true });
  restore();
  throw new Error(`could not make ${dir} read-only (chattr unsupported on this file system?)`);
}
