#!/usr/bin/env bash
# Installs what the harness needs on a Debian machine with Node 20: the npm packages, and Debian's
# Chromium when there is none (Playwright cannot download its own browser here).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "install.sh: no Chromium at $chromium and no root to install it: apt-get install chromium, or set CHROMIUM_PATH" >&2
    exit 2
  fi
  echo "install.sh: installing Debian's chromium"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
"$chromium" --version
