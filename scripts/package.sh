#!/bin/sh
# package.sh BINARY OUTDIR: the Linux tarball of Chronoscope. `fyne package` (fyne.io/tools)
# makes the desktop entry from FyneApp.toml; this script adds what it does not: the icons
# at 16 to 512 px and as SVG, the AppStream metainfo, the MIME type of a case file, and an
# install Makefile (packaging/Makefile). fyne package bumps Build in FyneApp.toml, so it
# runs on a copy.
set -eu
bin=$1
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^Version = "\(.*\)"/\1/p' "$root/FyneApp.toml")
id=io.github.chronoscope
name=chronoscope-$version-linux-$(go env GOARCH)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fyne package wants the app's source folder: FyneApp.toml, the icon and Go code.
mkdir -p "$work/src"
cp "$root/FyneApp.toml" "$root/icon.png" "$root/go.mod" "$root/main.go" "$work/src/"
cp "$bin" "$work/src/chronoscope"
(cd "$work/src" && go run fyne.io/tools/cmd/fyne@v1.7.4 package --os linux --executable chronoscope \
  --name chronoscope --release >/dev/null)
mkdir -p "$work/fyne" && tar -xJf "$work/src/chronoscope.tar.xz" -C "$work/fyne"

stage=$work/$name
mkdir -p "$stage/bin" "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages" \
  "$stage/share/icons/hicolor/scalable/apps"
cp "$work/fyne/chronoscope/usr/local/bin/chronoscope" "$stage/bin/"
# The entry's Name is the application's, not the executable's; its MimeType a list.
sed -e 's/^Name=chronoscope$/Name=Chronoscope/' -e 's/^\(MimeType=.*[^;]\)$/\1;/' \
  "$work/fyne/chronoscope/usr/local/share/applications/$id.desktop" > "$stage/share/applications/$id.desktop"
cp "$root/packaging/$id.metainfo.xml" "$stage/share/metainfo/"
cp "$root/packaging/$id.xml" "$stage/share/mime/packages/"
cp "$root/packaging/$id.svg" "$stage/share/icons/hicolor/scalable/apps/"
(cd "$root" && go run ./scripts/icons -src icon.png -id "$id" -out "$stage/share/icons/hicolor")
cp "$root/packaging/Makefile" "$stage/Makefile"
mkdir -p "$out"
tar -C "$work" -cJf "$out/$name.tar.xz" "$name"
echo "$out/$name.tar.xz"
