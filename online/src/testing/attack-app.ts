/**
 * The whole HTTP surface in one in-memory app, for the access-control, fuzzing and privacy suites:
 * assist, summarize, events, patients, CDS Hooks (EHR JWTs from a test issuer), kb, metrics, docs.
 * Logs are captured so a suite can scan them; the audit log is the in-memory one.
 */
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { MemoryOnlineStore } from '@mediassist/feature-store/online';
import type { CodedEvent, EventIntake } from '@mediassist/shared/events';
import { createLogger } from '@mediassist/shared/logger';
import { PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { Registry } from 'prom-client';
import { createAssistService } from '../assist/assist-service.js';
import { shippedKb } from '../assist/testing/assist-fixture.js';
import { createMemoryCardRegistry } from '../cds-hooks/card-registry.js';
import { createCdsJwtVerifier } from '../cds-hooks/cds-jwt-verifier.js';
import { createFhirFetcher } from '../cds-hooks/fhir-fetcher.js';
import { createMemoryReplayGuard } from '../cds-hooks/replay-guard.js';
import { createTestIssuer, type TestIssuer } from '../cds-hooks/testing/cds-test-app.js';
import { createFeatureReader } from '../features/feature-reader.js';
import { createMetrics } from '../metrics/metrics.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import { createPatientSummaries } from '../web/patient-summary.js';
import { createManualClock } from './manual-clock.js';
import { createTestApp, type TestApp } from './test-app.js';

export const ATTACK_PSEUDONYM_KEY = PseudonymKeySchema.parse(
  'attack-suite-pseudonym-key-0123456789ab',
);

export interface AttackApp extends TestApp {
  issuer: TestIssuer;
  events: CodedEvent[];
  store: MemoryOnlineStore<(typeof featureRegistry.views)[number]>;
  /** An EHR token for `/cds-services/<path>` (the audience is the endpoint called). */
  ehrToken(path: string): Promise<string>;
}

export async function createAttackApp(
  options: { rateLimiter?: RateLimiter; bodyLimitBytes?: number; eventIntake?: EventIntake } = {},
): Promise<AttackApp> {
  const { kb, text } = shippedKb();
  const clock = createManualClock();
  const now = () => new Date(clock.now());
  const issuer = await createTestIssuer({ clock });
  const events: CodedEvent[] = [];
  const intake: EventIntake = {
    submit(event) {
      const duplicate = events.some((e) => e.eventId === event.eventId);
      events.push(event);
      return Promise.resolve({ eventId: event.eventId, duplicate });
    },
  };
  const store = new MemoryOnlineStore({ registry: featureRegistry, clock: now });
  const lines: string[] = [];
  const logger = createLogger({
    name: 'online-attack',
    level: 'debug',
    destination: { write: (line: string) => lines.push(line) },
  });
  const metrics = createMetrics({ registry: new Registry() });
  const features = createFeatureReader({ store, logger, timeoutMs: 1_000 });
  const t = await createTestApp({
    overrides: {
      kb,
      clock,
      logger,
      metrics,
      textExtractor: text,
      eventIntake: options.eventIntake ?? intake,
      pseudonymKey: ATTACK_PSEUDONYM_KEY,
      patientSummaries: createPatientSummaries({ kb, features, registry: featureRegistry, now }),
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      cdsHooks: {
        auth: {
          mode: 'jwt',
          verifier: createCdsJwtVerifier({
            issuers: [{ iss: issuer.iss, jwks: issuer.jwks, jku: [] }],
            replayGuard: createMemoryReplayGuard({ clock }),
            clock,
          }),
        },
        fetcher: createFhirFetcher(),
        registry: createMemoryCardRegistry({ clock }),
        assist: createAssistService({ kb, logger, metrics, clock }),
        pseudonymKey: ATTACK_PSEUDONYM_KEY,
        fhirTimeoutMs: 500,
      },
    },
    config: { bodyLimitBytes: options.bodyLimitBytes ?? 256 * 1024 },
  });
  return {
    ...t,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => lines.join(''),
    issuer,
    events,
    store,
    ehrToken: (path) => issuer.sign({ aud: `http://localhost/cds-services/${path}` }),
  };
}
