#!/usr/bin/env bash
# The committed Exports/ are fresh and deterministic, and what they say is one graph:
# - `kgexport export --out TMP` regenerates them byte for byte (run twice: same bytes again); the
#   SVG only when this machine's Graphviz drew it (check-40-graphml.sh compares it then);
# - rapper and rdflib read the RDF/XML export as the same graph as the N-Triples export, and
#   rdflib reads the Turtle export as that graph too;
# - the ontology Turtle export is the same graph as Ontology/newsgraph.owl.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cd "$root" || exit 1
require_kgexport "export checks"

# 1. Fresh: regenerate and compare with the committed files.
if "$kgexport" export --out "$tmp/first" > "$tmp/first.log" 2>&1; then
  if diff -rq -x '*.svg' Exports "$tmp/first" > "$tmp/diff.txt" 2>&1; then
    pass "Exports/ matches a fresh export ($(ls "$tmp/first" | wc -l) files)"
  else
    fail "Exports/ is stale; regenerate it with 'make export' (or 'kgexport export'):"
    sed 's/^/     /' "$tmp/diff.txt"
    diff -ru Exports "$tmp/first" | head -40 | sed 's/^/     /'
  fi
else
  fail "kgexport export failed:"
  sed 's/^/     /' "$tmp/first.log"
fi

# 2. Deterministic: a second run gives the same bytes.
if "$kgexport" export --out "$tmp/second" > /dev/null 2>&1 && diff -rq "$tmp/first" "$tmp/second" > /dev/null 2>&1; then
  pass "two exports give identical bytes"
else
  fail "two exports differ:"
  diff -rq "$tmp/first" "$tmp/second" | sed 's/^/     /'
fi

# 3. One graph in every syntax, read by rapper and by rdflib.
rdf=Exports/nato-sg-2024.rdf
nt=Exports/nato-sg-2024.nt
ttl=Exports/nato-sg-2024.ttl
if rapper -q -i rdfxml -o ntriples "$rdf" > "$tmp/rapper.nt" 2> "$tmp/rapper.err" && [ ! -s "$tmp/rapper.err" ]; then
  if "$PYTHON" "$here/graphs_equal.py" "$nt:nt" "$tmp/rapper.nt:nt" > "$tmp/eq.txt" 2>&1; then
    pass "rapper reads $rdf as the graph of $nt ($(wc -l < "$tmp/rapper.nt") triples)"
  else
    fail "rapper reads $rdf as a different graph than $nt:"
    sed 's/^/     /' "$tmp/eq.txt"
  fi
else
  fail "rapper cannot read $rdf:"
  sed 's/^/     /' "$tmp/rapper.err"
fi
if "$PYTHON" "$here/graphs_equal.py" "$nt:nt" "$rdf:xml" "$ttl:turtle" > "$tmp/eq.txt" 2>&1; then
  pass "rdflib reads $rdf and $ttl as the graph of $nt"
else
  fail "rdflib reads different graphs:"
  sed 's/^/     /' "$tmp/eq.txt"
fi
if "$PYTHON" "$here/graphs_equal.py" "Ontology/newsgraph.owl:xml" "Exports/newsgraph.ttl:turtle" > "$tmp/eq.txt" 2>&1; then
  pass "Exports/newsgraph.ttl is the graph of Ontology/newsgraph.owl"
else
  fail "Exports/newsgraph.ttl differs from Ontology/newsgraph.owl:"
  sed 's/^/     /' "$tmp/eq.txt"
fi

echo "export checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
