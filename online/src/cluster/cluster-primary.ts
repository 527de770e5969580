/**
 * The primary of the multi-process mode (`node:cluster`): forks `workers` copies of the online
 * service, which share one listening port (the primary hands out connections round-robin). The
 * first worker starts alone so first-start work (local keys) is done once; a worker that dies is
 * replaced; SIGTERM/SIGINT is passed to every worker, which drains as a single process would, and
 * the primary exits once all have. Optionally serves the workers' metrics added up.
 */
import type { Cluster, Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@mediassist/shared/logger';
import { AggregatorRegistry } from 'prom-client';
import type { ClusterEnv } from './cluster-env.js';

export interface ClusterPrimary {
  /** Resolves once every worker listens. */
  readonly ready: Promise<void>;
  /** Resolves with the exit code once every worker stopped after a signal. */
  readonly stopped: Promise<number>;
  stop(signal?: NodeJS.Signals): void;
}

export function startClusterPrimary(options: {
  cluster: Cluster;
  env: ClusterEnv;
  logger: Logger;
}): ClusterPrimary {
  const { cluster, env, logger } = options;
  let stopping = false;
  let failures = 0;
  const exits: Promise<void>[] = [];

  let stop: (signal?: NodeJS.Signals) => void = () => undefined;

  const fork = (): Promise<Worker> => {
    const worker = cluster.fork();
    let listening = false;
    const started = new Promise<Worker>((resolve, reject) => {
      worker.once('listening', () => {
        listening = true;
        logger.info({ pid: worker.process.pid }, 'worker listening');
        resolve(worker);
      });
      worker.once('exit', (code) => {
        reject(new Error(`worker exited with ${String(code)} before listening`));
      });
    });
    exits.push(
      new Promise((resolve) => {
        worker.once('exit', (code, signal) => {
          resolve();
          if (stopping) {
            failures += code === 0 ? 0 : 1;
            return;
          }
          if (!listening) {
            // A worker that cannot start (bad config, port taken) would crash-loop: stop instead.
            failures += 1;
            stop();
            return;
          }
          logger.error({ pid: worker.process.pid, code, signal }, 'worker died; replacing it');
          void sleep(env.CLUSTER_RESTART_DELAY_MS).then(() =>
            stopping ? undefined : fork().catch(() => undefined),
          );
        });
      }),
    );
    return started;
  };

  const ready = (async () => {
    await fork();
    await Promise.all(Array.from({ length: env.WEB_CONCURRENCY - 1 }, () => fork()));
    logger.info({ workers: env.WEB_CONCURRENCY }, 'online service listening (multi-process)');
  })();

  let metricsServer: Server | undefined;
  if (env.CLUSTER_METRICS_PORT !== undefined) {
    const aggregator = new AggregatorRegistry();
    metricsServer = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      aggregator.clusterMetrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': aggregator.contentType }).end(text);
        },
        (error: unknown) => {
          logger.warn(
            { error: error instanceof Error ? error.message : 'unknown' },
            'metrics aggregation failed',
          );
          res.writeHead(503).end();
        },
      );
    });
    metricsServer.listen(env.CLUSTER_METRICS_PORT, env.CLUSTER_METRICS_HOST);
  }

  let resolveStopped: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => {
    resolveStopped = resolve;
  });
  stop = (signal = 'SIGTERM') => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping every worker');
    metricsServer?.close();
    // Always SIGTERM: a worker drains on it (a terminal's Ctrl-C already sent SIGINT to each).
    for (const worker of Object.values(cluster.workers ?? {})) {
      worker?.process.kill('SIGTERM');
    }
    void Promise.all(exits).then(() => {
      resolveStopped(failures === 0 ? 0 : 1);
    });
  };
  return {
    ready,
    stopped,
    stop: (signal) => {
      stop(signal);
    },
  };
}
