#!/usr/bin/env bash
# `make package`: builds Vigil's .deb and .rpm with the Tauri bundler (the @tauri-apps/cli npm
# package, pinned in ui/package.json) and leaves them in <target>/packages/ as
# vigil_<version>_amd64.deb and vigil-<version>-1.x86_64.rpm, then runs lintian on the .deb.
# <target> is $CARGO_TARGET_DIR when set, else target/.
#
# The bundler makes everything from src-tauri/tauri.conf.json ("bundle") and packaging/ except
# what it cannot do; the .deb is then unpacked and packed again (dpkg-deb) to add:
#   - DEBIAN/conffiles for /etc/xdg/autostart/vigil.desktop (the bundler marks no conffiles);
#   - Depends from dpkg-shlibdeps (libc6 and every library the binary links, with versions),
#     plus what the bundler declared (libayatana-appindicator3-1 for the tray, loaded at run
#     time so dpkg-shlibdeps cannot see it);
#   - /usr/share/doc/vigil/changelog.gz (the bundler would put it under doc/Vigil, the product
#     name, not the package's) and the man page gzipped, as Debian's policy wants;
#   - md5sums and Installed-Size for the final contents, root-owned files, xz compression.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== package: %s\n' "$*"; }

TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$PWD/$TARGET_DIR" ;; esac
export CARGO_TARGET_DIR="$TARGET_DIR"
VERSION=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' src-tauri/tauri.conf.json | head -n1)
OUT="$TARGET_DIR/packages"
BUNDLE="$TARGET_DIR/release/bundle"
DEB="$OUT/vigil_${VERSION}_amd64.deb"
RPM="$OUT/vigil-${VERSION}-1.x86_64.rpm"

step "the UI (embedded in the binary)"
(cd ui && npm run build)

step "release build and bundles (deb, rpm) into $BUNDLE"
rm -rf "$BUNDLE/deb" "$BUNDLE/rpm"
started=$(date +%s)
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm
echo "package: release build and bundling took $(($(date +%s) - started)) s"

step "the .deb, finished with dpkg-deb"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb -R "$BUNDLE/deb/Vigil_${VERSION}_amd64.deb" "$root"
packaging/finish-deb.sh "$root" packaging
mkdir -p "$OUT"
rm -f "$OUT"/vigil_*.deb "$OUT"/vigil-*.rpm
dpkg-deb --root-owner-group -Zxz -b "$root" "$DEB" >/dev/null
cp "$BUNDLE/rpm/Vigil-${VERSION}-1.x86_64.rpm" "$RPM"

step "lintian"
lintian --fail-on error --info --display-level '>=warning' "$DEB"
echo "package: lintian reports no error"

step "sizes"
installed_kib=$(dpkg-deb -f "$DEB" Installed-Size)
printf 'package: %s  %s bytes\n' "$DEB" "$(stat -c %s "$DEB")"
printf 'package: %s  %s bytes\n' "$RPM" "$(stat -c %s "$RPM")"
printf 'package: installed size %s KiB\n' "$installed_kib"
