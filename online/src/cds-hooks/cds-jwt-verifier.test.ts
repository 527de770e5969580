import { AppError } from '@mediassist/shared/errors';
import { createLocalJWKSet, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { createCdsJwtVerifier, type CdsJwtVerifierOptions } from './cds-jwt-verifier.js';
import { createMemoryReplayGuard } from './replay-guard.js';
import { createTestIssuer, TEST_ISSUER } from './testing/cds-test-app.js';

const AUD = 'https://cds.example.org/cds-services/mediassist-order-select';
const JKU = 'https://ehr.example.org/.well-known/jwks.json';

async function setup(overrides: Partial<CdsJwtVerifierOptions> = {}) {
  const clock = createManualClock();
  const issuer = await createTestIssuer({ clock });
  const verifier = createCdsJwtVerifier({
    issuers: [{ iss: issuer.iss, jwks: issuer.jwks, jku: [] }],
    replayGuard: createMemoryReplayGuard({ clock }),
    clock,
    ...overrides,
  });
  return { clock, issuer, verifier };
}

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; issue: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, issue: error.details[0]?.issue };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createCdsJwtVerifier', () => {
  it('accepts a token from a trusted issuer for this endpoint, as a clinician', async () => {
    const { issuer, verifier } = await setup();
    const caller = await verifier.verify({ token: await issuer.sign({ aud: AUD }), audience: AUD });
    expect(caller).toEqual({
      subject: `cds:${TEST_ISSUER}#clinic-1`,
      roles: ['clinician'],
      via: 'jwt',
    });
  });

  it('refuses a token for another endpoint (aud)', async () => {
    const { issuer, verifier } = await setup();
    const token = await issuer.sign({ aud: `${AUD}/feedback` });
    expect(await refusal(verifier.verify({ token, audience: AUD }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      issue: 'audience_mismatch',
    });
  });

  it('refuses an expired token', async () => {
    const { issuer, verifier, clock } = await setup();
    const token = await issuer.sign({ aud: AUD, expiresInSec: 60 });
    clock.advance(120_000);
    expect(await refusal(verifier.verify({ token, audience: AUD }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Token expired',
    });
  });

  it('refuses a replayed jti, also within the token’s lifetime', async () => {
    const { issuer, verifier } = await setup();
    const token = await issuer.sign({ aud: AUD, jti: 'once' });
    await verifier.verify({ token, audience: AUD });
    expect(await refusal(verifier.verify({ token, audience: AUD }))).toMatchObject({
      issue: 'replayed',
    });
    // A new token that reuses the jti is a replay too.
    const again = await issuer.sign({ aud: AUD, jti: 'once' });
    expect(await refusal(verifier.verify({ token: again, audience: AUD }))).toMatchObject({
      issue: 'replayed',
    });
  });

  it('refuses an issuer that is not on the allow-list', async () => {
    const { issuer, verifier } = await setup();
    const token = await issuer.sign({ aud: AUD, iss: 'https://evil.example' });
    expect(await refusal(verifier.verify({ token, audience: AUD }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      issue: 'untrusted_issuer',
    });
  });

  it('refuses a bad signature (a trusted issuer’s name, another key)', async () => {
    const { clock, verifier } = await setup();
    const impostor = await createTestIssuer({ clock });
    const token = await impostor.sign({ aud: AUD });
    expect(await refusal(verifier.verify({ token, audience: AUD }))).toMatchObject({
      issue: 'bad_signature',
    });
  });

  it('refuses HMAC tokens and unsigned tokens (asymmetric keys only)', async () => {
    const { verifier, clock } = await setup();
    const now = Math.floor(clock.now() / 1000);
    const hmac = await new SignJWT({ jti: 'h' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TEST_ISSUER)
      .setAudience(AUD)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(new TextEncoder().encode('a-shared-secret-a-shared-secret-00'));
    expect((await refusal(verifier.verify({ token: hmac, audience: AUD }))).code).toBe(
      'UNAUTHENTICATED',
    );
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${hmac.split('.')[1] ?? ''}.`;
    expect((await refusal(verifier.verify({ token: none, audience: AUD }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses tokens issued too long ago or living too long', async () => {
    const { issuer, verifier } = await setup({ maxTokenAgeSec: 300 });
    const old = await issuer.sign({ aud: AUD, issuedAgoSec: 900, expiresInSec: 60 });
    expect(await refusal(verifier.verify({ token: old, audience: AUD }))).toMatchObject({
      issue: 'too_old',
    });
    const long = await issuer.sign({ aud: AUD, expiresInSec: 24 * 3600 });
    expect(await refusal(verifier.verify({ token: long, audience: AUD }))).toMatchObject({
      issue: 'lifetime_too_long',
    });
  });

  it('uses a jku only when it is allow-listed for the issuer', async () => {
    const clock = createManualClock();
    const issuer = await createTestIssuer({ clock });
    const fetched: string[] = [];
    const verifier = createCdsJwtVerifier({
      issuers: [{ iss: issuer.iss, jku: [JKU] }],
      replayGuard: createMemoryReplayGuard({ clock }),
      clock,
      remoteKeySet: (url) => {
        fetched.push(url.href);
        return createLocalJWKSet(issuer.jwks);
      },
    });
    await verifier.verify({ token: await issuer.sign({ aud: AUD, jku: JKU }), audience: AUD });
    expect(fetched).toEqual([JKU]);
    const other = await issuer.sign({ aud: AUD, jku: 'https://attacker.example/jwks.json' });
    expect(await refusal(verifier.verify({ token: other, audience: AUD }))).toMatchObject({
      issue: 'untrusted_jku',
    });
    expect(fetched).toEqual([JKU]);
  });

  it('never echoes the token in its messages', async () => {
    const { verifier } = await setup();
    const result = await refusal(verifier.verify({ token: 'not.a.jwt-secret', audience: AUD }));
    expect(result).toMatchObject({ code: 'UNAUTHENTICATED', issue: 'invalid_token' });
    expect(result.message).not.toContain('secret');
  });
});
