#!/bin/sh
# fetch-echarts.sh puts the pinned ECharts library at timeline/chart/assets/echarts.min.js,
# where the chart package embeds it so exported HTML charts work offline.
#
# It takes the file from the npm package echarts@5.6.0 (npm checks the tarball against the
# registry's integrity hash) and then checks the file's own sha256 below. It does nothing
# when the file is already there with the right sha256. It needs npm and the npm registry
# only. Run it from anywhere: it finds the repository from its own path.
set -eu

VERSION=5.6.0
SHA256=bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/timeline/chart/assets/echarts.min.js"

sum() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$dest" ] && [ "$(sum "$dest")" = "$SHA256" ]; then
	echo "echarts $VERSION already in place: $dest"
	exit 0
fi

command -v npm >/dev/null 2>&1 || {
	echo "fetch-echarts: npm is needed to fetch echarts@$VERSION (apt-get install npm)" >&2
	exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

(cd "$tmp" && npm pack "echarts@$VERSION" --silent >/dev/null)
tar -xzf "$tmp/echarts-$VERSION.tgz" -C "$tmp" package/dist/echarts.min.js
got=$(sum "$tmp/package/dist/echarts.min.js")
if [ "$got" != "$SHA256" ]; then
	echo "fetch-echarts: echarts.min.js has sha256 $got, want $SHA256" >&2
	exit 1
fi

mkdir -p "$(dirname "$dest")"
# Same directory, then rename: a failed run never leaves half a file behind.
cp "$tmp/package/dist/echarts.min.js" "$dest.tmp"
mv "$dest.tmp" "$dest"
echo "echarts $VERSION fetched: $dest"
