#!/usr/bin/env bash
# Builds pivot-tui_VERSION_ARCH.deb from a build folder with dpkg-deb; no network.
# Usage: scripts/deb.sh BIN_DIR OUT_DIR   (`make deb` passes the release build)
# The tree is `make install`'s (scripts/install-files.sh, PREFIX=/usr): stripped programs, the
# highlighter and the pictures library in /usr/lib/pivot-tui/, the manual pages (gzipped, as Debian wants them) and the
# completions in the shells' system folders; /usr/share/doc/pivot-tui/ has the systemd unit and
# an example site. Depends: comes from dpkg-shlibdeps. PIVOT_DEB_UNPACKAGED_LIBRARIES=1 lets
# libraries no package owns through (the tests' debug build links the toolchain's Swift runtime).
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir=$(cd "$1" && pwd) out=$2
version=$("$bin_dir/pivot-tui" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
doc=$root/usr/share/doc/pivot-tui

scripts/install-files.sh "$bin_dir" "$root" /usr
gzip -9n "$root"/usr/share/man/man1/pivot-tui.1 "$root"/usr/share/man/man1/pivot-tui-serve.1
ln -sf pivot-tui-serve.1.gz "$root/usr/share/man/man1/pivot-tui-server.1.gz"
rm "$root/usr/share/man/man1/pivot-tui-server.1"
install -d "$doc"
sed 's|/usr/local/bin/|/usr/bin/|' docs/deploy/pivot-tui.service > "$doc/pivot-tui.service"
cp -r docs/example-site "$doc/example-site"
cp docs/deploy/serve.md docs/deploy/openssh.md "$doc/"
cat > "$doc/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: pivot-tui

Files: *
Copyright: the pivot-tui authors
License: see the project's repository
COPYRIGHT
printf 'pivot-tui (%s) unstable; urgency=medium\n\n  * Built from the pivot-tui sources.\n\n -- %s  %s\n' \
  "$version" "pivot-tui maintainers <maintainers@pivot-tui.invalid>" "$(date -R -u -d @"$(git log -1 --format=%ct 2>/dev/null || date +%s)")" \
  | gzip -9n > "$doc/changelog.gz"
find "$root" -type d -exec chmod 0755 {} +
find "$root/usr/share" -type f -exec chmod 0644 {} +

# dpkg-shlibdeps reads debian/control from where it runs.
mkdir -p "$work/src/debian"
printf 'Source: pivot-tui\n\nPackage: pivot-tui\nArchitecture: any\n' > "$work/src/debian/control"
loose=()
[ "${PIVOT_DEB_UNPACKAGED_LIBRARIES:-0}" = 1 ] && loose=(--ignore-missing-info)
depends=$(cd "$work/src" && dpkg-shlibdeps -O "${loose[@]}" -e"$root/usr/bin/pivot-tui" -e"$root/usr/bin/pivot-tui-server" \
  -e"$root/usr/lib/pivot-tui/libpivot-highlight.so" -e"$root/usr/lib/pivot-tui/libpivot-pictures.so" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p') \
  || { cat "$work/shlibdeps.log" >&2; exit 1; }

install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: pivot-tui
Version: $version
Architecture: $arch
Maintainer: pivot-tui maintainers <maintainers@pivot-tui.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: text
Priority: optional
Description: terminal reader for Markdown and Jekyll pages
 pivot-tui reads Markdown pages and Jekyll sites in the terminal as foldable
 sections, with search, links between pages, highlighted code and text
 pictures. It can also serve a page or a site over SSH (pivot-tui serve).
CONTROL
mkdir -p "$out"
package="$out/pivot-tui_${version}_${arch}.deb"
# PIVOT_DEB_COMPRESSION=gzip makes the tests' package in a fraction of xz's time.
dpkg-deb --root-owner-group -Z"${PIVOT_DEB_COMPRESSION:-xz}" --build "$root" "$package" >/dev/null
echo "$package"
