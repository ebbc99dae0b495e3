#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks, then runs every check: lint, typecheck, unit and
# integration tests on SQLite and PostgreSQL, and the browser tests. README's test command; CI runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
fi

npm ci --no-audit --no-fund
npm run validate
