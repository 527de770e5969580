import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { createJwtVerifier } from './jwt-verifier.js';

const SECRET = 'a-shared-secret-of-at-least-32-chars!';
const clock = createManualClock();
const nowSec = Math.floor(clock.now() / 1000);

function hs256(claims: Record<string, unknown>, secret = SECRET) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(nowSec)
    .setExpirationTime(nowSec + 600)
    .sign(new TextEncoder().encode(secret));
}

describe('createJwtVerifier', () => {
  it('is undefined when no key is configured', async () => {
    expect(await createJwtVerifier({ clock })).toBeUndefined();
  });

  it('returns the subject and only the known roles', async () => {
    const verifier = await createJwtVerifier({ hs256Secret: SECRET, clock });
    const token = await hs256({ sub: 'dr-7', roles: ['clinician', 'root', 'admin'] });
    expect(await verifier?.verify(token)).toEqual({
      subject: 'dr-7',
      roles: ['clinician', 'admin'],
      via: 'jwt',
    });
  });

  it('rejects a token without exp or sub', async () => {
    const verifier = await createJwtVerifier({ hs256Secret: SECRET, clock });
    const noExp = await new SignJWT({ sub: 'dr-7' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
    await expect(verifier?.verify(noExp)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier?.verify(await hs256({ roles: ['admin'] }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('enforces issuer and audience when configured', async () => {
    const verifier = await createJwtVerifier({
      hs256Secret: SECRET,
      issuer: 'https://idp.example',
      audience: 'mediassist',
      clock,
    });
    const wrong = await hs256({ sub: 'dr-7', iss: 'https://other.example', aud: 'mediassist' });
    await expect(verifier?.verify(wrong)).rejects.toMatchObject({
      message: 'Token claims not accepted',
    });
    const right = await hs256({ sub: 'dr-7', iss: 'https://idp.example', aud: 'mediassist' });
    await expect(verifier?.verify(right)).resolves.toMatchObject({ subject: 'dr-7' });
  });

  it('verifies RS256 with a public key and refuses an unsigned (alg none) token', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verifier = await createJwtVerifier({
      rs256PublicKeyPem: await exportSPKI(publicKey),
      clock,
    });
    const token = await new SignJWT({ sub: 'ehr-9', roles: ['clinician'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime(nowSec + 60)
      .sign(privateKey);
    await expect(verifier?.verify(token)).resolves.toMatchObject({ subject: 'ehr-9' });
    const [, payload] = token.split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload ?? ''}.`;
    await expect(verifier?.verify(unsigned)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // An HS256 token is refused when only RS256 is configured (no algorithm confusion).
    await expect(verifier?.verify(await hs256({ sub: 'x' }))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a malformed PEM at start-up with CONFIG_INVALID', async () => {
    await expect(
      createJwtVerifier({ rs256PublicKeyPem: 'not a key', clock }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
