import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  faultResultPassed,
  formatFaultTable,
  readFaultResults,
  writeFaultResult,
  type FaultResult,
} from './fault-report.js';

const ok: FaultResult = {
  scenario: 'online: Redis restarted',
  sent: 120,
  answered: 120,
  lost: 0,
  duplicated: 0,
  note: 'tiers model → guidelines-only → model',
  durationMs: 12_345,
};

describe('fault report', () => {
  it('writes one file per scenario and reads them back in name order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fault-report-'));
    try {
      writeFaultResult({ ...ok, scenario: 'z: last' }, dir);
      writeFaultResult(ok, dir);
      writeFaultResult(ok, dir); // the same scenario replaces its file
      expect(readFaultResults(dir).map((r) => r.scenario)).toEqual([ok.scenario, 'z: last']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails a scenario that lost or duplicated anything, and says so in the table', () => {
    const lossy = { ...ok, scenario: 'nearline: worker killed', lost: 1 };
    expect(faultResultPassed(ok)).toBe(true);
    expect(faultResultPassed(lossy)).toBe(false);
    expect(faultResultPassed({ ...ok, duplicated: 2 })).toBe(false);
    const table = formatFaultTable([ok, lossy]).split('\n');
    expect(table[0]).toBe(
      '| scenario                | sent | answered | lost | duplicated | seconds | result |',
    );
    expect(table[2]).toBe(
      '| online: Redis restarted |  120 |      120 |    0 |          0 |    12.3 |     ok |',
    );
    expect(table[3]).toContain('|    1 |');
    expect(table[3]).toContain('LOSS |');
    expect(table).toContain('- nearline: worker killed: tiers model → guidelines-only → model');
  });

  it('reads nothing from a missing folder', () => {
    expect(readFaultResults(path.join(tmpdir(), 'no-such-fault-dir-xyz'))).toEqual([]);
  });
});
