/** Builds the real app with in-memory dependencies, keys for every role, and captured logs. */
import { ROLES, type Role } from '@mediassist/shared/api';
import { createLogger } from '@mediassist/shared/logger';
import { SignJWT, type JWTPayload } from 'jose';
import { Registry } from 'prom-client';
import { createApp, type App, type AppConfig, type AppDeps } from '../app.js';
import { createMemoryAuditLog, type MemoryAuditLog } from '../audit/audit-log.js';
import { generateApiKey, hashApiKey } from '../auth/api-key.js';
import { createApiKeyStore } from '../auth/api-key-store.js';
import { createAuthenticator } from '../auth/authenticator.js';
import { createJwtVerifier } from '../auth/jwt-verifier.js';
import type { DocsAssets } from '../docs/docs-assets.js';
import { createMetrics } from '../metrics/metrics.js';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createLifecycle } from '../server/lifecycle.js';
import { createManualClock, type ManualClock } from './manual-clock.js';
import { createTestKb } from './test-kb.js';

export const TEST_JWT_SECRET = 'test-only-hs256-secret-0123456789abcdef';

/** Stand-in docs files (the real ones are read from swagger-ui-dist in docs.int.test.ts). */
export const TEST_DOCS_ASSETS: DocsAssets = new Map([
  [
    'docs.js',
    { body: new TextEncoder().encode('/* docs */'), contentType: 'text/javascript; charset=utf-8' },
  ],
]);

export const TEST_CONFIG: AppConfig = {
  corsOrigins: ['http://localhost:5173'],
  bodyLimitBytes: 1024,
  readinessPingTimeoutMs: 250,
};

export interface TestApp {
  app: App;
  deps: AppDeps;
  keys: Readonly<Record<Role, string>>;
  audit: MemoryAuditLog;
  clock: ManualClock;
  /** Every log line written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Raw log output, for "never contains" assertions. */
  logText(): string;
  /** Headers authenticating as `role` with its API key. */
  as(role: Role): Record<string, string>;
  /** An HS256 token signed with the test secret, valid for an hour from the clock's now. */
  jwt(claims: JWTPayload, options?: { expiresInSec?: number; secret?: string }): Promise<string>;
}

export interface TestAppOptions {
  overrides?: Partial<AppDeps>;
  config?: Partial<AppConfig>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = createManualClock();
  const lines: string[] = [];
  const logger = createLogger({
    name: 'online-test',
    level: 'debug',
    destination: { write: (line: string) => lines.push(line) },
  });
  const keys = Object.fromEntries(ROLES.map((role) => [role, generateApiKey()])) as Record<
    Role,
    string
  >;
  const apiKeys = createApiKeyStore({
    entries: ROLES.map((role) => ({
      id: `test-${role}`,
      subject: `test-${role}`,
      roles: [role],
      sha256: hashApiKey(keys[role]),
    })),
    clock,
  });
  const jwt = await createJwtVerifier({ hs256Secret: TEST_JWT_SECRET, clock });
  const audit = createMemoryAuditLog();
  const deps: AppDeps = {
    kb: createTestKb(),
    logger,
    metrics: createMetrics({ registry: new Registry() }),
    auth: createAuthenticator({ apiKeys, jwt }),
    audit,
    rateLimiter: createMemoryRateLimiter({
      policy: { capacity: 1000, refillPerSecond: 1000 },
      clock,
    }),
    lifecycle: createLifecycle(),
    clock,
    config: { ...TEST_CONFIG, ...options.config },
    docs: TEST_DOCS_ASSETS,
    ...options.overrides,
  };
  return {
    app: createApp(deps),
    deps,
    keys,
    audit,
    clock,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => lines.join(''),
    as: (role) => ({ 'X-API-Key': keys[role] }),
    async jwt(claims, { expiresInSec = 3600, secret = TEST_JWT_SECRET } = {}) {
      const nowSec = Math.floor(clock.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(nowSec)
        .setExpirationTime(nowSec + expiresInSec)
        .sign(new TextEncoder().encode(secret));
    },
  };
}
