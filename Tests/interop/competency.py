#!/usr/bin/env python3
"""Runs the competency queries against a running Oxigraph server and compares the answers.

usage: competency.py ENDPOINT DATA.rdf QUERY_FOLDER

Loads DATA.rdf (RDF/XML) into the default graph with the SPARQL 1.1 Graph Store protocol
(PUT /store?default), runs every NN-name.rq in QUERY_FOLDER through /query asking for
text/csv, and compares with NN-name.csv beside it: rows as a multiset, or as a sequence when
the query has ORDER BY. Prints PASS/FAIL per query (with the differing rows) and a count line.
"""
import csv
import io
import pathlib
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

TIMEOUT = 60


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
        return response.status, response.read()


def load(endpoint, path):
    body = pathlib.Path(path).read_bytes()
    status, _ = request(f"{endpoint}/store?default", data=body,
                        headers={"Content-Type": "application/rdf+xml"}, method="PUT")
    if status not in (200, 201, 204):
        raise RuntimeError(f"loading {path} answered HTTP {status}")


def count_triples(endpoint):
    rows = select(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(rows[1][0])


def select(endpoint, query):
    body = urllib.parse.urlencode({"query": query}).encode()
    _, answer = request(f"{endpoint}/query", data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    return parse_csv(answer.decode("utf-8"))


def parse_csv(text):
    return [row for row in csv.reader(io.StringIO(text, newline=""))]


def has_order_by(query):
    """Whether the query sorts its answer (comment lines, which start with #, do not count)."""
    code = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))
    return re.search(r"\bORDER\s+BY\b", code, re.IGNORECASE) is not None


def compare(expected, actual, ordered):
    """Returns a list of lines describing the differences (empty when equal)."""
    problems = []
    if not expected:
        return ["the expected .csv file is empty (it needs at least the header row)"]
    if not actual or expected[0] != actual[0]:
        problems.append(f"header: expected {expected[0]}, got {actual[0] if actual else 'nothing'}")
        return problems
    want, got = expected[1:], actual[1:]
    if ordered:
        if want != got:
            problems.append("rows differ (ORDER BY: order matters)")
            for index in range(max(len(want), len(got))):
                left = want[index] if index < len(want) else None
                right = got[index] if index < len(got) else None
                if left != right:
                    problems.append(f"  row {index + 1}: expected {left}, got {right}")
        return problems
    missing = Counter(map(tuple, want)) - Counter(map(tuple, got))
    extra = Counter(map(tuple, got)) - Counter(map(tuple, want))
    for row, times in sorted(missing.items()):
        problems.append(f"  missing: {list(row)}" + (f" x{times}" if times > 1 else ""))
    for row, times in sorted(extra.items()):
        problems.append(f"  unexpected: {list(row)}" + (f" x{times}" if times > 1 else ""))
    return problems


def main(endpoint, data, folder):
    load(endpoint, data)
    print(f"loaded {data}: {count_triples(endpoint)} triples")
    queries = sorted(pathlib.Path(folder).glob("*.rq"))
    passed = failed = 0
    for query_file in queries:
        expected_file = query_file.with_suffix(".csv")
        name = query_file.stem
        if not expected_file.exists():
            print(f"FAIL {name}: no expected answer {expected_file.name}")
            failed += 1
            continue
        query = query_file.read_text(encoding="utf-8")
        try:
            actual = select(endpoint, query)
        except urllib.error.HTTPError as error:
            print(f"FAIL {name}: the server refused the query: HTTP {error.code} {error.read().decode(errors='replace')}")
            failed += 1
            continue
        expected = parse_csv(expected_file.read_text(encoding="utf-8"))
        problems = compare(expected, actual, has_order_by(query))
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for line in problems:
                print(f"     {line}")
        else:
            passed += 1
            print(f"PASS {name} ({len(actual) - 1} rows)")
    if not queries:
        print(f"FAIL no queries found in {folder}")
        failed += 1
    print(f"competency queries: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
