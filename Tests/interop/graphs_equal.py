#!/usr/bin/env python3
"""Checks that RDF files are the same graph (isomorphic), as rdflib reads them.

usage: graphs_equal.py FILE:FORMAT FILE:FORMAT [FILE:FORMAT ...]
FORMAT is an rdflib parser name (xml, nt, turtle). Prints one line per comparison with the
triple counts, and the triples that differ when they are not isomorphic; exits 1 on a mismatch.
"""
import sys

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic


def load(spec):
    path, _, fmt = spec.rpartition(":")
    graph = Graph()
    graph.parse(path, format=fmt)
    return path, graph


def main(specs):
    if len(specs) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    first_path, first = load(specs[0])
    failed = 0
    for spec in specs[1:]:
        path, graph = load(spec)
        if isomorphic(first, graph):
            print(f"same graph: {first_path} ({len(first)} triples) = {path} ({len(graph)} triples)")
            continue
        failed += 1
        print(f"DIFFERENT: {first_path} ({len(first)} triples) != {path} ({len(graph)} triples)")
        _, only_first, only_other = graph_diff(to_isomorphic(first), to_isomorphic(graph))
        for label, part in (("only in " + first_path, only_first), ("only in " + path, only_other)):
            for triple in sorted(part)[:20]:
                print(f"  {label}: {' '.join(term.n3() for term in triple)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
