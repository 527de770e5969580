/**
 * One writer per lake job at a time: an exclusive lock file holding the owner's pid. A lock left by
 * a process that no longer exists (killed mid-run) is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';

export interface LakeLock {
  release(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireLakeLock(options: { file: string; job: string }): Promise<LakeLock> {
  const { file, job } = options;
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && processAlive(owner)) {
        throw new AppError(
          'CONFLICT',
          `Another ${job} run (pid ${String(owner)}) is writing this lake; wait for it to finish`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new AppError('CONFLICT', `Could not take the ${job} lock on the lake`);
}
