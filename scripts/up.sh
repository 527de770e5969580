#!/usr/bin/env bash
# `npm start`: set up if needed, then bring the whole system up (Ctrl-C stops everything).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node tooling/dist/up.js "$@"
