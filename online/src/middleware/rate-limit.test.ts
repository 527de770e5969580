import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createManualClock } from '../testing/manual-clock.js';
import { createTestApp } from '../testing/test-app.js';

const VERSION = '/api/v1/kb/version';

async function limitedApp() {
  const clock = createManualClock();
  return createTestApp({
    overrides: {
      rateLimiter: createMemoryRateLimiter({
        policy: { capacity: 2, refillPerSecond: 0.25 },
        clock,
      }),
    },
  });
}

describe('rateLimit (through the app)', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a caller spends its burst', async () => {
    const t = await limitedApp();
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await t.app.request(VERSION, { headers: t.as('clinician') })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const res = await t.app.request(VERSION, { headers: t.as('clinician') });
    expect(res.headers.get('Retry-After')).toBe('4');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('budgets each caller separately', async () => {
    const t = await limitedApp();
    for (let i = 0; i < 3; i++) {
      await t.app.request(VERSION, { headers: t.as('clinician') });
    }
    expect((await t.app.request(VERSION, { headers: t.as('admin') })).status).toBe(200);
  });

  it('never budgets health probes', async () => {
    const t = await limitedApp();
    for (let i = 0; i < 5; i++) {
      expect((await t.app.request('/healthz')).status).toBe(200);
    }
  });
});
