#!/usr/bin/env bash
# Installs the packages the mail tests need (dovecot-imapd, dovecot-pop3d for <cfpop>, openssl),
# only when they are missing.
# Idempotent: running it again does nothing. The system's /etc/dovecot config is never used by the
# tests (they start Dovecot with their own config file in a temp dir), so the package's own service
# is not started here.
set -euo pipefail

missing=()
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
[ -x /usr/lib/dovecot/pop3 ] || missing+=(dovecot-pop3d)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

echo "ensure-dovecot: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d may refuse to start the system service in containers; that is fine for us.
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
