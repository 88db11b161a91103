#!/usr/bin/env bash
# The ontology file is read by real tools: Raptor's rapper without a single warning, xmllint as
# well-formed XML, and rdflib, which must find the same number of triples as rapper.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
cd "$root" || exit 1
ontology=Ontology/newsgraph.owl

if rapper -q -i rdfxml -o ntriples "$ontology" > "$tmp/ontology.nt" 2> "$tmp/rapper.log"; then
  rapper_triples=$(grep -c . "$tmp/ontology.nt")
  warnings=$(grep -ci -E 'warning|error' "$tmp/rapper.log")
  if [ "$warnings" -eq 0 ]; then
    pass "rapper: $rapper_triples triples, 0 warnings"
  else
    fail "rapper: $warnings warnings"
    sed 's/^/       /' "$tmp/rapper.log"
  fi
else
  rapper_triples=-1
  fail "rapper could not parse $ontology"
  sed 's/^/       /' "$tmp/rapper.log"
fi

if xmllint --noout --nonet "$ontology" 2> "$tmp/xmllint.log"; then
  pass "xmllint: well-formed"
else
  fail "xmllint"
  sed 's/^/       /' "$tmp/xmllint.log"
fi

if rdflib_triples=$("$PYTHON" -c 'import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format="xml"); print(len(g))' "$ontology" 2> "$tmp/rdflib.log"); then
  if [ "$rdflib_triples" = "$rapper_triples" ]; then
    pass "rdflib: $rdflib_triples triples, as rapper"
  else
    fail "rdflib: $rdflib_triples triples, rapper $rapper_triples"
  fi
else
  fail "rdflib could not parse $ontology"
  sed 's/^/       /' "$tmp/rdflib.log"
fi

echo "ontology checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
