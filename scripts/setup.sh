#!/usr/bin/env bash
# Idempotent set-up on a fresh machine: Debian packages, npm dependencies from the lockfile, build.
# MEDIASSIST_WITH_BROWSER=1 also installs Debian's chromium (for the end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 ONNXRUNTIME_NODE_INSTALL=skip

packages=()
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if [[ "${MEDIASSIST_WITH_BROWSER:-0}" == 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium fonts-dejavu-core)
fi
if ((${#packages[@]})); then
  if [[ "$(id -u)" == 0 ]]; then
    echo "Installing Debian packages: ${packages[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "Missing Debian packages. Run: sudo apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "Installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Building…"
npx turbo run build --output-logs=errors-only
node tooling/dist/init-local-env.js
