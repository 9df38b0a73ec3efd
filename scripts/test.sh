#!/usr/bin/env bash
# The whole suite: installs Dovecot, PostgreSQL, MariaDB, Chromium and Redis when missing (the cfimap and database
# tests run against real ones),
# builds the CLI (the e2e tests run dist/cfml.cjs), then runs vitest. Extra args go to vitest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dovecot.sh
bash scripts/ensure-databases.sh
bash scripts/ensure-chromium.sh
bash scripts/ensure-redis.sh
npm run build --silent
exec npx vitest run "$@"
