/** Unit tests of the web app's logic (no browser): `npm test` in online runs them after the server's. */
import { defineConfig } from 'vitest/config';

const SOURCE_CONDITION = '@mediassist/source';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: [SOURCE_CONDITION] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION], externalConditions: [SOURCE_CONDITION] } },
  test: { name: 'web', include: ['src/**/*.test.ts'] },
});
