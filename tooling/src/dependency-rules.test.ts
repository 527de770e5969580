// Proves the dependency-direction check fails when a layer imports upwards or an app imports another app.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from './state-dir.js';

const config = createRequire(import.meta.url)(
  path.join(projectRoot(), '.dependency-cruiser.cjs'),
) as IConfiguration;

function write(root: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

async function violations(baseDir: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(baseDir);
  try {
    const { tsConfig: _ignored, ...options } = config.options ?? {};
    const { output } = await cruise(['shared', 'feature-store', 'offline', 'nearline', 'online'], {
      ...options,
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
      baseDir,
    });
    const summary = (output as ICruiseResult).summary.violations;
    return summary.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  } finally {
    process.chdir(previous);
  }
}

describe('dependency direction', () => {
  let fixture = '';
  beforeAll(() => {
    fixture = mkdtempSync(path.join(os.tmpdir(), 'depcruise-'));
    for (const pkg of ['shared', 'feature-store', 'offline', 'nearline', 'online']) {
      write(
        fixture,
        `${pkg}/package.json`,
        JSON.stringify({ name: `@mediassist/${pkg}`, exports: { '.': './src/index.ts' } }),
      );
      write(fixture, `${pkg}/src/index.ts`, 'export const x = 1;\n');
    }
    mkdirSync(path.join(fixture, 'node_modules/@mediassist'), { recursive: true });
    symlinkSync('../../nearline', path.join(fixture, 'node_modules/@mediassist/nearline'));
  });
  afterAll(() => {
    rmSync(fixture, { recursive: true, force: true });
  });

  it('accepts imports that follow the direction', async () => {
    write(
      fixture,
      'online/src/ok.ts',
      "import { x } from '../../shared/src/index.js';\nimport { x as y } from '../../feature-store/src/index.js';\nexport const z = x + y;\n",
    );
    expect(await violations(fixture)).toEqual([]);
  });

  it('rejects an app importing another app, by path or by package name', async () => {
    write(
      fixture,
      'online/src/bad-path.ts',
      "import { x } from '../../offline/src/index.js';\nexport const z = x;\n",
    );
    write(
      fixture,
      'online/src/bad-package.ts',
      "import { x } from '@mediassist/nearline';\nexport const z = x;\n",
    );
    const found = await violations(fixture);
    expect(found).toContain(
      'apps-never-import-each-other: online/src/bad-path.ts -> offline/src/index.ts',
    );
    expect(found).toContain(
      'apps-never-import-each-other: online/src/bad-package.ts -> nearline/src/index.ts',
    );
    rmSync(path.join(fixture, 'online/src/bad-path.ts'));
    rmSync(path.join(fixture, 'online/src/bad-package.ts'));
  });

  it('rejects shared or feature-store importing upwards', async () => {
    write(
      fixture,
      'shared/src/up.ts',
      "import { x } from '../../feature-store/src/index.js';\nexport const z = x;\n",
    );
    write(
      fixture,
      'feature-store/src/up.ts',
      "import { x } from '../../online/src/index.js';\nexport const z = x;\n",
    );
    expect(await violations(fixture)).toEqual([
      'feature-store-imports-only-shared: feature-store/src/up.ts -> online/src/index.ts',
      'shared-imports-nothing-internal: shared/src/up.ts -> feature-store/src/index.ts',
    ]);
    rmSync(path.join(fixture, 'shared/src/up.ts'));
    rmSync(path.join(fixture, 'feature-store/src/up.ts'));
  });

  it('rejects an import cycle', async () => {
    write(fixture, 'shared/src/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
    write(fixture, 'shared/src/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    const found = await violations(fixture);
    const cycles = found.filter((v) => v.startsWith('no-circular'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/shared\/src\/[ab]\.ts -> shared\/src\/[ab]\.ts/);
  });
});
