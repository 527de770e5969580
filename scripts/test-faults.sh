#!/usr/bin/env bash
# `npm run test:faults`: the fault-injection suites (`*.fault.int.test.ts`: real processes and a
# real Redis, loopback only, each bounded in time), then one summary table of sent / answered /
# lost / duplicated per scenario. Fails when a suite fails, a scenario lost or duplicated anything,
# or fewer scenarios reported than expected.
set -euo pipefail
cd "$(dirname "$0")/.."
EXPECTED_SCENARIOS=5
FAULT_REPORT_DIR="$(mktemp -d)"
export FAULT_REPORT_DIR
trap 'rm -rf "$FAULT_REPORT_DIR"' EXIT
# The packages' Vitest configs load the tooling's compiled config.
npx tsc -p tooling/tsconfig.build.json
status=0
for pkg in online nearline offline; do
  (cd "$pkg" && npx vitest run --project fault) || status=1
done
npx tsx tooling/src/fault/print-fault-summary.ts "$FAULT_REPORT_DIR" "$EXPECTED_SCENARIOS" || status=1
exit "$status"
