#!/usr/bin/env bash
# The whole test suite: lint and format, type checks, unit tests, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n\033[1m[check] %s\033[0m\n' "$*"; }

stage "1/4 lint and format (eslint, prettier), bundle size budget"
pnpm run lint
node scripts/check-bundle-size.mjs
stage "2/4 type checks (tsc)"
pnpm run typecheck
stage "3/4 unit tests (vitest)"
pnpm run unit
stage "4/4 end-to-end tests (Playwright, Chromium)"
pnpm run e2e
printf '\n[check] all green\n'
