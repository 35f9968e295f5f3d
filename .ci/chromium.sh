#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the dashboard's browser test
# (jobs/cli: DashboardInBrowserTest), which skips with a message when no Chromium is found.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "ci: chromium: $(chromium --version 2>/dev/null | head -1) already installed"
    exit 0
fi
echo "ci: chromium: installing Debian's chromium (about 350 MB)"
apt-get -o DPkg::Lock::Timeout=600 update -qq
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
echo "ci: chromium: $(chromium --version 2>/dev/null | head -1) ready"
