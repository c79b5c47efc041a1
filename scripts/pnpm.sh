# Sourced by the other scripts: the pinned pnpm, without needing corepack (its signature check fails offline).
PNPM_VERSION=10.34.9
pnpm_cmd() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    pnpm "$@"
  else
    npx -y "pnpm@$PNPM_VERSION" "$@"
  fi
}
