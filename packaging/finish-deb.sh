#!/usr/bin/env bash
# Finishes the unpacked .deb the Tauri bundler made (`dpkg-deb -R`), in place, for
# scripts/package.sh: what the bundler cannot do (see the comment there). Usage:
#   packaging/finish-deb.sh ROOT PACKAGING_DIR
set -euo pipefail
root=$1
src=$2
control="$root/DEBIAN/control"
[ -f "$control" ] || { echo "finish-deb: $control missing" >&2; exit 1; }

# Documentation as Debian's policy wants it: gzipped, the changelog in the package's own
# directory (a native package's is changelog.gz), nothing under the product name.
gzip -9n "$root/usr/share/man/man1/vigil.1"
mkdir -p "$root/usr/share/doc/vigil"
gzip -9n -c "$src/changelog" >"$root/usr/share/doc/vigil/changelog.gz"
rm -rf "$root/usr/share/doc/Vigil"

# Every file under /etc is a conffile: the administrator's edits survive an upgrade.
(cd "$root" && find etc -type f | sort | sed 's|^|/|') >"$root/DEBIAN/conffiles"

# Depends: the libraries the binary links (with their minimum versions) from dpkg-shlibdeps,
# then what the bundler declared that is not among them (the tray library, loaded at run time).
scratch=$(mktemp -d)
mkdir "$scratch/debian"
printf 'Source: vigil\n\nPackage: vigil\nArchitecture: any\n' >"$scratch/debian/control"
shlibs=$(cd "$scratch" && dpkg-shlibdeps -O -e"$root/usr/bin/vigil" | sed -n 's/^shlibs:Depends=//p')
rm -rf "$scratch"
[ -n "$shlibs" ] || { echo "finish-deb: dpkg-shlibdeps found no library" >&2; exit 1; }
bundler=$(sed -n 's/^Depends: //p' "$control")
depends=$shlibs
IFS=',' read -ra extra <<<"$bundler"
for dep in "${extra[@]}"; do
  dep=$(echo "$dep" | xargs)
  name=${dep%% *}
  echo ",$shlibs," | grep -Eq "[, ]$name( |,)" || depends="$depends, $dep"
done
sed -i "s/^Depends: .*/Depends: $depends/" "$control"

# Modes and sizes of the final contents.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f ! -path "$root/DEBIAN/*" ! -path "$root/usr/bin/*" -exec chmod 0644 {} +
chmod 0755 "$root/usr/bin/vigil"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z |
  xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/conffiles" "$control"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$control"
