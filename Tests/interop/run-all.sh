#!/usr/bin/env bash
# Runs every interoperability check in this folder (check-*.sh, in name order) against the
# built kgexport, with real tools (rapper, rdflib, xmllint, networkx, igraph, Oxigraph, Graphviz).
# Each check prints its own counts and exits non-zero on any failure; this script sums up.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export KGEXPORT=${KGEXPORT:-.build/release/kgexport}
export SHARED_DIR=${SHARED_DIR:-../shared}
passed=0
failed=0
for check in "$here"/check-*.sh; do
  [ -e "$check" ] || continue
  name=$(basename "$check" .sh)
  echo "== $name"
  if bash "$check"; then
    passed=$((passed + 1))
  else
    echo "!! $name failed"
    failed=$((failed + 1))
  fi
done
echo "interop checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
