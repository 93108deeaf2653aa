#!/usr/bin/env bash
# Every check Vigil has, in the order that fails fastest: formatting, the UI's type check and
# unit tests, the core's boundary, clippy, the Rust tests of every crate, then the end-to-end
# suite against the built app (it starts its own Xvfb, D-Bus session and dunst); last, the
# packages: the .deb and .rpm (a release build), lintian, and the .deb installed with apt-get,
# its /usr/bin/vigil smoke-tested end to end, and removed again (as root; sudo otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "ui: svelte-check, vitest, build"
(cd ui && npm run check && npm test && npm run build)

step "vigil-core depends on no tauri, WebKit or SQLite"
if cargo tree -p vigil-core -e normal,dev --prefix none | grep -E '^(tauri|wry|webkit2gtk|rusqlite|libsqlite3-sys) '; then
  echo "vigil-core must not depend on the crates above" >&2
  exit 1
fi

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test: vigil-core (builds no tauri), vigil-store, vigil, vigil-pdf"
cargo test -p vigil-core
cargo test -p vigil-store -p vigil -p vigil-pdf

step "build the app for the end-to-end tests"
cargo build -p vigil

step "end-to-end (Xvfb, D-Bus, dunst, tauri-driver, WebKitWebDriver)"
cargo test -p vigil-e2e --no-fail-fast -- --test-threads=1

step "packages: the .deb and .rpm with lintian (scripts/package.sh; a release build)"
scripts/package.sh

step "the .deb installed with apt-get, the installed app smoke-tested, then removed"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
apt_get() { DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get -y -qq "$@"; }
packages_dir="${CARGO_TARGET_DIR:-target}/packages"
if dpkg-query -W -f='${Status}' vigil 2>/dev/null | grep -q "install ok installed"; then
  apt_get remove --purge vigil
fi
started=$(date +%s.%N)
(cd "$packages_dir" && apt_get install ./vigil_*.deb)
awk -v a="$started" -v b="$(date +%s.%N)" \
  'BEGIN { printf "install: apt-get install ./vigil_*.deb took %.1f s\n", b - a }'
printf 'install: Installed-Size %s KiB; /usr/bin/vigil %s bytes\n' \
  "$(dpkg-query -W -f='${Installed-Size}' vigil)" "$(stat -c %s /usr/bin/vigil)"
smoke=0
VIGIL_E2E_APP=/usr/bin/vigil cargo test -p vigil-e2e --test installed -- --test-threads=1 || smoke=$?
apt_get remove --purge vigil
if [ -e /usr/bin/vigil ] || [ -e /etc/xdg/autostart/vigil.desktop ]; then
  echo "apt-get remove --purge vigil left /usr/bin/vigil or its autostart entry behind" >&2
  exit 1
fi
echo "install: removed; /usr/bin/vigil and /etc/xdg/autostart/vigil.desktop are gone"
exit "$smoke"
