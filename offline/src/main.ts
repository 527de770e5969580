/**
 * `npm run offline -- <job> [--flags]`: the data scientists' CLI. Parses env and flags, runs one job,
 * prints its result as one JSON line (the last line of stdout), exits non-zero with a clear message.
 */
import { parseEnv } from '@mediassist/shared/config';
import { toAppError } from '@mediassist/shared/errors';
import { createLogger } from '@mediassist/shared/logger';
import { parseJobArgs } from './cli/parse-job-args.js';
import { OfflineEnvSchema } from './config.js';
import { createProgressFactory } from './io/progress.js';
import { findJob, JOBS } from './jobs/registry.js';

function usage(): string {
  const width = Math.max(...JOBS.map((j) => j.name.length));
  return [
    'Usage: npm run offline -- <job> [--flag value …]',
    '',
    'Jobs:',
    ...JOBS.map((j) => `  ${j.name.padEnd(width)}  ${j.description}`),
  ].join('\n');
}

async function main(): Promise<number> {
  const { job: name, flags, help } = parseJobArgs(process.argv.slice(2));
  const job = name === undefined ? undefined : findJob(name);
  if (!job) {
    process.stderr.write(`${name === undefined ? '' : `Unknown job: ${name}\n\n`}${usage()}\n`);
    return help && name === undefined ? 0 : 2;
  }
  const env = parseEnv(OfflineEnvSchema);
  // Logs go to stderr so stdout stays machine-readable (the result JSON is its last line).
  const logger = createLogger({
    name: `offline:${job.name}`,
    level: env.LOG_LEVEL,
    destination: process.stderr,
  });
  const args = job.args.safeParse(flags);
  if (!args.success) {
    const problems = args.error.issues
      .map((i) => `  --${i.path.join('.')}: ${i.message}`)
      .join('\n');
    process.stderr.write(`Invalid arguments for ${job.name}:\n${problems}\n`);
    return 2;
  }
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      controller.abort();
    });
  }
  const progress = createProgressFactory({ logger, interactive: process.stderr.isTTY });
  const result = await job.run({ env, logger, progress, signal: controller.signal }, args.data);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    const error = toAppError(thrown);
    const details = error.details.map((d) => `  ${d.path}: ${d.issue}`).join('\n');
    process.stderr.write(
      `Error (${error.code}): ${error.message}\n${details}${details ? '\n' : ''}`,
    );
    process.exitCode = 1;
  },
);
