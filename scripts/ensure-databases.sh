#!/usr/bin/env bash
# Installs the database servers the database tests run against (postgresql, mariadb-server), only
# when they are missing. Idempotent. The tests never use the system clusters or /etc config: they
# run initdb / mariadb-install-db in a temp dir and start their own server on 127.0.0.1, so the
# packages' own services are not started here.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v mariadb-install-db >/dev/null 2>&1 || [ -x /usr/bin/mariadb-install-db ] || missing+=(mariadb-server)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "ensure-databases: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d may refuse to start the system services in containers; that is fine for us.
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
