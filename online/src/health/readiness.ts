/**
 * Readiness: can this replica serve? Redis and the model are optional (without them the service
 * answers from guidelines alone, which still counts as serving); the knowledge base and the audit
 * log are critical; a draining replica is never ready.
 */
import type { ComponentStatus, ReadinessResponse } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { AuditLog } from '../audit/audit-log.js';
import type { Lifecycle } from '../server/lifecycle.js';
import type { ModelStatusSource } from './model-status.js';
import { withTimeout } from './with-timeout.js';

export interface RedisPing {
  ping(): Promise<string>;
}

export interface ReadinessOptions {
  kb: KnowledgeBase;
  audit: AuditLog;
  lifecycle: Lifecycle;
  redis?: RedisPing | undefined;
  model?: ModelStatusSource | undefined;
  pingTimeoutMs?: number;
}

export interface ReadinessResult {
  httpStatus: 200 | 503;
  body: ReadinessResponse;
}

async function redisStatus(
  redis: RedisPing | undefined,
  timeoutMs: number,
): Promise<ComponentStatus> {
  if (!redis) {
    return { state: 'absent', critical: false, reason: 'not-configured' };
  }
  const started = performance.now();
  try {
    await withTimeout(redis.ping(), timeoutMs);
    return { state: 'up', critical: false, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const timedOut = error instanceof AppError && error.code === 'DEPENDENCY_TIMEOUT';
    return { state: 'down', critical: false, reason: timedOut ? 'timeout' : 'unreachable' };
  }
}

function modelStatus(model: ModelStatusSource | undefined): ComponentStatus {
  const status = model?.status() ?? { state: 'absent' };
  switch (status.state) {
    case 'loaded':
      return { state: 'up', critical: false, version: status.version };
    case 'absent':
      return { state: 'absent', critical: false, reason: 'not-loaded' };
    case 'failed':
      return { state: 'down', critical: false, reason: status.reason };
    default:
      return status satisfies never;
  }
}

export function createReadiness(options: ReadinessOptions): () => Promise<ReadinessResult> {
  const { kb, audit, lifecycle, redis, model, pingTimeoutMs = 250 } = options;
  return async () => {
    const auditStatus = audit.status();
    const components: Record<string, ComponentStatus> = {
      kb: { state: 'up', critical: true, version: kb.version },
      audit: {
        state: auditStatus.state,
        critical: true,
        ...(auditStatus.state === 'down' ? { reason: 'write-failing' } : {}),
      },
      redis: await redisStatus(redis, pingTimeoutMs),
      model: modelStatus(model),
    };
    const criticalDown = Object.values(components).some((c) => c.critical && c.state !== 'up');
    const status = lifecycle.isDraining() ? 'draining' : criticalDown ? 'unready' : 'ready';
    const full = components['redis']?.state === 'up' && components['model']?.state === 'up';
    return {
      httpStatus: status === 'ready' ? 200 : 503,
      body: { status, mode: full ? 'full' : 'guideline-only', kbVersion: kb.version, components },
    };
  };
}
