#!/usr/bin/env sh
# Trunk post-build hook: names the service worker's cache after this build's wasm, so a new release
# replaces the old cache on the next visit.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
build=$(basename "$(ls "$dir"/*_bg.wasm)" _bg.wasm)
sed -i "s/__ADUAN_BUILD__/$build/" "$dir/sw.js"
