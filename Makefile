# Aduan: `make run` starts the portal with demo data; `make test` runs every test; `make bench` prints figures.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

ADDR ?= 127.0.0.1:8080
DATA ?= data
SERVER := target/server/aduan-server
SPA_SOURCES := $(shell find src core/src style public -type f) index.html Cargo.toml Cargo.lock Trunk.toml .cargo/config.toml scripts/build-wasm.mjs scripts/split-loader.mjs scripts/precompress.mjs

.PHONY: run test tools tools-browser spa server bench clean

run: tools dist/index.html server
	$(SERVER) --addr $(ADDR) --data $(DATA) --static dist --demo

test: tools-browser dist/index.html server
	cargo test --workspace
	npx playwright test --config tests/e2e/playwright.config.mjs

bench: tools dist/index.html server
	scripts/bench.sh

tools:
	@scripts/setup-tools.sh

tools-browser:
	@scripts/setup-tools.sh --browser

spa: dist/index.html

# Rebuilt only when a source changed, so a second `make run` starts in seconds.
dist/index.html: $(SPA_SOURCES)
	trunk build --release

server:
	cargo build --profile server -p aduan-server

clean:
	rm -rf dist target/server
