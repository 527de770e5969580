/**
 * `/admin/queues`: the BullMQ dashboard (bull-board) over the offline tier's queue and the nearline
 * queues — job state, progress (a nightly run shows its stage), logs, retries. Admin role only
 * (`ROUTE_ACCESS.queues`), UI assets included: bull-board's files are served from the installed
 * `@bull-board/ui` package, never a CDN. Job payloads hold ids and flags only (no PHI).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { requireAccess } from '../middleware/require-role.js';
import { createRouter } from '../router.js';

export const ADMIN_QUEUES_PATH = '/admin/queues';

/** bull-board's page loads its own scripts, styles and fonts and calls its JSON API. */
export const ADMIN_QUEUES_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

export interface AdminQueuesOptions {
  /** The queues to show (main.ts: the offline queue and the nearline queues). */
  queues: readonly Queue[];
}

export function adminQueuesRoutes(options: AdminQueuesOptions): ReturnType<typeof createRouter> {
  const board = new HonoAdapter(serveStatic);
  board.setBasePath(ADMIN_QUEUES_PATH);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'MediAssist queues' } },
  });
  // Not in the OpenAPI document: bull-board's own UI and JSON API, for operators.
  const router = createRouter();
  router.use('*', requireAccess('queues'));
  router.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', ADMIN_QUEUES_CONTENT_SECURITY_POLICY);
    c.header('Cache-Control', 'no-store');
  });
  router.route('/', board.registerPlugin());
  return router;
}
