/**
 * The benchmark's floor: bare Hono on @hono/node-server with one ioredis HMGET of a patient's
 * feature hash per request (the same 21 fields the assist route reads). No auth, audit, logging,
 * validation or clinical work: what the machine gives any Node service that does one Redis read.
 * With <processes> > 1 it runs that many copies sharing the port (node:cluster), as the service does.
 * Usage: node --import tsx floor-server.ts <port> <redis-url> [processes]
 */
import cluster from 'node:cluster';
import { createAdaptorServer } from '@hono/node-server';
import { testPatientId } from '@mediassist/feature-store/testing';
import { viewFields } from '@mediassist/feature-store/online';
import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { ASSIST_VIEWS } from '../src/features/feature-reader.js';

const [port = '0', url = '', processes = '1'] = process.argv.slice(2);

async function serve(): Promise<void> {
  const redis = new Redis(url, { enableOfflineQueue: false });
  const fields = ASSIST_VIEWS.flatMap((v): string[] => {
    const f = viewFields(v);
    return [f.value, f.asOf, f.version];
  });
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.post('/floor/:n', async (c) => {
    const key = `mediassist:fs:{${testPatientId(Number(c.req.param('n')))}}`;
    const values = await redis.hmgetBuffer(key, ...fields);
    return c.json({ fields: values.filter((v) => v !== null).length });
  });
  await new Promise((resolve) => redis.once('ready', resolve));
  createAdaptorServer({ fetch: app.fetch }).listen(Number(port), '127.0.0.1', () => {
    process.stdout.write('listening\n');
  });
}

if (cluster.isPrimary && Number(processes) > 1) {
  for (let i = 0; i < Number(processes); i++) {
    cluster.fork();
  }
} else {
  await serve();
}
