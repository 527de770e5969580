import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ONLINE_NODE_FLAGS } from './online-node-flags.js';
import { startService } from './service-process.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'service-process-'));
const report = path.join(dir, 'report.json');
const entry = path.join(dir, 'entry.cjs');
writeFileSync(
  entry,
  `const v8 = require('node:v8');
const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
require('node:fs').writeFileSync(process.env.REPORT, JSON.stringify({
  execArgv: process.execArgv, argv: process.argv.slice(2), newSpaceMb: newSpace.space_size / 1048576,
}));
`,
);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('startService', () => {
  it('passes node flags before the entry point and arguments after it', async () => {
    const service = startService({
      name: 'probe',
      entry,
      nodeArgs: ONLINE_NODE_FLAGS,
      args: ['--patients', '10'],
      env: { REPORT: report },
    });
    expect(await service.exited).toBe('0');
    const seen = JSON.parse(readFileSync(report, 'utf8')) as {
      execArgv: string[];
      argv: string[];
      newSpaceMb: number;
    };
    expect(seen.execArgv).toEqual([...ONLINE_NODE_FLAGS]);
    expect(seen.argv).toEqual(['--patients', '10']);
    // V8 took the flag: the young generation starts at 16 MB, not its default 1 MB.
    expect(seen.newSpaceMb).toBeGreaterThanOrEqual(16);
  });
});
