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

.PHONY: all build export test test-swift test-interop deps deps-system deps-python check-exports clean

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

test: deps test-swift test-interop

test-swift: deps-system
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-interop: build deps-python
	KGEXPORT=$(KGEXPORT) SHARED_DIR=$(SHARED_DIR) bash Tests/interop/run-all.sh

clean:
	rm -rf .build
