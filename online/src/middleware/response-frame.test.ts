import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { frameJson, responseFrame } from './response-frame.js';
import { SECURITY_HEADERS } from './security-headers.js';

function frameApp() {
  const app = new Hono<AppEnv>();
  const built: { framed: boolean }[] = [];
  app.use(responseFrame({ maxRequestIdLength: 64 }));
  app.use(async (c, next) => {
    await next();
    built.push({ framed: c.get('jsonFrame')?.answer === c.res });
  });
  app.get('/framed', (c) => frameJson(c, { ok: true }, 200));
  app.get('/plain', (c) => c.json({ ok: true }, 200));
  app.get('/own-vary', (c) => {
    c.header('Vary', 'Cookie', { append: true });
    return c.json({ ok: true }, 200);
  });
  app.get('/replaced', async (c, next) => {
    await next();
    c.res = new Response('{"replaced":true}', { status: 503 });
  });
  app.get('/replaced', (c) => frameJson(c, { ok: true }, 200));
  return { app, built };
}

function headerList(res: Response): string[] {
  const id = res.headers.get('X-Request-Id');
  return [...res.headers].map(([name, value]) => `${name}: ${value === id ? '<id>' : value}`);
}

const EXPECTED = [
  ...SECURITY_HEADERS.map(([name, value]) => `${name}: ${value}`),
  'content-type: application/json',
  'vary: Accept-Encoding',
  'x-request-id: <id>',
].sort();

describe('responseFrame + frameJson', () => {
  it('builds a JSON answer with every frame header in one plain object', async () => {
    const { app, built } = frameApp();
    const res = await app.request('/framed');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(headerList(res)).toEqual(EXPECTED);
    expect(built).toEqual([{ framed: true }]);
  });

  it('gives an answer built without frameJson the same headers afterwards', async () => {
    const { app, built } = frameApp();
    const res = await app.request('/plain');
    expect(headerList(res)).toEqual(EXPECTED);
    expect(built).toEqual([{ framed: false }]);
  });

  it('gives a framed answer that a later step replaced the same headers', async () => {
    const { app } = frameApp();
    const res = await app.request('/replaced');
    expect(res.status).toBe(503);
    expect(headerList(res)).toEqual(
      EXPECTED.map((line) =>
        line.startsWith('content-type') ? 'content-type: text/plain;charset=UTF-8' : line,
      ),
    );
  });

  it('puts Accept-Encoding first in a Vary a route extended', async () => {
    const { app } = frameApp();
    const res = await app.request('/own-vary');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding, Cookie');
  });

  it('leaves answers to browsers and to clients that accept an encoding to c.json', async () => {
    for (const headers of [{ Origin: 'http://localhost:5173' }, { 'Accept-Encoding': 'gzip' }]) {
      const { app, built } = frameApp();
      const res = await app.request('/framed', { headers });
      expect(headerList(res)).toEqual(EXPECTED);
      expect(built).toEqual([{ framed: false }]);
    }
  });

  it('keeps a well-formed incoming request id and replaces a malformed, empty or overlong one', async () => {
    const { app } = frameApp();
    const id = async (value: string) =>
      (await app.request('/framed', { headers: { 'X-Request-Id': value } })).headers.get(
        'X-Request-Id',
      );
    expect(await id('ehr-abc_123=')).toBe('ehr-abc_123=');
    expect(await id('a'.repeat(64))).toBe('a'.repeat(64));
    for (const bad of ['Jane Doe', 'a'.repeat(65), '', 'x;y']) {
      expect(await id(bad)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});
