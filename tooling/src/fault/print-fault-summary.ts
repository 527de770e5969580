/**
 * `npm run test:faults` ends here: prints the table of fault runs and exits 1 when a scenario
 * lost or duplicated anything, or when fewer scenarios reported than expected (one silently
 * skipped counts as a failure). Usage: `tsx print-fault-summary.ts <dir> <expected count>`.
 */
import { faultResultPassed, formatFaultTable, readFaultResults } from './fault-report.js';

const [dir, expectedArg] = process.argv.slice(2);
const results = readFaultResults(dir);
const expected = Number(expectedArg ?? '0');
process.stdout.write(`\nFault injection summary (${String(results.length)} scenarios)\n\n`);
process.stdout.write(`${formatFaultTable(results)}\n`);
const failed = results.filter((r) => !faultResultPassed(r));
if (failed.length > 0 || results.length < expected) {
  process.stdout.write(
    `\n${String(failed.length)} scenario(s) lost or duplicated; ${String(results.length)} of ${String(expected)} reported\n`,
  );
  process.exit(1);
}
process.stdout.write(`\nEvery scenario lost nothing and duplicated nothing.\n`);
