import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HASHED_CACHE_CONTROL, INDEX_CACHE_CONTROL, loadWebAssets } from './web-assets.js';

let dir: string;

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadWebAssets', () => {
  it('maps a Vite build to URL paths: the page revalidated, hashed files immutable', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'web-assets-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'assets/index-abc.js'), 'export {}');
    writeFileSync(path.join(dir, 'assets/index-def.css'), 'body{}');
    const assets = loadWebAssets(dir);
    expect([...(assets?.keys() ?? [])].sort()).toEqual([
      '/',
      '/assets/index-abc.js',
      '/assets/index-def.css',
    ]);
    expect(assets?.get('/')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      cacheControl: INDEX_CACHE_CONTROL,
    });
    expect(assets?.get('/assets/index-def.css')).toMatchObject({
      contentType: 'text/css; charset=utf-8',
      cacheControl: HASHED_CACHE_CONTROL,
    });
    expect(assets?.get('/')?.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('is undefined when the app was not built', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'web-assets-'));
    expect(loadWebAssets(dir)).toBeUndefined();
    expect(loadWebAssets(path.join(dir, 'missing'))).toBeUndefined();
  });
});
