#!/usr/bin/env bash
# The whole test suite: lint and format, type checks, the brand theme check, unit tests, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n\033[1m[check] %s\033[0m\n' "$*"; }

stage "1/5 lint and format (eslint, prettier), bundle size budget"
pnpm run lint
node scripts/check-bundle-size.mjs
stage "2/5 type checks (tsc)"
pnpm run typecheck
stage "3/5 brand themes (known tokens, WCAG 2.2 AA contrast in light and dark, safe logos)"
pnpm run --silent themes:check
stage "4/5 unit tests (vitest)"
pnpm run unit
stage "5/5 end-to-end tests (Playwright, Chromium)"
pnpm run e2e
printf '\n[check] all green\n'
