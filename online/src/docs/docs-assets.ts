/** The docs page's static files, read once at start-up from swagger-ui-dist in node_modules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DOCS_CSS, DOCS_JS } from './docs-page.js';

export interface StaticAsset {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/** File name → content, served under `/docs/assets/<name>`. */
export type DocsAssets = ReadonlyMap<string, StaticAsset>;

const SWAGGER_FILES = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
} as const;

export function loadDocsAssets(): DocsAssets {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, StaticAsset>();
  for (const [file, contentType] of Object.entries(SWAGGER_FILES)) {
    assets.set(file, { body: new Uint8Array(readFileSync(path.join(dir, file))), contentType });
  }
  const encoder = new TextEncoder();
  assets.set('docs.js', {
    body: encoder.encode(DOCS_JS),
    contentType: 'text/javascript; charset=utf-8',
  });
  assets.set('docs.css', {
    body: encoder.encode(DOCS_CSS),
    contentType: 'text/css; charset=utf-8',
  });
  return assets;
}
