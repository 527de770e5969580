/**
 * The real online app with CDS Hooks mounted: the shipped knowledge base, a manual clock, a
 * guidelines-only assist service, an in-memory card registry and a recording nearline intake by
 * default (integration tests pass the Redis ones), and either open mode or trusted-issuer JWTs.
 */
import { randomUUID } from 'node:crypto';
import type { CodedEvent, EventIntake } from '@mediassist/shared/events';
import { loadKnowledgeBase, type KnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import type { PseudonymKey } from '@mediassist/shared/pseudonym';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { Registry } from 'prom-client';
import { createAssistService } from '../../assist/assist-service.js';
import { createMetrics } from '../../metrics/metrics.js';
import type { RateLimiter } from '../../rate-limit/rate-limiter.js';
import { createManualClock, type ManualClock } from '../../testing/manual-clock.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { createMemoryCardRegistry, type CardRegistry } from '../card-registry.js';
import type { CdsAuth } from '../cds-authenticate.js';
import { createFhirFetcher, type FhirFetcher } from '../fhir-fetcher.js';

export const TEST_PSEUDONYM_KEY = 'cds-hooks-test-pseudonym-key-0123456789' as PseudonymKey;
export const TEST_ISSUER = 'https://ehr.example.org';
/** The origin `app.request()` uses: audiences are `http://localhost/cds-services/<id>`. */
export const TEST_ORIGIN = 'http://localhost';

let shipped: KnowledgeBase | undefined;

/** The shipped knowledge base, loaded once per test process. */
export function shippedKb(): KnowledgeBase {
  shipped ??= loadKnowledgeBase();
  return shipped;
}

/** A nearline intake that records events in memory (the Redis intake is in the int tests). */
export function recordingIntake(): EventIntake & { events: CodedEvent[] } {
  const events: CodedEvent[] = [];
  return {
    events,
    submit(event) {
      const duplicate = events.some((e) => e.eventId === event.eventId);
      events.push(event);
      return Promise.resolve({ eventId: event.eventId, duplicate });
    },
  };
}

export interface TestIssuer {
  iss: string;
  jwks: JSONWebKeySet;
  /** A token for `aud` signed with this issuer's key (override any claim or header). */
  sign(options: {
    aud: string;
    jti?: string;
    expiresInSec?: number;
    issuedAgoSec?: number;
    iss?: string;
    jku?: string;
  }): Promise<string>;
}

/** An ES384 issuer (the specification's example algorithm) with its public JWK Set. */
export async function createTestIssuer(options: {
  clock: ManualClock;
  iss?: string;
  kid?: string;
}): Promise<TestIssuer> {
  const iss = options.iss ?? TEST_ISSUER;
  const kid = options.kid ?? randomUUID();
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  return {
    iss,
    jwks: { keys: [jwk] },
    sign: (claims) =>
      signWith(privateKey, { ...claims, kid, clock: options.clock, iss: claims.iss ?? iss }),
  };
}

async function signWith(
  key: CryptoKey,
  options: {
    aud: string;
    iss: string;
    kid: string;
    clock: ManualClock;
    jti?: string;
    expiresInSec?: number;
    issuedAgoSec?: number;
    jku?: string;
  },
): Promise<string> {
  const nowSec = Math.floor(options.clock.now() / 1000);
  const iat = nowSec - (options.issuedAgoSec ?? 0);
  return new SignJWT({ tenant: 'clinic-1' })
    .setProtectedHeader({
      alg: 'ES384',
      typ: 'JWT',
      kid: options.kid,
      ...(options.jku ? { jku: options.jku } : {}),
    })
    .setIssuer(options.iss)
    .setAudience(options.aud)
    .setIssuedAt(iat)
    .setExpirationTime(nowSec + (options.expiresInSec ?? 300))
    .setJti(options.jti ?? randomUUID())
    .sign(key);
}

export interface CdsTestAppOptions {
  auth?: (clock: ManualClock) => CdsAuth;
  fetcher?: FhirFetcher;
  registry?: CardRegistry;
  intake?: EventIntake;
  fhirTimeoutMs?: number;
  clock?: ManualClock;
  rateLimiter?: RateLimiter;
}

export interface CdsTestApp extends TestApp {
  intake: EventIntake;
  registry: CardRegistry;
}

export async function createCdsTestApp(options: CdsTestAppOptions = {}): Promise<CdsTestApp> {
  const kb = shippedKb();
  const clock = options.clock ?? createManualClock();
  const logger = createLogger({ name: 'cds-test', level: 'silent' });
  const assist = createAssistService({
    kb,
    logger,
    metrics: createMetrics({ registry: new Registry() }),
    clock,
  });
  const registry = options.registry ?? createMemoryCardRegistry({ clock });
  const intake = options.intake ?? recordingIntake();
  const t = await createTestApp({
    overrides: {
      kb,
      clock,
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      pseudonymKey: TEST_PSEUDONYM_KEY,
      eventIntake: intake,
      cdsHooks: {
        auth: options.auth ? options.auth(clock) : { mode: 'open' },
        fetcher: options.fetcher ?? createFhirFetcher(),
        registry,
        assist,
        pseudonymKey: TEST_PSEUDONYM_KEY,
        fhirTimeoutMs: options.fhirTimeoutMs ?? 1_000,
      },
    },
    config: { bodyLimitBytes: 1024 * 1024 },
  });
  return { ...t, clock, intake, registry };
}

/** POST a CDS Hooks call (JSON) to `/cds-services/<id>`, optionally with a bearer token. */
export function callService(
  t: TestApp,
  options: { id: string; body: unknown; token?: string; path?: string },
): Promise<Response> {
  return Promise.resolve(
    t.app.request(options.path ?? `/cds-services/${options.id}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify(options.body),
    }),
  );
}
