/**
 * Fault-run results: each fault scenario (a `*.fault.int.test.ts`) records what it sent and what
 * came back — sent, answered, lost, duplicated — as one JSON file in the report folder;
 * `npm run test:faults` prints them as one table and fails when any scenario lost or duplicated.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface FaultResult {
  /** Short scenario name, e.g. `online: Redis killed and restarted under load`. */
  scenario: string;
  /** Requests or events offered to the system. */
  sent: number;
  /** Of those, acknowledged/answered (HTTP < 500, or accepted by the intake and applied). */
  answered: number;
  /** Acknowledged but never answered or applied (an HTTP 5xx or dropped connection counts here). */
  lost: number;
  /** Applied more than once (a visit counted twice, a lake row written twice). */
  duplicated: number;
  /** One line on what else was checked (tiers, refusals); ids and counts only. */
  note: string;
  durationMs: number;
}

/** The folder: `FAULT_REPORT_DIR` when set (the test:faults script sets it), else a temp folder. */
export function faultReportDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['FAULT_REPORT_DIR'] ?? path.join(tmpdir(), 'mediassist-fault-report');
}

export function writeFaultResult(result: FaultResult, dir: string = faultReportDir()): string {
  mkdirSync(dir, { recursive: true });
  const slug = result.scenario
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const file = path.join(dir, `${slug}.json`);
  writeFileSync(file, `${JSON.stringify(result)}\n`);
  return file;
}

export function readFaultResults(dir: string = faultReportDir()): FaultResult[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as FaultResult);
}

/** A scenario passes when it lost nothing and duplicated nothing. */
export function faultResultPassed(result: FaultResult): boolean {
  return result.lost === 0 && result.duplicated === 0;
}

/** The summary table (GitHub-flavoured Markdown, readable in a terminal). */
export function formatFaultTable(results: readonly FaultResult[]): string {
  const header = ['scenario', 'sent', 'answered', 'lost', 'duplicated', 'seconds', 'result'];
  const rows = results.map((r) => [
    r.scenario,
    String(r.sent),
    String(r.answered),
    String(r.lost),
    String(r.duplicated),
    (r.durationMs / 1000).toFixed(1),
    faultResultPassed(r) ? 'ok' : 'LOSS',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const notes = results.map((r) => `- ${r.scenario}: ${r.note}`);
  return [line(header), rule, ...rows.map(line), '', ...notes].join('\n');
}
