/**
 * Builds the doctor's web app into `online/web/dist`, which the online service serves at `/`.
 * Shared contracts are bundled from source (the `@mediassist/source` condition); their server-only
 * `node:crypto` import is replaced by a stub that throws. `npm run dev:web`
 * serves it on :5173 with `/api` and `/web` proxied to a running service (CORS_ORIGINS allows that origin).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    conditions: ['@mediassist/source'],
    alias: { 'node:crypto': fileURLToPath(new URL('src/node-crypto-stub.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // No inline scripts or data URLs: the page's policy allows only files from its own origin.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      ['/api', '/web'].map((path) => [
        path,
        process.env['MEDIASSIST_API'] ?? 'http://127.0.0.1:3000',
      ]),
    ),
  },
});
