#!/usr/bin/env bash
# Installs what building and testing Aduan needs, from the package registries only, skipping what is already
# present at the right version. Usage: scripts/setup-tools.sh [--browser | --lint]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Formats the view! macros, which rustfmt leaves alone (`make lint`).
LEPTOSFMT_VERSION=0.1.33
# Splits the wasm into lazily loaded chunks (scripts/build-wasm.mjs): wasm-split-cli 0.2.4 (the tool
# cargo-leptos --split uses), vendored in tools/wasm-split-cli with a --consumer option, installed as
# wasm-split-cli-aduan beside any upstream wasm-split-cli. Its version there says which build is installed.
WASM_SPLIT_VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' tools/wasm-split-cli/Cargo.toml | head -n 1)
# Fuzzes the API against public/openapi.yaml in `make test` (scripts/contract-test.sh), from PyPI into a
# virtualenv under target/.
SCHEMATHESIS_VERSION=4.32.5
# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if [[ "${1:-}" == "--lint" ]]; then
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  if ! leptosfmt --version 2>/dev/null | grep -q " $LEPTOSFMT_VERSION"; then
    echo "setup: installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes)"
    cargo install leptosfmt --version "=$LEPTOSFMT_VERSION" --locked
  fi
  exit 0
fi

apt_packages=()
if [[ "${1:-}" == "--browser" ]]; then
  [[ -x /usr/bin/chromium ]] || apt_packages+=(chromium)
  command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
fi
if ((${#apt_packages[@]})); then
  echo "setup: installing ${apt_packages[*]} from Debian's packages"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  fi
fi

if [[ "${1:-}" == "--browser" ]]; then
  venv=target/schemathesis-venv
  if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION\$"; then
    echo "setup: installing schemathesis $SCHEMATHESIS_VERSION (about 1 minute)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The SPA's standard library is rebuilt from source with panics that abort at once (Makefile, WASM_STD): the
# sources come with rust-src, their crates (dlmalloc…) and ours are fetched here, since Trunk builds offline.
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
cargo fetch --locked --quiet
RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  echo "setup: installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "=$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # Not --locked: one of its locked dependency versions is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# It has no --version; cargo's list of installed crates says which version is there. Built from the vendored
# sources with the crates.io dependencies of tools/wasm-split-cli/Cargo.lock (--locked).
if ! cargo install --list | grep -q "^aduan-wasm-split-cli v$WASM_SPLIT_VERSION "; then
  echo "setup: installing wasm-split-cli-aduan $WASM_SPLIT_VERSION from tools/wasm-split-cli (about 4 minutes)"
  cargo install --path tools/wasm-split-cli --features build-binary --locked
fi

# wasm-opt (binaryen 132), Playwright and axe-core come from npm, pinned by package-lock.json.
# Playwright must never download a browser: tests drive Debian's /usr/bin/chromium.
if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132" || [[ ! -d node_modules/@playwright/test ]] \
   || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
