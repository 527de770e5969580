/**
 * The doctor's web app as built by Vite (`online/web/dist`), read into memory once at start-up:
 * `index.html` (revalidated on every load) and the content-hashed files under `assets/` (cached for a
 * year, immutable). Nothing is fetched from anywhere else at run time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface WebAsset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  readonly cacheControl: string;
  /** Strong validator for conditional requests. */
  readonly etag: string;
}

/** URL path (`/`, `/assets/index-3f2a.js`) → file. */
export type WebAssets = ReadonlyMap<string, WebAsset>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export const INDEX_CACHE_CONTROL = 'no-cache';
export const HASHED_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function webAsset(options: { urlPath: string; body: Uint8Array<ArrayBuffer> }): WebAsset {
  const { urlPath, body } = options;
  const extension = path.extname(urlPath === '/' ? 'index.html' : urlPath);
  const hashed = urlPath.startsWith('/assets/');
  return {
    body,
    contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
    cacheControl: hashed ? HASHED_CACHE_CONTROL : INDEX_CACHE_CONTROL,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/** Undefined when the app has not been built (the service then answers 404 at `/`). */
export function loadWebAssets(distDir: string): WebAssets | undefined {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    return undefined;
  }
  const assets = new Map<string, WebAsset>();
  for (const file of listFiles(distDir)) {
    const urlPath = file === 'index.html' ? '/' : `/${file}`;
    const body = new Uint8Array(readFileSync(path.join(distDir, file)));
    assets.set(urlPath, webAsset({ urlPath, body }));
  }
  return assets;
}
