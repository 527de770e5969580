/**
 * Publishes a finished ingest run: each published folder is a symlink replaced by `rename(2)`, which
 * is atomic, so readers see the old run or the new one, never a mix inside one folder. The previous
 * run is kept (a reader may still be scanning it); older runs and failed leftovers are removed.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import type { LakeLayout } from './lake-layout.js';

interface PublishedLink {
  link: string;
  target: string;
}

function linksOf(layout: LakeLayout, runId: string): PublishedLink[] {
  const restricted = layout.runRestricted(runId);
  return [
    { link: layout.clinical, target: layout.runClinical(runId) },
    { link: layout.notes, target: path.join(restricted, 'notes') },
    { link: layout.quarantine, target: path.join(restricted, 'quarantine') },
  ];
}

async function currentTarget(link: string): Promise<string | undefined> {
  try {
    const stat = await lstat(link);
    if (!stat.isSymbolicLink()) {
      throw new AppError(
        'CONFLICT',
        `${path.basename(link)} in the lake is not a link managed by ingest; move it away and re-run`,
      );
    }
    return path.resolve(path.dirname(link), await readlink(link));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

async function swapLink(options: PublishedLink): Promise<void> {
  const { link, target } = options;
  const temporary = `${link}.${randomBytes(4).toString('hex')}.tmp`;
  await symlink(path.relative(path.dirname(link), target), temporary);
  await rename(temporary, link);
}

/** Run ids under a runs folder that are neither the current nor the previous run. */
async function staleRuns(options: { dir: string; keep: ReadonlySet<string> }): Promise<string[]> {
  try {
    const entries = await readdir(options.dir);
    return entries.filter((name) => !options.keep.has(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

/** Makes `runId` the lake's current run and prunes all but it and the run it replaced. */
export async function publishRun(options: { layout: LakeLayout; runId: string }): Promise<void> {
  const { layout, runId } = options;
  await mkdir(layout.restricted, { recursive: true, mode: 0o700 });
  await chmod(layout.restricted, 0o700);
  const links = linksOf(layout, runId);
  const previous = await currentTarget(layout.clinical);
  await Promise.all(links.slice(1).map((l) => currentTarget(l.link)));
  for (const link of links) {
    await swapLink(link);
  }
  const keep = new Set([runId]);
  if (previous !== undefined) {
    keep.add(path.basename(path.dirname(previous)));
  }
  for (const dir of [layout.runsDir, layout.restrictedRunsDir]) {
    for (const stale of await staleRuns({ dir, keep })) {
      await rm(path.join(dir, stale), { recursive: true, force: true });
    }
  }
}
