/**
 * The doctor's web app: `GET /` (the page) and `GET /assets/*` (its hashed scripts and styles), public
 * like /docs and served with a policy that allows only this origin; and `GET /web/local-session`, which
 * hands the local clinician key to a browser on this machine when main.ts enabled it (see
 * web/local-session.ts). The API the page calls is not public: the page sends a key like any client.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '@mediassist/shared/errors';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { createRouter } from '../router.js';
import { isLocalBrowserRequest } from '../web/local-session.js';
import type { WebAssets } from '../web/web-assets.js';

/** Scripts, styles, images, fonts and API calls from this origin only; no inline script, no framing. */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths of this router that need no credentials (added to the app's PUBLIC_PATHS). */
export const WEB_PUBLIC_PATHS = ['/', '/assets/*', '/web/local-session'] as const;

export interface WebRoutesOptions {
  /** The built app; undefined when `online/web/dist` was not built (then `/` is 404). */
  assets: WebAssets | undefined;
  /** The local clinician key to pre-fill, or undefined (production, or LOCAL_DEV_KEYS=false). */
  localClinicianKey: string | undefined;
}

/** The TCP peer's address; undefined for in-process requests without a socket. */
export function remoteAddressOf(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function webRoutes(options: WebRoutesOptions) {
  const { assets, localClinicianKey } = options;
  const router = createRouter();
  const serve = (c: Context<AppEnv>, urlPath: string) => {
    const asset = assets?.get(urlPath);
    if (!asset) {
      throw new AppError(
        'NOT_FOUND',
        assets ? 'No such file' : 'The web app is not built (npm run build)',
      );
    }
    c.header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
    c.header('Cache-Control', asset.cacheControl);
    c.header('ETag', asset.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('If-None-Match') === asset.etag) {
      return c.body(null, 304);
    }
    return c.body(asset.body, 200, { 'Content-Type': asset.contentType });
  };
  router.get('/', (c) => serve(c, '/'));
  router.get('/assets/:file', (c) => serve(c, `/assets/${c.req.param('file')}`));
  router.get('/web/local-session', (c) => {
    c.header('Cache-Control', 'no-store');
    const local = isLocalBrowserRequest({
      remoteAddress: remoteAddressOf(c),
      host: c.req.header('Host'),
      secFetchSite: c.req.header('Sec-Fetch-Site'),
    });
    if (localClinicianKey === undefined || !local) {
      throw new AppError('NOT_FOUND', 'No local session');
    }
    return c.json({ apiKey: localClinicianKey, role: 'clinician' as const });
  });
  return router;
}
