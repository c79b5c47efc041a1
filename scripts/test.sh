#!/usr/bin/env bash
# Installs everything and runs every test: type checks, unit and integration tests (real PostgreSQL and
# Redis), the web app's component tests and build.
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
pnpm_cmd install --frozen-lockfile
bash scripts/ensure-services.sh
pnpm_cmd run typecheck
pnpm_cmd run test:jest
if [ -f web/jest.config.js ]; then
  pnpm_cmd --filter @leadex/web run test
fi
if [ -f web/package.json ] && grep -q '"build"' web/package.json && [ -d web/src ]; then
  pnpm_cmd --filter @leadex/web run build
fi
