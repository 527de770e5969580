/** End-to-end tests: the built service, a private Redis and Debian's Chromium (`npm run test:e2e`). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const SOURCE_CONDITION = '@mediassist/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION], externalConditions: [SOURCE_CONDITION] } },
  test: {
    name: 'e2e',
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
