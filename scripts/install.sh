#!/usr/bin/env bash
# Installs what the harness needs on a Debian machine with Node 20: the npm packages, Debian's
# Chromium when there is none (Playwright cannot download its own browser here), and the OpenSSL
# command line (one of the independent implementations the Solaris vectors are checked by).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
# The CLI compiled to JavaScript (.build/): it starts without a TypeScript loader.
npm run build --silent

if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else sudo="none"; fi
apt_install() {
  if [ "$sudo" = "none" ]; then
    echo "install.sh: $1 is missing and there is no root to install it: apt-get install $1" >&2
    exit 2
  fi
  echo "install.sh: installing Debian's $1"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  [ -z "${CHROMIUM_PATH:-}" ] || { echo "install.sh: no Chromium at $chromium (CHROMIUM_PATH)" >&2; exit 2; }
  apt_install chromium
fi
"$chromium" --version
command -v openssl >/dev/null || apt_install openssl
