/**
 * CDS Hooks' part of the composition root (called by main.ts): trusted issuers and their keys, JWT
 * replay protection on Redis with a local layer, the Redis card registry and the FHIR fetcher — or,
 * with CDS_HOOKS_OPEN, no authentication at all (loopback hosts only, announced loudly).
 */
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import type { Cluster, Redis } from 'ioredis';
import type { AssistService } from '../assist/assist-service.js';
import type { Clock } from '../clock.js';
import type { OnlineEnv } from '../config.js';
import { safeErrorFields } from '../errors/safe-error.js';
import type { CdsHooksDeps } from '../routes/cds-services.js';
import type { CdsAuth } from './cds-authenticate.js';
import { loadTrustedIssuers } from './cds-issuers.js';
import { createCdsJwtVerifier } from './cds-jwt-verifier.js';
import { createCdsKeys } from './cds-redis-keys.js';
import { createFhirFetcher } from './fhir-fetcher.js';
import { createRedisCardRegistry } from './redis-card-registry.js';
import { createRedisReplayGuard, createSharedReplayGuard } from './redis-replay-guard.js';
import { createMemoryReplayGuard } from './replay-guard.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const DAY_MS = 86_400_000;
/** Deadline for the shared replay check before the local answer stands. */
const REPLAY_REDIS_TIMEOUT_MS = 50;

export interface CdsHooksDepsOptions {
  env: OnlineEnv;
  redis: Redis | Cluster;
  assist: AssistService;
  logger: Logger;
  clock: Clock;
}

async function authFrom(options: CdsHooksDepsOptions): Promise<CdsAuth> {
  const { env, redis, logger, clock } = options;
  if (env.CDS_HOOKS_OPEN) {
    if (!LOOPBACK.has(env.HOST)) {
      throw new AppError(
        'CONFIG_INVALID',
        'CDS_HOOKS_OPEN is for local development only: it needs HOST to be a loopback address',
      );
    }
    logger.warn(
      '!!! CDS HOOKS OPEN MODE: /cds-services calls are NOT authenticated (local development only; unset CDS_HOOKS_OPEN) !!!',
    );
    return { mode: 'open' };
  }
  const issuers = await loadTrustedIssuers(env.CDS_HOOKS_ISSUERS ?? []);
  if (issuers.length === 0) {
    logger.warn('CDS Hooks: no trusted EHR (CDS_HOOKS_ISSUERS); every service call answers 401');
  }
  if (env.CDS_HOOKS_BASE_URL === undefined) {
    logger.warn(
      'CDS Hooks: CDS_HOOKS_BASE_URL unset, so token audiences are checked against the request’s own origin; set it in production',
    );
  }
  let lastLogged = 0;
  const replayGuard = createSharedReplayGuard({
    local: createMemoryReplayGuard({ clock }),
    shared: createRedisReplayGuard({ redis, keys: createCdsKeys(env.REDIS_KEY_PREFIX), clock }),
    timeoutMs: REPLAY_REDIS_TIMEOUT_MS,
    onFallback: (error) => {
      if (clock.now() - lastLogged > 30_000) {
        lastLogged = clock.now();
        logger.warn(
          { error: safeErrorFields(error) },
          'CDS Hooks: replay check fell back to this replica only (Redis unavailable)',
        );
      }
    },
  });
  logger.info({ issuers: issuers.map((i) => i.iss) }, 'CDS Hooks: trusted EHR issuers');
  return {
    mode: 'jwt',
    verifier: createCdsJwtVerifier({
      issuers,
      replayGuard,
      clock,
      maxTokenAgeSec: env.CDS_HOOKS_MAX_TOKEN_AGE_SEC,
    }),
    baseUrl: env.CDS_HOOKS_BASE_URL,
  };
}

/** Undefined (CDS Hooks not mounted, with a warning) when PSEUDONYM_KEY is missing. */
export async function createCdsHooksDeps(
  options: CdsHooksDepsOptions,
): Promise<CdsHooksDeps | undefined> {
  const { env, redis, logger } = options;
  if (env.PSEUDONYM_KEY === undefined) {
    logger.warn('CDS Hooks not mounted: PSEUDONYM_KEY is needed to pseudonymise EHR patient ids');
    return undefined;
  }
  return {
    auth: await authFrom(options),
    fetcher: createFhirFetcher(),
    registry: createRedisCardRegistry({
      redis,
      keys: createCdsKeys(env.REDIS_KEY_PREFIX),
      ttlMs: env.CDS_HOOKS_CARD_TTL_DAYS * DAY_MS,
    }),
    assist: options.assist,
    pseudonymKey: env.PSEUDONYM_KEY,
    fhirTimeoutMs: env.CDS_HOOKS_FHIR_TIMEOUT_MS,
  };
}
