#!/usr/bin/env bash
# Installs everything and runs every check and test: type checks, lint (ESLint), formatting (Prettier), package
# boundaries (dependency-cruiser), unit and integration tests (real PostgreSQL and Redis), the web app's
# component tests and build, and the browser end-to-end tests (Debian's Chromium).
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
pnpm_cmd install --frozen-lockfile
bash scripts/ensure-services.sh
bash scripts/ensure-chromium.sh
pnpm_cmd run typecheck
pnpm_cmd run lint
pnpm_cmd run format:check
pnpm_cmd run depcruise
# the web app is built first: the API serves web/dist, and the browser tests drive it
pnpm_cmd --filter @leadex/web run test
pnpm_cmd --filter @leadex/web run build
# the first load (entry JS + CSS + preloaded chunks) must stay within the gzip budget
pnpm_cmd exec tsx scripts/bundle-size.ts --budget-kb 135
pnpm_cmd run test:jest
