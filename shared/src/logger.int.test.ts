import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs a script in a fresh Node process (this package's sources through tsx) and returns stdout. */
function run(script: string): Promise<{ stdout: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@mediassist/source', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      resolve({ stdout, exitCode });
    });
  });
}

const lines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg: string; patientName?: unknown });

describe('createLogger({ bufferBytes })', () => {
  it('writes every buffered line by a normal exit, PHI still removed', async () => {
    const { stdout, exitCode } = await run(`
      import { createLogger } from '@mediassist/shared/logger';
      const logger = createLogger({ name: 't', bufferBytes: 4096 });
      for (let i = 0; i < 3; i++) logger.info({ name: 'Jane Doe', i }, 'line ' + i);
    `);
    expect(exitCode).toBe(0);
    expect(lines(stdout).map((l) => l.msg)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(stdout).not.toContain('Jane');
  });

  it('writes a line within about a second while the process keeps running', async () => {
    const { stdout } = await run(`
      import { createLogger } from '@mediassist/shared/logger';
      const logger = createLogger({ name: 't', bufferBytes: 8192 });
      logger.info('early');
      setTimeout(() => {
        // Written by the periodic flush, not by exit: SIGKILL ourselves so no exit hook runs.
        process.kill(process.pid, 'SIGKILL');
      }, 2_500);
    `);
    expect(lines(stdout).map((l) => l.msg)).toEqual(['early']);
  });
});
