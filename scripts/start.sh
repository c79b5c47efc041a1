#!/usr/bin/env bash
# Installs everything and starts the whole product (API + workers + web app) with demo data, supervised:
# scripts/start.ts restarts the product process if it crashes.
#   bash scripts/start.sh        → http://localhost:4000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pnpm.sh
pnpm_cmd install --frozen-lockfile
if [ -f web/package.json ] && grep -q '"build"' web/package.json && [ -d web/src ]; then
  pnpm_cmd --filter @leadex/web run build
fi
pnpm_cmd start
