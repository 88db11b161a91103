#!/usr/bin/env python3
"""Checks that GraphML files are the same property graph, whatever their node and edge ids.

usage: graphml_same.py A.graphml B.graphml [C.graphml ...]

Same keys (id, domain, attr.name, attr.type, description), same nodes and same edges with the
same values. Nodes are matched by their `iri` value; blank nodes (no `iri`) by a signature of
their values and of their edges' labels and other ends. Prints one line per comparison and the
first differences; exits 1 on a mismatch.
"""
import collections
import sys
import xml.etree.ElementTree as ElementTree

NS = "{http://graphml.graphdrawing.org/xmlns}"


def load(path):
    root = ElementTree.parse(path).getroot()
    keys = sorted((key.get("id"), key.get("for"), key.get("attr.name"), key.get("attr.type"),
                   (key.find(NS + "desc").text or "") if key.find(NS + "desc") is not None else "")
                  for key in root.findall(NS + "key"))
    graph = root.find(NS + "graph")
    values = {}
    for node in graph.findall(NS + "node"):
        values[node.get("id")] = tuple(sorted((data.get("key"), data.text or "") for data in node.findall(NS + "data")))
    edges = []
    for edge in graph.findall(NS + "edge"):
        data = tuple(sorted((item.get("key"), item.text or "") for item in edge.findall(NS + "data")))
        edges.append((edge.get("source"), edge.get("target"), data))
    iri = {node: dict(items).get("iri") for node, items in values.items()}
    # Blank nodes: their values and their edges' labels with the other ends (IRI or "blank").
    def end(node):
        return iri[node] or "blank"
    signature = {}
    for node, items in values.items():
        if iri[node]:
            signature[node] = ("iri", iri[node])
            continue
        around = sorted([("out", data, end(target)) for source, target, data in edges if source == node]
                        + [("in", data, end(source)) for source, target, data in edges if target == node])
        signature[node] = ("blank", items, tuple(around))
    nodes = collections.Counter((signature[node], items) for node, items in values.items())
    links = collections.Counter((signature[source], signature[target], data) for source, target, data in edges)
    return keys, nodes, links


def main(paths):
    if len(paths) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    first = load(paths[0])
    failed = 0
    for path in paths[1:]:
        other = load(path)
        problems = []
        if first[0] != other[0]:
            problems.append(f"keys differ: {set(first[0]) ^ set(other[0])}")
        for name, index in (("nodes", 1), ("edges", 2)):
            if first[index] != other[index]:
                only_first = list((first[index] - other[index]).items())[:3]
                only_other = list((other[index] - first[index]).items())[:3]
                problems.append(f"{name} differ: only in {paths[0]}: {only_first}; only in {path}: {only_other}")
        if problems:
            failed += 1
            print(f"DIFFERENT: {paths[0]} != {path}")
            for problem in problems:
                print("  " + problem)
        else:
            print(f"same property graph: {paths[0]} ({sum(first[1].values())} nodes, {sum(first[2].values())} edges) = {path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
