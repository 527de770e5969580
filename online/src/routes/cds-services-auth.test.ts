import type { ErrorBody } from '@mediassist/shared/api';
import { describe, expect, it } from 'vitest';
import { createCdsJwtVerifier } from '../cds-hooks/cds-jwt-verifier.js';
import { createMemoryReplayGuard } from '../cds-hooks/replay-guard.js';
import {
  callService,
  createCdsTestApp,
  createTestIssuer,
  TEST_ORIGIN,
} from '../cds-hooks/testing/cds-test-app.js';
import { DRUGS, orderRequest } from '../cds-hooks/testing/fhir-fixture.js';
import { createManualClock } from '../testing/manual-clock.js';

const ID = 'mediassist-order-select';

async function setup(options: { baseUrl?: string } = {}) {
  const clock = createManualClock();
  const issuer = await createTestIssuer({ clock });
  const t = await createCdsTestApp({
    clock,
    auth: () => ({
      mode: 'jwt',
      verifier: createCdsJwtVerifier({
        issuers: [{ iss: issuer.iss, jwks: issuer.jwks, jku: [] }],
        replayGuard: createMemoryReplayGuard({ clock }),
        clock,
      }),
      baseUrl: options.baseUrl,
    }),
  });
  const body = orderRequest({
    hook: 'order-select',
    drafts: [DRUGS.ibuprofen],
    active: [DRUGS.warfarin],
  });
  return { t, issuer, clock, body };
}

async function issueOf(res: Response): Promise<string | undefined> {
  return ((await res.json()) as ErrorBody).error.details?.[0]?.issue;
}

describe('CDS Hooks authentication (EHR JWTs)', () => {
  it('answers a call signed by a trusted EHR for this endpoint', async () => {
    const { t, issuer, body } = await setup();
    const token = await issuer.sign({ aud: `${TEST_ORIGIN}/cds-services/${ID}` });
    const res = await callService(t, { id: ID, body, token });
    expect(res.status).toBe(200);
    expect(t.audit.records[0]).toMatchObject({
      caller: `cds:${issuer.iss}#clinic-1`,
      role: 'clinician',
    });
  });

  it('refuses a missing token, an API key, and a token for another endpoint (401)', async () => {
    const { t, issuer, body } = await setup();
    const none = await callService(t, { id: ID, body });
    expect([none.status, await issueOf(none)]).toEqual([401, 'missing']);
    const apiKey = await t.app.request(`/cds-services/${ID}`, {
      method: 'POST',
      headers: { ...t.as('clinician'), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(apiKey.status).toBe(401);
    const signToken = await issuer.sign({
      aud: `${TEST_ORIGIN}/cds-services/mediassist-order-sign`,
    });
    const wrong = await callService(t, { id: ID, body, token: signToken });
    expect([wrong.status, await issueOf(wrong)]).toEqual([401, 'audience_mismatch']);
  });

  it('refuses an expired token, a replayed jti, an unknown issuer and a bad signature (401)', async () => {
    const { t, issuer, clock, body } = await setup();
    const aud = `${TEST_ORIGIN}/cds-services/${ID}`;
    const expiring = await issuer.sign({ aud, expiresInSec: 30 });
    clock.advance(90_000);
    const expired = await callService(t, { id: ID, body, token: expiring });
    expect([expired.status, await issueOf(expired)]).toEqual([401, 'expired']);

    const once = await issuer.sign({ aud });
    expect((await callService(t, { id: ID, body, token: once })).status).toBe(200);
    const replay = await callService(t, { id: ID, body, token: once });
    expect([replay.status, await issueOf(replay)]).toEqual([401, 'replayed']);

    const stranger = await issuer.sign({ aud, iss: 'https://unknown-ehr.example' });
    const unknown = await callService(t, { id: ID, body, token: stranger });
    expect([unknown.status, await issueOf(unknown)]).toEqual([401, 'untrusted_issuer']);

    const impostor = await createTestIssuer({ clock });
    const forged = await callService(t, { id: ID, body, token: await impostor.sign({ aud }) });
    expect([forged.status, await issueOf(forged)]).toEqual([401, 'bad_signature']);
    // One access served; the four refusals are audited as denied (caller unknown: anonymous).
    expect(t.audit.records.map((r) => r.outcome)).toEqual([
      'denied',
      'success',
      'denied',
      'denied',
      'denied',
    ]);
  });

  it('checks the audience against the configured public base URL, not the request’s host', async () => {
    const { t, issuer, body } = await setup({ baseUrl: 'https://cds.example.org/' });
    const local = await issuer.sign({ aud: `${TEST_ORIGIN}/cds-services/${ID}` });
    expect((await callService(t, { id: ID, body, token: local })).status).toBe(401);
    const publicAud = await issuer.sign({ aud: `https://cds.example.org/cds-services/${ID}` });
    expect((await callService(t, { id: ID, body, token: publicAud })).status).toBe(200);
  });

  it('keeps discovery public even when a call needs a token', async () => {
    const { t } = await setup();
    expect((await t.app.request('/cds-services')).status).toBe(200);
  });
});
