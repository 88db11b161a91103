# kgexport — `make export` builds and writes the NATO example into Exports/;
# `make test` runs every test, including the interoperability checks with real tools.
# Each target installs what it needs when it is missing (apt-get, pip).

SWIFT      ?= swift
PYTHON     ?= python3
CONFIG     ?= release
BUILD_DIR  := .build/$(CONFIG)
KGEXPORT   := $(BUILD_DIR)/kgexport
SHARED_DIR ?= ../shared

APT_PACKAGES := libxml2-dev pkgconf raptor2-utils libxml2-utils graphviz librsvg2-bin
PIP_PACKAGES := rdflib networkx igraph oxigraph lxml

.PHONY: all build export test test-swift test-interop test-sanitize test-asan test-tsan fuzz-build fuzz-smoke deps deps-system deps-python clean

all: build

deps: deps-system deps-python

# Installs the Debian packages that are missing (pkgconf so SwiftPM finds libxml2).
deps-system:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Installs the Python checkers that are missing (the oxigraph package is the server CLI, not a module).
deps-python:
	@{ $(PYTHON) -c "import rdflib, networkx, igraph, lxml" 2>/dev/null && command -v oxigraph >/dev/null; } || \
	  $(PYTHON) -m pip install -q $(PIP_PACKAGES)

build: deps-system
	$(SWIFT) build -c $(CONFIG) --product kgexport

export: build
	$(KGEXPORT) export

test: deps test-swift test-interop fuzz-smoke test-sanitize

test-swift: deps-system
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-interop: build deps-python
	KGEXPORT=$(KGEXPORT) SHARED_DIR=$(SHARED_DIR) bash Tests/interop/run-all.sh

# The test suite under the address and the thread sanitizer, each in its own build folder.
# SANITIZE_FILTER narrows the tests run (a regular expression over suite and test names).
SANITIZE_FILTER ?=
SANITIZE_ARGS = $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')
# Leaks that are not ours (Tests/sanitizers/lsan.supp); KGEXPORT_SANITIZER lets the attack tests
# allow for the sanitizers' own memory.
ASAN_ENV = LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp KGEXPORT_SANITIZER=address
TSAN_ENV = KGEXPORT_SANITIZER=thread

test-sanitize: test-asan test-tsan

test-asan: deps-system
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	$(ASAN_ENV) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan $(SANITIZE_ARGS)

test-tsan: deps-system
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(TSAN_ENV) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(SANITIZE_ARGS)

# libFuzzer targets (Fuzz/), built only here: KGEXPORT_FUZZ adds them to the package.
FUZZ_TARGETS := rdfxml ntriples dataset
FUZZ_SECONDS ?= 30

fuzz-build: deps-system
	for target in FuzzRDFXML FuzzNTriples FuzzDataset; do \
	  KGEXPORT_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product $$target \
	    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library || exit 1; \
	done

# Each fuzz target for FUZZ_SECONDS on the committed corpus; any crash, leak or hang fails.
fuzz-smoke: fuzz-build
	for name in $(FUZZ_TARGETS); do bash Fuzz/run.sh $$name $(FUZZ_SECONDS) || exit 1; done

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz
