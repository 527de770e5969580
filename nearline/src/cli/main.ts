/**
 * `npm run nearline -- <command>`: the nearline tier's operator CLI.
 *   enqueue --file <events.ndjson> [--kind visit|feedback]   submit events (compact JSON or FHIR Bundles)
 *   dead-letters [--limit 100]                                list dead-lettered events (ids and codes)
 *   redrive [--event <id>] [--limit 1000]                     submit dead-lettered events again
 * Every output line is JSON; the last one is the summary. Exit code 1 when a line was rejected.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  checkRedisTarget,
  createRedisConnection,
  redisConnectionEnvFields,
  requireRedisTarget,
} from '@mediassist/feature-store/redis-connection';
import { parseEnv } from '@mediassist/shared/config';
import { AppError, toAppError } from '@mediassist/shared/errors';
import {
  createEventIntake,
  createEventNormalizer,
  createNearlineKeys,
  NEARLINE_QUEUES,
} from '@mediassist/shared/events';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { Queue } from 'bullmq';
import { z } from 'zod';
import { listDeadLetters, redriveDeadLetters } from './dead-letter-commands.js';
import { enqueueLines } from './enqueue-lines.js';

const CliEnvSchema = z
  .object({
    /** One Redis node (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES=host:port,…). */
    ...redisConnectionEnvFields,
    REDIS_KEY_PREFIX: z.string().default('mediassist:'),
    /** Needed to accept events that name patients by their EHR id. */
    PSEUDONYM_KEY: PseudonymKeySchema.optional(),
  })
  .superRefine(checkRedisTarget({ required: true }));

const USAGE =
  'usage: nearline enqueue --file <events.ndjson> [--kind visit|feedback] | dead-letters [--limit n] | redrive [--event <id>] [--limit n]';

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      kind: { type: 'string', default: 'visit' },
      limit: { type: 'string' },
      event: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command !== 'enqueue' && command !== 'dead-letters' && command !== 'redrive') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const env = parseEnv(CliEnvSchema);
  const keys = createNearlineKeys(env.REDIS_KEY_PREFIX);
  const redis = createRedisConnection({ target: requireRedisTarget(env), role: 'batch' });
  const prefix = keys.queuePrefix;
  const refreshQueue = new Queue(NEARLINE_QUEUES.refresh, { connection: redis, prefix });
  const deadQueue = new Queue(NEARLINE_QUEUES.deadLetter, { connection: redis, prefix });
  const intake = createEventIntake({ redis, refreshQueue, keys });
  const limit = Number(values.limit ?? (command === 'dead-letters' ? 100 : 1000));
  try {
    switch (command) {
      case 'enqueue': {
        const kind = values.kind;
        if (values.file === undefined || (kind !== 'visit' && kind !== 'feedback')) {
          throw new AppError('VALIDATION_FAILED', USAGE);
        }
        const report = await enqueueLines({
          lines: createInterface({ input: createReadStream(values.file), crlfDelay: Infinity }),
          kind,
          normalizer: createEventNormalizer({
            kb: loadKnowledgeBase(),
            pseudonymKey: env.PSEUDONYM_KEY,
          }),
          intake,
          onRejection: (rejection) => {
            print({ rejected: rejection });
          },
        });
        print(report);
        return report.rejected > 0 ? 1 : 0;
      }
      case 'dead-letters':
        for (const letter of await listDeadLetters({ queue: deadQueue, limit })) {
          print(letter);
        }
        return 0;
      case 'redrive':
        print(await redriveDeadLetters({ queue: deadQueue, intake, eventId: values.event, limit }));
        return 0;
    }
  } finally {
    await Promise.all([refreshQueue.close(), deadQueue.close()]);
    await redis.quit();
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    const error = toAppError(thrown);
    process.stderr.write(
      `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } })}\n`,
    );
    process.exitCode = 1;
  },
);
