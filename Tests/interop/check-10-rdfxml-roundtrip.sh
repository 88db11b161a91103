#!/usr/bin/env bash
# Writer round trip: every positive W3C RDF/XML test graph (its .nt result) and the writer
# fixtures are converted by kgexport to RDF/XML, N-Triples and Turtle; rapper and rdflib must read
# each output back as the same graph. Graphs RDF/XML cannot express must be refused (exit 1, no
# file) and are listed as expected refusals.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
SHARED_DIR=${SHARED_DIR:-../shared}
suite=${W3C_RDF_TESTS:-$SHARED_DIR/w3c-rdf-tests}/rdf/rdf11/rdf-xml

if [ ! -x "$kgexport" ]; then
  echo "kgexport not found at $kgexport (build it, or set KGEXPORT)"
  exit 1
fi
for tool in rapper python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (see the Makefile's deps target)"; exit 1; }
done
python3 -c "import rdflib" 2>/dev/null || { echo "rdflib is missing (pip install rdflib)"; exit 1; }

suite_arguments=()
if [ -f "$suite/manifest.ttl" ]; then
  suite_arguments=(--suite "$suite")
else
  echo "the W3C RDF/XML test suite is not at $suite (set W3C_RDF_TESTS to the folder of w3c/rdf-tests, or SHARED_DIR)"
  if [ "${CI:-}" = "true" ]; then
    echo "it is required under CI"
    exit 1
  fi
  echo "checking the fixtures only"
fi

python3 "$here/rdf_roundtrip.py" "$kgexport" "$tmp" "${suite_arguments[@]}" "$here"/fixtures/*.nt
