import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './config.js';
import { AppError } from './errors.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535),
  REDIS_URL: z.url(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn']).default('info'),
});

describe('parseEnv', () => {
  it('returns typed values with defaults applied', () => {
    expect(parseEnv(schema, { PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      PORT: 8080,
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
    });
  });

  it('reports every bad variable at once without echoing values', () => {
    let thrown: unknown;
    try {
      parseEnv(schema, { PORT: 'secret-port', REDIS_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details.map((d) => d.path)).toEqual(['PORT', 'REDIS_URL', 'LOG_LEVEL']);
    expect(error.message).not.toContain('secret-port');
  });
});
