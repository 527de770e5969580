/**
 * The safety net for "no event is lost": finds every patient with events waiting in the ledger and
 * makes sure a refresh job exists (deduplication makes this cheap when one already does). Covers a
 * producer that staged an event but failed before adding the job, and refreshes that failed for good
 * on a Redis outage.
 */
import {
  patientIdOfPendingKey,
  type NearlineKeys,
  type RedisCaller,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';

/** A Redis Cluster client (ioredis `Cluster`): SCAN covers one node, so each master is scanned. */
interface ClusterNodes {
  nodes(role: 'master'): RedisCaller[];
}

export async function sweepPendingPatients(options: {
  redis: RedisCaller | (RedisCaller & ClusterNodes);
  keys: NearlineKeys;
  requeue: (patientId: PatientId) => Promise<void>;
}): Promise<number> {
  const { redis } = options;
  const nodes = 'nodes' in redis ? redis.nodes('master') : [redis];
  let found = 0;
  for (const node of nodes) {
    found += await sweepNode({ ...options, redis: node });
  }
  return found;
}

async function sweepNode(options: {
  redis: RedisCaller;
  keys: NearlineKeys;
  requeue: (patientId: PatientId) => Promise<void>;
}): Promise<number> {
  const { redis, keys } = options;
  let cursor = '0';
  let found = 0;
  do {
    const [next, batch] = (await redis.call(
      'SCAN',
      cursor,
      'MATCH',
      keys.pendingPattern,
      'COUNT',
      1000,
    )) as [string, string[]];
    cursor = next;
    for (const key of batch) {
      const patientId = patientIdOfPendingKey(keys, key);
      if (patientId) {
        await options.requeue(patientId);
        found += 1;
      }
    }
  } while (cursor !== '0');
  return found;
}
