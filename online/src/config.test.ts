import { parseEnv } from '@mediassist/shared/config';
import { describe, expect, it } from 'vitest';
import { hashApiKey } from './auth/api-key.js';
import { apiKeysFile, auditDir, OnlineEnvSchema } from './config.js';

const REQUIRED = { REDIS_URL: 'redis://127.0.0.1:6379', MEDIASSIST_HOME: '/var/mediassist' };

describe('OnlineEnvSchema', () => {
  it('needs only REDIS_URL and MEDIASSIST_HOME; everything else defaults for local use', () => {
    const env = parseEnv(OnlineEnvSchema, REQUIRED);
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      CORS_ORIGINS: ['http://localhost:5173', 'http://127.0.0.1:5173'],
      BODY_LIMIT_BYTES: 262_144,
      LOCAL_DEV_KEYS: true,
      RATE_LIMIT_BURST: 60,
      RATE_LIMIT_PER_SECOND: 10,
      SHUTDOWN_GRACE_MS: 8_000,
    });
    expect(apiKeysFile(env)).toBe('/var/mediassist/secrets/api-keys.json');
    expect(auditDir(env)).toBe('/var/mediassist/audit');
  });

  it('parses lists, booleans and API key entries', () => {
    const sha256 = hashApiKey('k');
    const env = parseEnv(OnlineEnvSchema, {
      ...REQUIRED,
      CORS_ORIGINS: 'https://a.example, https://b.example',
      LOCAL_DEV_KEYS: 'false',
      API_KEYS: JSON.stringify([{ id: 'ehr-1', subject: 'ehr-1', roles: ['clinician'], sha256 }]),
    });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(env.LOCAL_DEV_KEYS).toBe(false);
    expect(env.API_KEYS).toEqual([{ id: 'ehr-1', subject: 'ehr-1', roles: ['clinician'], sha256 }]);
  });

  it('reports every bad variable at once without echoing secret values', () => {
    const secret = 'too-short-secret';
    const run = () =>
      parseEnv(OnlineEnvSchema, {
        ...REQUIRED,
        PORT: 'eighty',
        JWT_HS256_SECRET: secret,
        API_KEYS: '{not json',
      });
    expect(run).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    try {
      run();
    } catch (error) {
      const text = JSON.stringify({ message: (error as Error).message, error });
      expect(text).toContain('PORT');
      expect(text).toContain('JWT_HS256_SECRET');
      expect(text).toContain('API_KEYS');
      expect(text).not.toContain(secret);
      expect(text).not.toContain('{not json');
    }
  });
});
