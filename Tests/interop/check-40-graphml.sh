#!/usr/bin/env bash
# GraphML, DOT and SVG, checked with the tools people read them with:
# - every GraphML in Exports/, the W3C RDF 1.1 test graphs and synthetic edge-case graphs,
#   converted by kgexport, are valid: xmllint against graphml.xsd (graphml-yed-lax.xsd for
#   *.yed.graphml);
# - networkx and igraph read each with exactly the node and edge counts the RDF gives (computed
#   from the N-Triples with rdflib, see graphml_check.py) and keep the declared attribute types;
# - in the NATO export, networkx walks from "Mark Rutte" to "Lithuania" through the endorsement
#   event, which carries its date;
# - converting the RDF/XML or N-Triples export with the ontology gives the exported GraphML byte
#   for byte, twice the same;
# - graphs GraphML cannot carry (a control character) are refused, naming node and property;
# - the SVG is well-formed, draws every node of the DOT, and is what Graphviz draws from the DOT.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
shared=${SHARED_DIR:-../shared}
case "$shared" in /*) ;; *) shared="$PWD/$shared" ;; esac
cd "$root" || exit 1
xsd="$shared/graphml-xsd"
w3c="$shared/w3c-rdf-tests/rdf/rdf11/rdf-xml"

finish() {
  echo "graphml checks: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

[ -x "$kgexport" ] || { fail "kgexport not found at $kgexport (set KGEXPORT)"; finish; }
[ -f "$xsd/graphml.xsd" ] && [ -f "$xsd/graphml-yed-lax.xsd" ] \
  || { fail "the GraphML schemas are missing: $xsd (set SHARED_DIR)"; finish; }
command -v xmllint > /dev/null || { fail "xmllint is missing (apt-get install libxml2-utils)"; finish; }
"$PYTHON" -c "import networkx, igraph, rdflib" 2> /dev/null \
  || { fail "networkx, igraph or rdflib is missing (pip install networkx igraph rdflib)"; finish; }

# Validates one file against the schema its name calls for; prints nothing when valid.
validate() {
  local schema="$xsd/graphml.xsd"
  case "$1" in *.yed.graphml) schema="$xsd/graphml-yed-lax.xsd" ;; esac
  xmllint --nonet --noout --schema "$schema" "$1" 2>&1 | grep -v ' validates$'
}

# Runs graphml_check.py; counts its PASS/FAIL lines; shows them all, or (with "quiet") only
# the failures and a summary line.
python_checks() {
  local label=$1 quiet=$2
  shift 2
  "$PYTHON" "$here/graphml_check.py" "$@" > "$tmp/py.out" 2>&1
  local status=$? ok bad
  ok=$(grep -c '^PASS ' "$tmp/py.out")
  bad=$(grep -c '^FAIL ' "$tmp/py.out")
  if [ "$quiet" = quiet ]; then
    grep '^FAIL ' "$tmp/py.out"
    if [ "$bad" -eq 0 ] && [ "$status" -eq 0 ]; then echo "PASS $label: $ok reader checks"; fi
    passed=$((passed + ok))
  else
    grep -E '^(PASS|FAIL) ' "$tmp/py.out"
    passed=$((passed + ok))
  fi
  failed=$((failed + bad))
  if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then
    fail "$label: graphml_check.py failed:"
    sed 's/^/     /' "$tmp/py.out" | tail -20
  fi
}

# 1. The exports.
: > "$tmp/exports.pairs"
for file in Exports/*.graphml; do
  [ -e "$file" ] || continue
  errors=$(validate "$file")
  if [ -z "$errors" ]; then pass "$file is valid GraphML (xmllint)"; else fail "$file is not valid:"; echo "$errors" | head -5; fi
  stem=${file%.graphml}
  stem=${stem%.yed}
  if [ -f "$stem.nt" ]; then printf '%s\t%s\n' "$file" "$stem.nt" >> "$tmp/exports.pairs"; else fail "$file has no $stem.nt to compare with"; fi
done
[ -s "$tmp/exports.pairs" ] || fail "Exports/ holds no GraphML"
python_checks "Exports" all counts "$tmp/exports.pairs"
if [ -f Exports/nato-sg-2024.graphml ]; then
  python_checks "NATO walk" all nato Exports/nato-sg-2024.graphml
fi

# 2. kgexport convert gives the export's bytes, from either RDF syntax, every time.
if [ -f Exports/nato-sg-2024.graphml ] && [ -f Ontology/newsgraph.owl ]; then
  for source in Exports/nato-sg-2024.rdf Exports/nato-sg-2024.nt; do
    for style in graphml yed.graphml; do
      out="$tmp/converted.$style"
      if "$kgexport" convert "$source" "$out" --ontology Ontology/newsgraph.owl 2> "$tmp/err" \
          && cmp -s "$out" "Exports/nato-sg-2024.$style"; then
        pass "convert $source to .$style gives Exports/nato-sg-2024.$style byte for byte"
      else
        fail "convert $source to .$style differs from Exports/nato-sg-2024.$style"; sed 's/^/     /' "$tmp/err"
      fi
    done
  done
  "$kgexport" convert Exports/nato-sg-2024.nt "$tmp/again.graphml" --ontology Ontology/newsgraph.owl 2> /dev/null
  if cmp -s "$tmp/again.graphml" "$tmp/converted.graphml"; then pass "two conversions give identical bytes"; else fail "two conversions differ"; fi
fi

# 3. Synthetic graphs with the edge cases readers trip over.
mkdir -p "$tmp/edge"
cat > "$tmp/edge/parallel.nt" <<'NT'
<http://example.org/a> <http://example.org/knows> <http://example.org/b> .
<http://example.org/a> <http://example.org/likes> <http://example.org/b> .
<http://example.org/b> <http://example.org/knows> <http://example.org/a> .
<http://example.org/a> <http://example.org/knows> <http://example.org/a> .
NT
cat > "$tmp/edge/text.nt" <<'NT'
<http://example.org/karins> <http://www.w3.org/2000/01/rdf-schema#label> "Krišjānis Kariņš" .
<http://example.org/karins> <http://www.w3.org/2000/01/rdf-schema#label> "Krišjānis Kariņš"@lv .
<http://example.org/karins> <http://www.w3.org/2000/01/rdf-schema#label> "Krisjanis Karins"@en .
<http://example.org/karins> <http://example.org/note> "AT&T <b> \"quoted\" ]]> \\ end" .
<http://example.org/karins> <http://example.org/lines> "line one\nline two\r\n\ttabbed  " .
<http://example.org/karins> <http://example.org/empty> "" .
<http://example.org/Kariņš> <http://example.org/same> <http://example.org/karins> .
<http://example.org/a%20b?c=d&e=f> <http://example.org/same> <http://example.org/karins> .
NT
cat > "$tmp/edge/typed.nt" <<'NT'
<http://example.org/tally> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Claim> .
<http://example.org/tally> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://other.example/Claim> .
<http://example.org/tally> <http://example.org/count> "28"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/tally> <http://example.org/total> "+32"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .
<http://example.org/tally> <http://example.org/share> "0.875"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://example.org/tally> <http://example.org/ratio> "-INF"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://example.org/tally> <http://example.org/met> "0"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://example.org/tally> <http://example.org/date> "2024-04-02"^^<http://www.w3.org/2001/XMLSchema#date> .
<http://example.org/tally> <http://example.org/date> "2024-04"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .
<http://example.org/tally> <http://example.org/huge> "123456789012345678901234567890"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/other> <http://example.org/count> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/other> <http://example.org/alt> "x" .
<http://example.org/other> <http://example.org/alt> "y" .
<http://example.org/other> <http://example.org/id> "not the node id" .
<http://example.org/other> <http://schema.org/name> "A" .
<http://example.org/other> <http://xmlns.com/foaf/0.1/name> "B" .
<http://example.org/other> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:restriction .
_:restriction <http://example.org/onProperty> <http://example.org/count> .
<http://example.org/Claim> <http://www.w3.org/2000/01/rdf-schema#label> "Claim" .
NT
cat > "$tmp/edge/untyped.nt" <<'NT'
_:x <http://example.org/p> _:y .
_:y <http://example.org/p> _:x .
_:y <http://example.org/q> "loop" .
NT
: > "$tmp/edge/empty.nt"
: > "$tmp/edge.pairs"
for nt in "$tmp"/edge/*.nt; do
  name=$(basename "$nt" .nt)
  for style in graphml yed.graphml; do
    out="$tmp/edge/$name.$style"
    if "$kgexport" convert "$nt" "$out" 2> "$tmp/err"; then
      errors=$(validate "$out")
      if [ -z "$errors" ]; then pass "$name.$style is valid GraphML"; else fail "$name.$style is not valid:"; echo "$errors" | head -5; fi
      printf '%s\t%s\n' "$out" "$nt" >> "$tmp/edge.pairs"
    else
      fail "kgexport cannot convert $name.nt to .$style:"; sed 's/^/     /' "$tmp/err"
    fi
  done
done
python_checks "edge cases" all counts "$tmp/edge.pairs"

# 4. What GraphML cannot carry is refused, naming node and property, and nothing is written.
printf '<http://example.org/s> <http://example.org/note> "bell\\u0007" .\n' > "$tmp/bell.nt"
for target in graphml yed.graphml dot svg; do
  if "$kgexport" convert "$tmp/bell.nt" "$tmp/bell.$target" 2> "$tmp/err"; then
    fail "a control character was written to .$target"
  elif grep -q '<http://example.org/s>' "$tmp/err" && grep -q '<http://example.org/note>' "$tmp/err" \
      && grep -q 'U+0007' "$tmp/err" && [ ! -e "$tmp/bell.$target" ]; then
    pass "a control character is refused for .$target, naming node and property: $(head -1 "$tmp/err")"
  else
    fail "the refusal for .$target does not name node, property and character, or wrote a file:"; sed 's/^/     /' "$tmp/err"
  fi
done

# 5. The W3C RDF/XML test graphs (their N-Triples results), converted and read back.
if [ -d "$w3c" ]; then
  : > "$tmp/w3c.pairs"
  converted=0
  invalid=0
  refusals=0
  while IFS= read -r nt; do
    name=$(echo "${nt#"$w3c"/}" | tr '/' '_')
    out="$tmp/w3c/${name%.nt}.graphml"
    mkdir -p "$tmp/w3c"
    if "$kgexport" convert "$nt" "$out" 2> "$tmp/err"; then
      converted=$((converted + 1))
      errors=$(validate "$out")
      if [ -n "$errors" ]; then invalid=$((invalid + 1)); fail "$out is not valid:"; echo "$errors" | head -3; fi
      printf '%s\t%s\n' "$out" "$nt" >> "$tmp/w3c.pairs"
    elif "$PYTHON" - "$nt" <<'PY'
import re, sys
# Refusing is right only for a character XML 1.0 forbids (C0 controls but TAB/LF/CR, U+FFFE/F).
text = open(sys.argv[1], encoding="utf-8").read()
escapes = [int(short or long, 16) for short, long in re.findall(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", text)]
raw = [ord(c) for c in text if ord(c) < 0x20 and c not in "\t\n\r"]
bad = [c for c in escapes + raw if (c < 0x20 and c not in (9, 10, 13)) or c in (0xFFFE, 0xFFFF)]
sys.exit(0 if bad else 1)
PY
    then
      refusals=$((refusals + 1))
    else
      fail "kgexport refused ${nt#"$w3c"/} although XML can carry it:"; sed 's/^/     /' "$tmp/err"
    fi
  done < <(find "$w3c" -name '*.nt' | sort)
  if [ "$converted" -gt 100 ] && [ "$invalid" -eq 0 ]; then
    pass "W3C RDF 1.1 test graphs: $converted converted and valid GraphML, $refusals refused for a forbidden character"
  else
    fail "W3C RDF 1.1 test graphs: $converted converted, $invalid invalid, $refusals refused"
  fi
  python_checks "W3C RDF 1.1 test graphs" quiet counts "$tmp/w3c.pairs"
else
  fail "the W3C RDF test suite is missing: $w3c (set SHARED_DIR)"
fi

# 6. The picture: the SVG is well-formed and draws every node of the DOT it comes from.
dot_file=Exports/nato-sg-2024.dot
svg_file=Exports/nato-sg-2024.svg
if [ -f "$dot_file" ] && [ -f "$svg_file" ]; then
  if xmllint --nonet --noout "$svg_file" 2> "$tmp/err"; then pass "$svg_file is well-formed XML"; else fail "$svg_file is not well-formed:"; head -3 "$tmp/err"; fi
  in_dot=$(grep -cE '^ +"[^"]+" \[label=' "$dot_file")
  in_svg=$(grep -c 'class="node"' "$svg_file")
  if [ "$in_dot" -eq "$in_svg" ] && [ "$in_dot" -gt 0 ]; then
    pass "$svg_file draws all $in_svg nodes of $dot_file (legend included)"
  else
    fail "$svg_file draws $in_svg nodes, $dot_file has $in_dot"
  fi
  if command -v dot > /dev/null; then
    committed=$(sed -n 's/^<!-- Generated by graphviz version \(.*\)$/\1/p' "$svg_file")
    installed=$(dot -V 2>&1 | sed -n 's/^dot - graphviz version \(.*\)$/\1/p')
    dot -Tsvg "$dot_file" -o "$tmp/redrawn.svg" 2> /dev/null
    if [ "$committed" = "$installed" ]; then
      if cmp -s "$tmp/redrawn.svg" "$svg_file"; then pass "$svg_file is what Graphviz $installed draws from $dot_file"
      else fail "$svg_file is stale: Graphviz $installed draws $dot_file differently (run make export)"; fi
    else
      pass "$svg_file was drawn by Graphviz $committed, this machine has $installed: not compared byte for byte"
    fi
  else
    fail "Graphviz is missing (apt-get install graphviz)"
  fi
else
  fail "Exports/ lacks $dot_file or $svg_file"
fi

finish
