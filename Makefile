# Aduan: `make run` starts the portal with demo data; `make test` runs every test; `make lint` checks formatting
# and clippy; `make bench` prints figures.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

ADDR ?= 127.0.0.1:8080
DATA ?= data
SERVER := target/server/aduan-server
SPA_SOURCES := $(shell find src core/src style public -type f) index.html Cargo.toml Cargo.lock Trunk.toml .cargo/config.toml scripts/build-wasm.mjs scripts/split-loader.mjs scripts/precompress.mjs \
  tools/wasm-split-cli/Cargo.toml $(shell find tools/wasm-split-cli/src -type f)

.PHONY: run test lint fmt tools tools-browser spa server bench clean

run: tools dist/index.html server
	$(SERVER) --addr $(ADDR) --data $(DATA) --static dist --demo

test: tools-browser dist/index.html server
	cargo test --workspace
	scripts/contract-test.sh
	npx playwright test --config tests/e2e/playwright.config.mjs

# rustfmt.toml and leptosfmt.toml set the width; [workspace.lints] in Cargo.toml the lints every crate keeps.
# `make fmt` rewrites what `make lint` would refuse.
lint:
	@scripts/setup-tools.sh --lint
	leptosfmt --check --quiet src
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

fmt:
	@scripts/setup-tools.sh --lint
	leptosfmt --quiet src
	cargo fmt --all

bench: tools dist/index.html server
	scripts/bench.sh

tools:
	@scripts/setup-tools.sh

tools-browser:
	@scripts/setup-tools.sh --browser

spa: dist/index.html

# The SPA's wasm is built with the standard library rebuilt from source (rust-src, scripts/setup-tools.sh)
# with panics that abort at once: no panic messages, source paths or their formatting code in any module
# (-15 KB brotli in the shell, -25 KB on /lapor; README, "How the wasm is built"). Stable rustc accepts these
# unstable options with RUSTC_BOOTSTRAP; the flags repeat .cargo/config.toml's, which this variable replaces.
WASM_STD := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort"

# Rebuilt only when a source changed, so a second `make run` starts in seconds.
dist/index.html: $(SPA_SOURCES)
	$(WASM_STD) trunk build --release

server:
	cargo build --profile server -p aduan-server

clean:
	rm -rf dist target/server
