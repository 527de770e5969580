/**
 * `npm start`: brings the whole system up on the embedded defaults — a private Redis, the local
 * lake and registry under .mediassist/, and every service — prints where to open it, and stops
 * everything (Redis included) on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureLocalEnv } from './local-env.js';
import { ONLINE_NODE_FLAGS } from './online-node-flags.js';
import { startLocalRedis, type LocalRedis } from './local-redis.js';
import { startService, type RunningService, type ServiceSpec } from './service-process.js';
import { projectRoot, stateDir } from './state-dir.js';

interface PlannedService extends ServiceSpec {
  url?: string;
}

function plannedServices(env: Record<string, string>): PlannedService[] {
  const root = projectRoot();
  const port = env['PORT'] ?? '3000';
  return [
    {
      name: 'online',
      entry: path.join(root, 'online/dist/main.js'),
      nodeArgs: ONLINE_NODE_FLAGS,
      env: { ...env, PORT: port },
      url: `http://localhost:${port}/`,
    },
    { name: 'nearline', entry: path.join(root, 'nearline/dist/main.js'), env },
    { name: 'scheduler', entry: path.join(root, 'offline/dist/scheduler-main.js'), env },
    { name: 'offline-worker', entry: path.join(root, 'offline/dist/worker-main.js'), env },
  ];
}

/**
 * First start: with no production model in the registry, the offline pipeline runs once
 * (generate → … → promote → materialize) beside the services, which serve guidelines-only until
 * the model is promoted and pick it up by themselves. FIRST_RUN_PATIENTS (default 20,000) sets its size.
 */
function firstRun(env: Record<string, string>): RunningService | undefined {
  const home = env['MEDIASSIST_HOME'] ?? stateDir();
  const entry = path.join(projectRoot(), 'offline/dist/main.js');
  if (existsSync(path.join(home, 'registry', 'production.json')) || !existsSync(entry)) {
    return undefined;
  }
  const patients = env['FIRST_RUN_PATIENTS'] ?? process.env['FIRST_RUN_PATIENTS'] ?? '20000';
  return startService({
    name: 'first-run',
    entry,
    env,
    args: ['pipeline', '--patients', patients],
  });
}

async function main(): Promise<void> {
  const local = await ensureLocalEnv();
  let redis: LocalRedis | undefined;
  let redisUrl = process.env['REDIS_URL'];
  if (!redisUrl) {
    const port = Number(new URL(local.REDIS_URL).port);
    redis = await startLocalRedis({ dataDir: stateDir('redis'), port, ownProcessGroup: true });
    redisUrl = redis.url;
  }
  const env = { ...local, REDIS_URL: redisUrl };

  const running: RunningService[] = [];
  const lines = [`  Redis        ${redisUrl}${redis ? ' (local, AOF in .mediassist/redis)' : ''}`];
  for (const service of plannedServices(env)) {
    if (!existsSync(service.entry)) {
      lines.push(
        `  ${service.name.padEnd(12)} not built yet (${path.relative(projectRoot(), service.entry)})`,
      );
      continue;
    }
    running.push(startService(service));
    lines.push(`  ${service.name.padEnd(12)} ${service.url ?? 'running'}`);
  }
  process.stdout.write(`\nMediAssist is up:\n${lines.join('\n')}\nPress Ctrl-C to stop.\n\n`);
  const bootstrap = firstRun(env);
  if (bootstrap) {
    process.stdout.write('No production model yet: training one now (first start only)…\n');
    void bootstrap.exited.then((how) => {
      process.stdout.write(
        how === '0'
          ? 'First-run pipeline finished; once a model is promoted the services switch to it by themselves.\n'
          : `First-run pipeline ended (${how}); see [first-run] lines above.\n`,
      );
    });
  }

  const reason = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => {
      resolve('signal');
    });
    process.once('SIGTERM', () => {
      resolve('signal');
    });
    for (const service of running) {
      void service.exited.then((how) => {
        resolve(`${service.name} exited (${how})`);
      });
    }
  });
  if (reason !== 'signal') {
    process.stderr.write(`${reason}; stopping everything.\n`);
    process.exitCode = 1;
  }
  process.stdout.write('\nStopping MediAssist…\n');
  await Promise.all([...running, ...(bootstrap ? [bootstrap] : [])].map((s) => s.stop()));
  await redis?.stop();
  process.stdout.write('Stopped.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
