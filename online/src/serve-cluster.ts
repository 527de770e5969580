/**
 * `node online/dist/serve-cluster.js`: the online service on WEB_CONCURRENCY processes sharing one
 * port (node:cluster). Each worker is exactly `main.ts` (same variables, same drain on SIGTERM);
 * the primary only forks, replaces and stops them. See README "Deployment and scale-out".
 */
import cluster from 'node:cluster';
import { parseEnv } from '@mediassist/shared/config';
import { toAppError } from '@mediassist/shared/errors';
import { createLogger } from '@mediassist/shared/logger';
import { ClusterEnvSchema } from './cluster/cluster-env.js';
import { startClusterPrimary } from './cluster/cluster-primary.js';

if (cluster.isPrimary) {
  const logger = createLogger({ name: 'online-cluster' });
  try {
    const env = parseEnv(ClusterEnvSchema);
    logger.level = env.LOG_LEVEL;
    const primary = startClusterPrimary({ cluster, env, logger });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        primary.stop(signal);
      });
    }
    primary.ready.catch((thrown: unknown) => {
      logger.fatal({ code: toAppError(thrown).code }, 'workers failed to start');
      primary.stop();
    });
    void primary.stopped.then((code) => {
      logger.info({ code }, 'stopped');
      process.exit(code);
    });
  } catch (thrown) {
    const error = toAppError(thrown);
    logger.fatal({ code: error.code, details: error.details }, error.message);
    process.exitCode = 1;
  }
} else {
  await import('./main.js');
}
