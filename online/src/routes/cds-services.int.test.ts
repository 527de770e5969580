/**
 * CDS Hooks against real parts: a tiny FHIR server and a JWKS endpoint over local HTTP, and a real
 * Redis for replay protection, the card registry and the nearline intake (BullMQ refresh queue).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CdsServiceResponse } from '@mediassist/shared/api';
import {
  createEventIntake,
  createNearlineKeys,
  NEARLINE_QUEUES,
  type NearlineKeys,
} from '@mediassist/shared/events';
import { pseudonymizePatientId } from '@mediassist/shared/pseudonym';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCdsKeys } from '../cds-hooks/cds-redis-keys.js';
import { createCdsJwtVerifier } from '../cds-hooks/cds-jwt-verifier.js';
import { createRedisCardRegistry } from '../cds-hooks/redis-card-registry.js';
import { createRedisReplayGuard } from '../cds-hooks/redis-replay-guard.js';
import type { ReplayGuard } from '../cds-hooks/replay-guard.js';
import {
  callService,
  createCdsTestApp,
  createTestIssuer,
  TEST_ORIGIN,
  TEST_PSEUDONYM_KEY,
  type TestIssuer,
} from '../cds-hooks/testing/cds-test-app.js';
import {
  DRUGS,
  medicationRequest,
  orderRequest,
  searchset,
  SPEC_PATIENT_ID,
} from '../cds-hooks/testing/fhir-fixture.js';
import { createManualClock, type ManualClock } from '../testing/manual-clock.js';
import { redisUrl } from '../testing/redis-url.js';

const ORDER_SELECT = 'mediassist-order-select';
const cleanups: (() => Promise<void> | void)[] = [];
let context: RedisTestContext;

beforeEach(() => {
  context = createRedisTestContext(redisUrl());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
  await context.cleanup();
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  );
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

/** A port nothing listens on (opened, then closed). */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `http://127.0.0.1:${String(port)}/fhir`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

async function cards(res: Response): Promise<CdsServiceResponse['cards']> {
  expect(res.status).toBe(200);
  return ((await res.json()) as CdsServiceResponse).cards;
}

describe('CDS Hooks without prefetch: the EHR’s FHIR server', () => {
  it('reads the active medications from the FHIR server with the granted token', async () => {
    const seen: { url: string | undefined; auth: string | undefined }[] = [];
    const fhir = await serve((req, res) => {
      seen.push({ url: req.url, auth: req.headers.authorization });
      if (req.headers.authorization !== 'Bearer fhir-access-token') {
        json(res, 401, { resourceType: 'OperationOutcome' });
        return;
      }
      if (req.url?.startsWith('/fhir/MedicationRequest?')) {
        json(res, 200, searchset([medicationRequest(DRUGS.warfarin)]));
        return;
      }
      json(res, 200, searchset([]));
    });
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [],
      prefetchMedications: false,
      fhirServer: `${fhir}/fhir`,
      accessToken: 'fhir-access-token',
    });
    const answer = await cards(await callService(t, { id: ORDER_SELECT, body }));
    expect(answer.map((c) => [c.indicator, c.summary.split(' —')[0]])).toEqual([
      ['critical', 'Major interaction: ibuprofen + warfarin'],
    ]);
    expect(seen.map((s) => s.url).sort()).toEqual([
      `/fhir/Condition?patient=${SPEC_PATIENT_ID}&clinical-status=active`,
      `/fhir/MedicationRequest?patient=${SPEC_PATIENT_ID}&status=active`,
    ]);
    expect(seen.every((s) => s.auth === 'Bearer fhir-access-token')).toBe(true);
    expect(t.logText()).not.toContain('fhir-access-token');
  });

  it('answers with an info card, not a 5xx, when the FHIR server is unreachable', async () => {
    const t = await createCdsTestApp();
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [],
      prefetchMedications: false,
      fhirServer: await closedPort(),
      accessToken: 'fhir-access-token',
    });
    const answer = await cards(await callService(t, { id: ORDER_SELECT, body }));
    expect(answer).toEqual([
      expect.objectContaining({
        indicator: 'info',
        summary: 'MediAssist could not read: active medications',
      }),
    ]);
    expect(answer[0]?.detail).toContain('the FHIR server could not be reached');
    expect(answer[0]?.detail).toContain('checked among the draft orders only');
  });

  it('stops waiting for a FHIR server that does not answer, at the deadline', async () => {
    const fhir = await serve(() => {
      // never answers
    });
    const t = await createCdsTestApp({ fhirTimeoutMs: 200 });
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [],
      prefetchMedications: false,
      fhirServer: `${fhir}/fhir`,
      accessToken: 'fhir-access-token',
    });
    const started = Date.now();
    const answer = await cards(await callService(t, { id: ORDER_SELECT, body }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer[0]?.detail).toContain('the FHIR server did not answer in time');
  });
});

describe('CDS Hooks security with real key sets and Redis', () => {
  async function replica(options: {
    clock: ManualClock;
    issuer: TestIssuer;
    jwksUrl: string;
    replayGuard: ReplayGuard;
  }) {
    return createCdsTestApp({
      clock: options.clock,
      auth: () => ({
        mode: 'jwt',
        verifier: createCdsJwtVerifier({
          issuers: [{ iss: options.issuer.iss, jwksUrl: options.jwksUrl, jku: [] }],
          replayGuard: options.replayGuard,
          clock: options.clock,
        }),
      }),
    });
  }

  it('verifies tokens with the issuer’s JWKS URL and refuses a jti replayed on another replica', async () => {
    const clock = createManualClock();
    const issuer = await createTestIssuer({ clock });
    let jwksFetches = 0;
    const jwksUrl = `${await serve((_req, res) => {
      jwksFetches += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(issuer.jwks));
    })}/.well-known/jwks.json`;
    const guard = createRedisReplayGuard({
      redis: context.redis,
      keys: createCdsKeys(context.prefix),
      clock,
    });
    const a = await replica({ clock, issuer, jwksUrl, replayGuard: guard });
    const b = await replica({ clock, issuer, jwksUrl, replayGuard: guard });
    const body = orderRequest({ hook: 'order-select', drafts: [DRUGS.amoxicillin], active: [] });
    const token = await issuer.sign({ aud: `${TEST_ORIGIN}/cds-services/${ORDER_SELECT}` });
    expect((await callService(a, { id: ORDER_SELECT, body, token })).status).toBe(200);
    const replayed = await callService(b, { id: ORDER_SELECT, body, token });
    expect(replayed.status).toBe(401);
    expect(jwksFetches).toBeGreaterThanOrEqual(1);
    const keys = await context.redis.keys(`${context.prefix}cds:jti:*`);
    expect(keys).toHaveLength(1);
    expect(await context.redis.pttl(keys[0] ?? '')).toBeGreaterThan(0);
  });
});

describe('CDS Hooks feedback into the nearline tier (real Redis)', () => {
  let queue: Queue;
  let keys: NearlineKeys;
  beforeEach(() => {
    keys = createNearlineKeys(context.prefix);
    queue = new Queue(NEARLINE_QUEUES.refresh, {
      connection: context.redis,
      prefix: keys.queuePrefix,
    });
    cleanups.push(() => queue.close());
  });

  it('lands an override on the refresh queue and the lake stream, even via another replica', async () => {
    const intake = createEventIntake({ redis: context.redis, refreshQueue: queue, keys });
    const registry = createRedisCardRegistry({
      redis: context.redis,
      keys: createCdsKeys(context.prefix),
    });
    const issuing = await createCdsTestApp({ intake, registry });
    const receiving = await createCdsTestApp({ intake, registry });
    const body = orderRequest({
      hook: 'order-select',
      drafts: [DRUGS.ibuprofen],
      active: [DRUGS.warfarin],
    });
    const [card] = await cards(await callService(issuing, { id: ORDER_SELECT, body }));
    expect(
      await context.redis.pttl(`${context.prefix}cds:card:${card?.uuid ?? ''}`),
    ).toBeGreaterThan(0);

    const res = await callService(receiving, {
      id: ORDER_SELECT,
      path: `/cds-services/${ORDER_SELECT}/feedback`,
      body: {
        feedback: [
          { card: card?.uuid, outcome: 'overridden', outcomeTimestamp: '2026-11-22T09:59:00Z' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ recorded: 1, unknownCards: [] });

    const patientId = pseudonymizePatientId(SPEC_PATIENT_ID, TEST_PSEUDONYM_KEY);
    expect(await queue.getJobs(['waiting'])).toEqual([
      expect.objectContaining({ data: { patientId } }),
    ]);
    const pending = await context.redis.hvals(keys.pending(patientId));
    expect(pending).toHaveLength(1);
    expect(pending[0]).toContain('"action":"dismissed"');
    expect(pending[0]).toContain('"anticoagulant-nsaid"');
    expect(pending[0]).not.toContain(SPEC_PATIENT_ID);
    expect(await context.redis.xlen(keys.lakeStream)).toBe(1);
  });
});
