import { offlineQueuePrefix } from '@mediassist/shared/events';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { redisUrl } from '../testing/redis-url.js';

describe('/admin/queues (bull-board over real BullMQ queues)', () => {
  let ctx: RedisTestContext;
  let queue: Queue;
  let t: TestApp;

  beforeEach(async () => {
    ctx = createRedisTestContext(redisUrl());
    queue = new Queue('offline-jobs', {
      connection: ctx.redis,
      prefix: offlineQueuePrefix(ctx.prefix),
    });
    await queue.add('nightly', { args: {} }, { jobId: 'nightly-20261122T020000Z' });
    t = await createTestApp({ overrides: { queues: [queue] } });
  });
  afterEach(async () => {
    await queue.close();
    await ctx.cleanup();
  });

  it('serves the dashboard page and its own UI assets to an admin, with no CDN', async () => {
    const page = await t.app.request('/admin/queues', { headers: t.as('admin') });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/"');
    // Scripts and styles are the installed package's; the CSP keeps the page to this origin (it
    // blocks bull-board's optional web-font stylesheet, which falls back to system fonts).
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((src) => src.startsWith('static/'))).toBe(true);
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    const asset = await t.app.request(`/admin/queues/${scripts[0] ?? ''}`, {
      headers: t.as('admin'),
    });
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(1000);
  });

  it('lists the queue and its jobs through the dashboard API', async () => {
    const res = await t.app.request('/admin/queues/api/queues', { headers: t.as('admin') });
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('offline-jobs');
    expect(body).toMatch(/"waiting":1/);
    const jobs = await t.app.request(
      '/admin/queues/api/queues?activeQueue=offline-jobs&status=waiting&page=1',
      { headers: t.as('admin') },
    );
    expect(JSON.stringify(await jobs.json())).toContain('nightly-20261122T020000Z');
  });

  it('refuses every other role and anonymous callers', async () => {
    for (const role of ['clinician', 'data-scientist'] as const) {
      const res = await t.app.request('/admin/queues/api/queues', { headers: t.as(role) });
      expect(res.status).toBe(403);
    }
    expect((await t.app.request('/admin/queues')).status).toBe(401);
  });
});
