#!/usr/bin/env bash
# Prints the figures the README records. Nothing here fails on a number: these are benchmarks, not tests.
set -euo pipefail
cd "$(dirname "$0")/.."

size() { stat -c %s "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }

echo "== SPA release build (dist/) =="
printf '%-34s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_br=0
# What a first visit downloads: the page, its JS glue, the wasm, the CSS and the runtime configuration.
for f in dist/index.html dist/*.js dist/*_bg.wasm dist/*.css dist/config.json; do
  r=$(size "$f"); b=$(br "$f")
  total_raw=$((total_raw + r)); total_br=$((total_br + b))
  printf '%-34s %10d %10d %10d\n' "$(basename "$f")" "$r" "$(gz "$f")" "$b"
done
printf '%-34s %10d %10s %10d\n' "first visit (total)" "$total_raw" "" "$total_br"
budget=$((170 * 1024))
if ((total_br <= budget)); then verdict="within"; else verdict="OVER"; fi
echo "budget: $((budget / 1024)) KiB brotli for a first visit: $verdict ($((total_br / 1024)) KiB)"
