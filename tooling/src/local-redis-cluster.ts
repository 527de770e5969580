/**
 * A private Redis Cluster on loopback: `masters` redis-servers (each AOF on, noeviction, as
 * `startLocalRedis`) with `--cluster-enabled yes`, the 16,384 slots split evenly, joined with
 * CLUSTER MEET (and CLUSTER REPLICATE for replicas), ready once every node reports
 * `cluster_state:ok` and the same slot map. For integration tests, benchmarks and local trials.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { startLocalRedis, type LocalRedis } from './local-redis.js';

export const CLUSTER_SLOTS = 16_384;

export interface LocalRedisClusterNode {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly url: string;
  readonly role: 'master' | 'replica';
  /** The node id (40 hex digits) from CLUSTER MYID. */
  readonly id: string;
  /** Inclusive slot range this master owns; null for a replica. */
  readonly slots: readonly [number, number] | null;
  readonly server: LocalRedis;
}

export interface LocalRedisCluster {
  readonly nodes: readonly LocalRedisClusterNode[];
  readonly masters: readonly LocalRedisClusterNode[];
  /** `[{ host, port }]` of every master: what `new Cluster(startupNodes)` takes. */
  readonly startupNodes: readonly { host: string; port: number }[];
  readonly dataDir: string;
  /** Stops every node (SIGTERM, SIGKILL after the grace period). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartLocalRedisClusterOptions {
  /** Folder for every node's data (`node-<port>/`); created when missing. */
  dataDir: string;
  /** At least 3 (Redis Cluster's minimum for a majority of masters). */
  masters: number;
  /** Replicas per master (default 0). */
  replicasPerMaster?: number;
  /** How long a node may be unreachable before it counts as failing (default 2,000 ms). */
  nodeTimeoutMs?: number;
  install?: boolean;
  /** For the whole start-up, cluster formation included (default 30 s). */
  startTimeoutMs?: number;
}

/** Slot ranges for `masters` masters, as even as possible: [[0, 5460], [5461, 10922], …]. */
export function splitSlots(masters: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < masters; i++) {
    const first = Math.floor((i * CLUSTER_SLOTS) / masters);
    const last = Math.floor(((i + 1) * CLUSTER_SLOTS) / masters) - 1;
    ranges.push([first, last]);
  }
  return ranges;
}

/** The extra redis-server arguments of one cluster node (on top of `redisServerArgs`). */
export function clusterNodeArgs(options: {
  dataDir: string;
  busPort: number;
  nodeTimeoutMs: number;
}): string[] {
  return [
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    path.join(options.dataDir, 'nodes.conf'),
    '--cluster-port',
    String(options.busPort),
    '--cluster-node-timeout',
    String(options.nodeTimeoutMs),
    // Nodes announce the loopback address, so clients redirected by MOVED reach them.
    '--cluster-announce-ip',
    '127.0.0.1',
  ];
}

export async function startLocalRedisCluster(
  options: StartLocalRedisClusterOptions,
): Promise<LocalRedisCluster> {
  const {
    dataDir,
    masters,
    replicasPerMaster = 0,
    nodeTimeoutMs = 2_000,
    install = true,
  } = options;
  if (!Number.isInteger(masters) || masters < 3) {
    throw new Error('a Redis Cluster needs at least 3 masters');
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  mkdirSync(dataDir, { recursive: true });
  const total = masters * (1 + replicasPerMaster);
  const servers: LocalRedis[] = [];
  const busPorts: number[] = [];
  const admins: Redis[] = [];
  const stopAll = async (): Promise<void> => {
    for (const admin of admins.splice(0)) {
      admin.disconnect();
    }
    await Promise.all(servers.map((s) => s.stop()));
  };
  try {
    for (let i = 0; i < total; i++) {
      const busPort = await freePort();
      busPorts.push(busPort);
      const nodeDir = path.join(dataDir, `node-${String(i)}`);
      servers.push(
        await startLocalRedis({
          dataDir: nodeDir,
          install,
          extraArgs: clusterNodeArgs({ dataDir: nodeDir, busPort, nodeTimeoutMs }),
        }),
      );
    }
    for (const server of servers) {
      const admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
      admin.on('error', () => undefined);
      admins.push(admin);
    }
    const ids = await Promise.all(admins.map(async (a) => String(await a.call('CLUSTER', 'MYID'))));
    const ranges = splitSlots(masters);
    // Distinct config epochs up front, as `redis-cli --cluster create` does: no collisions to resolve.
    await Promise.all(
      admins.map((admin, i) => admin.call('CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1))),
    );
    await Promise.all(
      ranges.map(async ([from, to], i) => {
        await admins[i]?.call('CLUSTER', 'ADDSLOTSRANGE', String(from), String(to));
      }),
    );
    const [first] = servers;
    if (!first) {
      throw new Error('no node started');
    }
    await Promise.all(
      admins
        .slice(1)
        .map((admin) =>
          admin.call('CLUSTER', 'MEET', '127.0.0.1', String(first.port), String(busPorts[0])),
        ),
    );
    await waitFor(deadline, 'every node to know every other', async () =>
      (await Promise.all(admins.map((a) => clusterInfo(a)))).every(
        (info) => info['cluster_known_nodes'] === String(total),
      ),
    );
    // Replica j of master m is node masters + m * replicasPerMaster + j.
    for (let m = 0; m < masters; m++) {
      for (let j = 0; j < replicasPerMaster; j++) {
        const replica = admins[masters + m * replicasPerMaster + j];
        await replica?.call('CLUSTER', 'REPLICATE', ids[m] ?? '');
      }
    }
    await waitFor(deadline, 'cluster_state:ok and one slot map on every node', async () => {
      const infos = await Promise.all(admins.map((a) => clusterInfo(a)));
      if (!infos.every((info) => info['cluster_state'] === 'ok')) {
        return false;
      }
      const maps = await Promise.all(admins.map((a) => slotMap(a)));
      return maps.every((map) => map === maps[0]);
    });
    if (replicasPerMaster > 0) {
      await waitFor(deadline, 'replicas to finish their first sync', async () =>
        (await Promise.all(admins.slice(masters).map((a) => a.call('INFO', 'replication')))).every(
          (text) => /master_link_status:up/.test(String(text)),
        ),
      );
    }
    for (const admin of admins.splice(0)) {
      admin.disconnect();
    }
    const nodes: LocalRedisClusterNode[] = servers.map((server, i) => ({
      host: '127.0.0.1',
      port: server.port,
      url: server.url,
      role: i < masters ? 'master' : 'replica',
      id: ids[i] ?? '',
      slots: ranges[i] ?? null,
      server,
    }));
    const masterNodes = nodes.filter((n) => n.role === 'master');
    return {
      nodes,
      masters: masterNodes,
      startupNodes: masterNodes.map((n) => ({ host: n.host, port: n.port })),
      dataDir,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function clusterInfo(admin: Redis): Promise<Record<string, string>> {
  const text = String(await admin.call('CLUSTER', 'INFO'));
  return Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => line.split(':', 2) as [string, string]),
  );
}

/** A node's view of which node id owns which slot range, as one comparable string. */
async function slotMap(admin: Redis): Promise<string> {
  const reply = (await admin.call('CLUSTER', 'SLOTS')) as [
    number,
    number,
    [string, number, string],
  ][];
  return reply
    .map(([from, to, master]) => `${String(from)}-${String(to)}:${master[2]}`)
    .sort()
    .join(',');
}

async function waitFor(
  deadline: number,
  what: string,
  check: () => Promise<boolean>,
): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if (await check()) {
        return;
      }
    } catch {
      // a node may refuse while the cluster forms; ask again
    }
    await sleep(50);
  }
  throw new Error(`Redis Cluster did not form in time: waiting for ${what}`);
}
