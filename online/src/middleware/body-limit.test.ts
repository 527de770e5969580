import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { bodyLimit } from './body-limit.js';

function limitedApp(maxSize: number) {
  const app = new Hono<AppEnv>();
  app.use(bodyLimit({ maxSize, onError: (c) => c.text('too large', 413) }));
  app.post('/echo', async (c) => c.text(String((await c.req.text()).length)));
  app.get('/echo', (c) => c.text('get'));
  return app;
}

/** A body sent chunked: a stream, no Content-Length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, 10));
      controller.enqueue(bytes.subarray(10));
      controller.close();
    },
  });
}

describe('bodyLimit', () => {
  it('passes a body within the limit, declared by Content-Length, to the handler whole', async () => {
    const res = await limitedApp(100).request('/echo', {
      method: 'POST',
      body: 'x'.repeat(100),
      headers: { 'content-length': '100' },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('100');
  });

  it('refuses a body whose Content-Length is over the limit, from the header alone', async () => {
    const res = await limitedApp(100).request('/echo', {
      method: 'POST',
      body: 'x'.repeat(10),
      headers: { 'content-length': '101' },
    });
    expect(res.status).toBe(413);
  });

  it('counts a chunked body: refused over the limit, passed whole within it', async () => {
    const app = limitedApp(100);
    const over = await app.request('/echo', {
      method: 'POST',
      body: chunked('x'.repeat(101)),
      duplex: 'half',
    });
    expect(over.status).toBe(413);
    const within = await app.request('/echo', {
      method: 'POST',
      body: chunked('x'.repeat(100)),
      duplex: 'half',
    });
    expect(within.status).toBe(200);
    expect(await within.text()).toBe('100');
  });

  it('lets GET requests through', async () => {
    const res = await limitedApp(0).request('/echo');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('get');
  });
});
