#!/usr/bin/env bash
# `npm test`: set up if needed, then every check and every test — lint, types, unit, integration
# (real Redis and DuckDB), end-to-end (Debian's chromium). Fails on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
MEDIASSIST_WITH_BROWSER=1 bash scripts/setup.sh

echo "== lint and types"
npm run --silent lint
npm run --silent typecheck
echo "== unit tests"
npx turbo run test --output-logs=errors-only
echo "== integration tests (real Redis, DuckDB)"
npx turbo run test:int --concurrency=1 --output-logs=new-only
echo "== fault injection (Redis and workers killed, model corrupted, lake read-only)"
npm run --silent test:faults
echo "== end-to-end tests (the built service, real Redis, Debian's chromium)"
npx turbo run test:e2e --concurrency=1 --output-logs=new-only
echo "All tests passed."
