#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
# Installs it when missing and possible (root with apt-get); otherwise says how, and fails.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found: installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  if [ -x /usr/bin/chromium ]; then echo "Installed $(/usr/bin/chromium --version)"; exit 0; fi
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM and it is not installed.
Install it with:   sudo apt-get update && sudo apt-get install chromium
(or point CHROMIUM_PATH at another Chromium build), then run npm test again.
MSG
exit 1
