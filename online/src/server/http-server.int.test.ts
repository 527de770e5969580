import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from './http-server.js';

function get(
  port: number,
  path: string,
  agent: Agent | false = false,
): Promise<{ status: number; body: string; keepAlive: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body,
          keepAlive: res.headers['keep-alive']?.toString(),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const slowApp = (delayMs: number) => (req: Request) =>
  new Promise<Response>((resolve) => {
    const path = new URL(req.url).pathname;
    setTimeout(() => {
      resolve(new Response(`done ${path}`));
    }, delayMs);
  });

describe('startHttpServer', () => {
  it('lets an in-flight request finish on close, then refuses new connections', async () => {
    const server = await startHttpServer({ fetch: slowApp(300), port: 0, hostname: '127.0.0.1' });
    const inFlight = get(server.port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close(5_000);
    expect(await inFlight).toMatchObject({ status: 200, body: 'done /slow' });
    await closed;
    await expect(get(server.port, '/late')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts requests still running after the grace period', async () => {
    const server = await startHttpServer({ fetch: slowApp(5_000), port: 0, hostname: '127.0.0.1' });
    const stuck = get(server.port, '/stuck').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await server.close(200);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await stuck).toMatchObject({ code: 'ECONNRESET' });
  });

  it('keeps idle connections open longer than the proxy in front of it (nginx: 60 s)', async () => {
    const server = await startHttpServer({ fetch: slowApp(0), port: 0, hostname: '127.0.0.1' });
    const agent = new Agent({ keepAlive: true });
    const answer = await get(server.port, '/', agent);
    agent.destroy();
    await server.close(100);
    expect(answer.keepAlive).toBe('timeout=65');
  });

  it('reports a port already in use', async () => {
    const first = await startHttpServer({ fetch: slowApp(0), port: 0, hostname: '127.0.0.1' });
    await expect(
      startHttpServer({ fetch: slowApp(0), port: first.port, hostname: '127.0.0.1' }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close(100);
  });
});
