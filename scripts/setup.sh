#!/usr/bin/env bash
# Installs what Vigil needs to build, run and test on Debian 12 / Ubuntu: Debian packages
# (WebKitGTK, Xvfb, D-Bus, dunst, WebKitWebDriver, poppler-utils for reading PDFs back in the
# end-to-end tests; libfaketime and its faketime wrapper for runs on a shifted or fast clock;
# gnome-keyring and secret-tool for the real Secret Service each end-to-end test starts;
# libdbus for the keyring crate that talks to it; dpkg-dev, lintian and desktop-file-utils for
# `make package` and the installed-package test),
# tauri-driver from crates.io, and the UI's npm packages. Safe to run again: it only installs
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

APT_PACKAGES=(
  build-essential pkg-config file curl
  libwebkit2gtk-4.1-dev libssl-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  webkit2gtk-driver xvfb xauth dbus dbus-x11 dunst x11-utils imagemagick poppler-utils
  libfaketime faketime gnome-keyring libsecret-tools libdbus-1-dev python3
  dpkg-dev lintian desktop-file-utils
)
TAURI_DRIVER_VERSION=2.1.0

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

for tool in cargo node npm; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is required (Rust via rustup; Node.js >= 20.19)" >&2; exit 1; }
done
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "setup: Node.js >= 20.19 is required, found $(node --version)" >&2; exit 1; }

if ! tauri-driver --help >/dev/null 2>&1; then
  echo "setup: installing tauri-driver $TAURI_DRIVER_VERSION"
  cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
fi

if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi
echo "setup: ok"
