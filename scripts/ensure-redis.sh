#!/usr/bin/env bash
# Installs redis-server (and redis-cli) for the session-store tests and bench:scale, only when missing.
# Idempotent. The tests start their own redis-server with their own config on a free port in a temp
# dir, so the package's system service is not used (policy-rc.d may refuse to start it: fine).
set -euo pipefail

if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "ensure-redis: installing redis-server" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq redis-server >/dev/null
# the tests never use the system service; do not leave one running on 6379
$SUDO systemctl disable --now redis-server >/dev/null 2>&1 || $SUDO service redis-server stop >/dev/null 2>&1 || true
