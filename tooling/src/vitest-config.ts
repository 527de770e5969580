/** The one Vitest configuration every package uses: `unit`, `int` and `fault` (fault injection) projects. */
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const SOURCE_CONDITION = '@mediassist/source';
const ownExtension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const globalSetup = fileURLToPath(new URL(`./redis-global-setup.${ownExtension}`, import.meta.url));

export interface PackageTestConfigOptions {
  /** Per-test timeout for integration tests (real Redis, DuckDB, processes). */
  intTestTimeoutMs?: number;
  /** Per-test timeout for unit tests: generous, because CI machines are small and shared. */
  unitTestTimeoutMs?: number;
}

export function definePackageTestConfig(options: PackageTestConfigOptions = {}): ViteUserConfig {
  const { intTestTimeoutMs = 60_000, unitTestTimeoutMs = 30_000 } = options;
  return defineConfig({
    resolve: { conditions: [SOURCE_CONDITION] },
    ssr: { resolve: { conditions: [SOURCE_CONDITION], externalConditions: [SOURCE_CONDITION] } },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts'],
            exclude: ['src/**/*.int.test.ts'],
            testTimeout: unitTestTimeoutMs,
            hookTimeout: unitTestTimeoutMs,
          },
        },
        {
          extends: true,
          test: {
            name: 'int',
            include: ['src/**/*.int.test.ts'],
            exclude: ['src/**/*.fault.int.test.ts'],
            globalSetup: [globalSetup],
            testTimeout: intTestTimeoutMs,
            hookTimeout: intTestTimeoutMs,
          },
        },
        {
          // Fault injection (real processes, killed and restarted): `npm run test:faults`.
          extends: true,
          test: {
            name: 'fault',
            include: ['src/**/*.fault.int.test.ts'],
            globalSetup: [globalSetup],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  });
}
