#!/usr/bin/env bash
# Installs what BoxOffice needs to build, run and test on Debian 12, if missing.
# Uses sudo when not root. Safe to run again: it installs only what is missing.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev libboost1.81-dev libssl-dev openssl
  qt6-l10n-tools qt6-tools-dev libxkbcommon-dev
  libqt6sql6-sqlite libqt6sql6-psql
  libhiredis-dev redis-server postgresql
  libqrencode-dev libsodium-dev libqt6svg6 xvfb xauth fonts-noto-cjk qt6-translations-l10n
  # Packaging (packaging/, tests/packaging_*.sh): icons, man pages, .debs and their checks.
  librsvg2-bin help2man dpkg-dev lintian desktop-file-utils appstream systemd curl file
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
"${SUDO[@]}" apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y \
  --no-install-recommends "${missing[@]}"
