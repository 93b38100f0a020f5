#!/usr/bin/env bash
# Everything `npm start` and `npm test` need on a fresh machine that has only Node 20 and npm:
# pnpm, the workspace's dependencies (better-sqlite3 is compiled from source), Chromium for the
# end-to-end tests (with --with-browser), and the build.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
step() { printf '\n\033[1m[setup] %s\033[0m\n' "$*"; }
fail() { printf '\n[setup] FAILED: %s\n' "$*" >&2; exit 1; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node 20 or newer is needed (found $(node --version)). Install Node 20 and run again."

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  step "installing pnpm $PNPM_VERSION with npm (npm install -g)"
  npm install -g "pnpm@$PNPM_VERSION" --no-fund --no-audit \
    || fail "could not install pnpm with npm. Check that npm can reach its registry and may write to $(npm prefix -g)."
fi

step "installing workspace dependencies (the first run compiles better-sqlite3: about two minutes)"
# better-sqlite3 has no prebuilt binary reachable offline: node-gyp builds it against Node's own headers.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
pnpm install --frozen-lockfile --reporter=append-only \
  || fail "pnpm install failed (see above). If better-sqlite3 failed to compile, install python3, make and g++."

if [ "${1:-}" = "--with-browser" ]; then
  if [ -x /usr/bin/chromium ]; then
    step "Chromium found: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  else
    step "installing Chromium from Debian (apt-get install chromium) for the end-to-end tests"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q || fail "apt-get update failed: Chromium comes from Debian's packages."
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium \
      || fail "could not install chromium with apt-get. Install Debian's chromium package (/usr/bin/chromium) and run again."
  fi
fi

step "building the workspace"
pnpm run build
