/**
 * Serving a fetch handler over node:http and stopping it gracefully: stop accepting, let in-flight
 * requests finish (idle keep-alive sockets are closed as they go quiet), cut the rest after a grace period.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';

export interface StartHttpServerOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
  /**
   * How long an idle keep-alive connection stays open (default 65 s). Longer than a proxy's idle
   * timeout (deploy/nginx.conf: 60 s) so that the proxy, not the service, closes it: a POST the
   * proxy sends on a connection the service is closing fails, and is not retried. Node's 5 s default
   * also makes clients reconnect after every lull, each reconnect costing the service CPU at the
   * moment it is busiest.
   */
  keepAliveMs?: number;
}

export interface RunningHttpServer {
  /** The bound port (useful with port 0). */
  readonly port: number;
  /** Resolves once every connection has ended; connections still open after `graceMs` are destroyed. */
  close(graceMs: number): Promise<void>;
}

export function startHttpServer(options: StartHttpServerOptions): Promise<RunningHttpServer> {
  const { fetch, port, hostname, keepAliveMs = 65_000 } = options;
  const server = createAdaptorServer({ fetch }) as Server;
  server.keepAliveTimeout = keepAliveMs;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: (graceMs) => closeGracefully(server, graceMs),
      });
    });
  });
}

function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const idleSweep = setInterval(() => {
      server.closeIdleConnections();
    }, 50);
    const deadline = setTimeout(() => {
      server.closeAllConnections();
    }, graceMs);
    server.close((error) => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    });
    server.closeIdleConnections();
  });
}
