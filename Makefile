# Fanout's commands. The two that matter:
#   make serve   build the app and serve it at http://127.0.0.1:8080/
#   make test    every test: engine + CLI (cargo), release build, e2e in Chromium
# Each target that needs tools runs scripts/bootstrap first, which installs
# whatever is missing (the first run on a fresh machine takes ~15 minutes).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# wasm-opt comes from the npm package binaryen; cargo-installed tools live in
# ~/.cargo/bin, which non-login shells (CI) may not have on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Trunk's update check would try the network at every start.
export TRUNK_SKIP_VERSION_CHECK := true

HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: help bootstrap serve build test test-rust e2e size bench

help:
	@echo "make serve   build and serve the app at http://$(HOST):$(PORT)/ (PORT=... to change)"
	@echo "make test    run every test (cargo, release build, end-to-end in Chromium)"
	@echo "make build   release build into dist/"
	@echo "make e2e     end-to-end tests only, against dist/"
	@echo "make size    gzip size of the wasm + js in dist/ against the 250 KB budget"
	@echo "make bench   engine benchmarks"

bootstrap:
	@scripts/bootstrap

serve: bootstrap
	@echo
	@echo "  Fanout: open http://$(HOST):$(PORT)/ once the build below says it is serving."
	@echo "  (Ctrl+C stops the server; edits to src/ rebuild and reload the page.)"
	@echo
	trunk serve --release --address $(HOST) --port $(PORT)

build: bootstrap
	trunk build --release

# The app's own unit tests (editor, playback) compile natively too.
# The debug profile: on 2 cores it builds the engine and its tests in about a
# third of the time the LTO'd release profile takes, and the tests are quick.
test-rust:
	cargo test -p fanout-engine -p fanout-cli -p fanout

# Size is reported, not enforced, here: the budget is a goal for the product.
# The e2e suite runs last so the output ends with the test runners' summaries.
test: bootstrap test-rust build
	@scripts/size || echo "size: over the budget (reported only; see make size)"
	scripts/e2e

e2e: bootstrap
	scripts/e2e

size:
	@scripts/size

bench: bootstrap
	@scripts/bench
