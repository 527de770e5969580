/**
 * Where the offline tier's BullMQ queue lives: the scheduler enqueues into it, the offline worker
 * runs it, and the online service's queue dashboard shows it.
 */
export const OFFLINE_QUEUE_NAME = 'offline-jobs';

/** The BullMQ prefix of the offline queue (hash-tagged, like nearline's, for Redis Cluster). */
export function offlineQueuePrefix(keyPrefix: string): string {
  return `${keyPrefix}{offline}`;
}
