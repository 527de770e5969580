import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createManualClock } from '../testing/manual-clock.js';
import { cdsBudgetKey } from './cds-rate-limit.js';
import { callService, createCdsTestApp } from './testing/cds-test-app.js';
import { DRUGS, orderRequest } from './testing/fhir-fixture.js';

describe('cdsBudgetKey', () => {
  it('budgets per EHR user (hashed) when the body names one, else per caller', () => {
    const key = cdsBudgetKey('cds:https://ehr', { context: { userId: 'PractitionerRole/123' } });
    expect(key).toMatch(/^cds:https:\/\/ehr\|u:[0-9a-f]{24}$/);
    expect(key).not.toContain('123');
    expect(cdsBudgetKey('cds:https://ehr', { feedback: [] })).toBe('cds:https://ehr');
  });
});

describe('CDS Hooks rate limiting', () => {
  it('gives each clinician of one EHR its own budget (429 with Retry-After when spent)', async () => {
    const clock = createManualClock();
    const t = await createCdsTestApp({
      clock,
      rateLimiter: createMemoryRateLimiter({
        policy: { capacity: 1, refillPerSecond: 0.5 },
        clock,
      }),
    });
    const call = (userId: string) => {
      const body = orderRequest({ hook: 'order-select', drafts: [DRUGS.amoxicillin], active: [] });
      return callService(t, {
        id: 'mediassist-order-select',
        body: { ...body, context: { ...body.context, userId } },
      });
    };
    expect((await call('PractitionerRole/1')).status).toBe(200);
    const spent = await call('PractitionerRole/1');
    expect(spent.status).toBe(429);
    expect(spent.headers.get('Retry-After')).toBe('2');
    expect((await call('PractitionerRole/2')).status).toBe(200);
  });
});
