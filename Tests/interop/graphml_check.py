#!/usr/bin/env python3
"""Reads kgexport's GraphML with networkx and igraph and compares it with the RDF it came from.

Usage:
  graphml_check.py counts PAIRS_FILE     one "GRAPHML<TAB>NTRIPLES" per line
  graphml_check.py nato GRAPHML           the NATO export: walk Rutte -> endorsement -> Lithuania

For each pair, the expected property graph is computed from the N-Triples with rdflib, independently
of kgexport: a node for every distinct subject and every distinct non-literal object, except objects
of rdf:type that are IRIs (they become labels, not nodes) unless they occur elsewhere; an edge for
every triple whose object is not a literal, except rdf:type triples with an IRI object. Then:
- networkx and igraph read the file with exactly those node and edge counts;
- every declared attr.type survives: long -> int, double -> float, boolean -> bool, string -> str
  in networkx; numbers are numeric in igraph;
- every node's `iri` attribute names an IRI of the RDF graph, and every edge's `predicate` a property;
- in yEd-styled files, networkx finds each node's yEd shape, position and label.
Prints one PASS or FAIL line per check; exits 1 when any check fails.
"""
import sys
import xml.etree.ElementTree as ElementTree

import igraph
import networkx
import rdflib
from rdflib import RDF, BNode, Literal, URIRef

NS = "{http://graphml.graphdrawing.org/xmlns}"
PY_TYPES = {"long": int, "int": int, "double": float, "float": float, "boolean": bool, "string": str}

results = []


def report(ok, message):
    results.append(ok)
    print(("PASS " if ok else "FAIL ") + message)


def expected(nt_path):
    """Nodes and edges the projection must give, computed from the RDF alone."""
    graph = rdflib.Graph()
    graph.parse(nt_path, format="nt")
    nodes, edges = set(), 0
    for subject, predicate, obj in graph:
        nodes.add(subject)
        if isinstance(obj, Literal):
            continue
        if predicate == RDF.type and isinstance(obj, URIRef):
            continue
        nodes.add(obj)
        edges += 1
    iris = {str(term) for term in nodes if isinstance(term, URIRef)}
    predicates = {str(p) for _, p, o in graph if not isinstance(o, Literal)}
    return len(nodes), edges, iris, predicates


def declared_keys(path):
    """(domain, attr.name) -> attr.type, from the document's <key> elements."""
    keys = {}
    for key in ElementTree.parse(path).getroot().iter(NS + "key"):
        if key.get("attr.name") is not None:
            keys[(key.get("for"), key.get("attr.name"))] = key.get("attr.type")
    return keys


def check_pair(graphml_path, nt_path):
    nodes, edges, iris, predicates = expected(nt_path)
    name = graphml_path
    try:
        nx_graph = networkx.read_graphml(graphml_path)
    except Exception as error:  # noqa: BLE001 - any failure to read is the finding
        report(False, f"{name}: networkx cannot read it: {error}")
        return
    report(nx_graph.number_of_nodes() == nodes and nx_graph.number_of_edges() == edges,
           f"{name}: networkx reads {nx_graph.number_of_nodes()} nodes, {nx_graph.number_of_edges()} edges "
           f"(RDF gives {nodes}, {edges})")
    try:
        ig_graph = igraph.Graph.Read_GraphML(graphml_path)
    except Exception as error:  # noqa: BLE001
        report(False, f"{name}: igraph cannot read it: {error}")
        return
    report(ig_graph.vcount() == nodes and ig_graph.ecount() == edges,
           f"{name}: igraph reads {ig_graph.vcount()} nodes, {ig_graph.ecount()} edges (RDF gives {nodes}, {edges})")

    keys = declared_keys(graphml_path)
    wrong = []
    typed = {}
    for domain, items in (("node", nx_graph.nodes(data=True)), ("edge", nx_graph.edges(data=True))):
        for item in items:
            data = item[-1]
            for attribute, value in data.items():
                declared = keys.get((domain, attribute))
                if declared is None:
                    continue  # yEd graphics that networkx unpacks (label, shape_type, x, y, ...)
                typed[declared] = typed.get(declared, 0) + 1
                if type(value) is not PY_TYPES[declared]:
                    wrong.append(f"{domain} {attribute}={value!r} is {type(value).__name__}, declared {declared}")
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(typed.items()))
    report(not wrong, f"{name}: networkx keeps the declared types ({summary or 'no values'})"
           + ("" if not wrong else ": " + "; ".join(wrong[:5])))
    numeric = [name for (domain, name), kind in keys.items() if domain == "node" and kind in ("long", "double")]
    bad_numbers = [attribute for attribute in numeric if attribute in ig_graph.vs.attributes()
                   and not all(isinstance(v, (int, float)) for v in ig_graph.vs[attribute])]
    report(not bad_numbers, f"{name}: igraph reads numeric attributes as numbers ({len(numeric)} keys)"
           + ("" if not bad_numbers else ": " + ", ".join(bad_numbers)))

    plain = not graphml_path.endswith(".yed.graphml")
    if not plain:
        # networkx unpacks yEd's graphics: the label shown, the shape and the position.
        missing = [node for node, data in nx_graph.nodes(data=True)
                   if not data.get("shape_type") or "x" not in data or data.get("label") in (None, "")]
        report(not missing, f"{name}: networkx finds yEd's shape, position and label on every node"
               + ("" if not missing else f": missing on {missing[:5]}"))
    node_iris = {data["iri"] for _, data in nx_graph.nodes(data=True) if "iri" in data}
    edge_predicates = {data["predicate"] for _, _, data in nx_graph.edges(data=True) if "predicate" in data}
    if plain:
        report(node_iris == iris and edge_predicates <= predicates,
               f"{name}: node 'iri' attributes are the RDF graph's {len(iris)} IRIs, edge 'predicate's its properties")


def check_nato(graphml_path):
    graph = networkx.read_graphml(graphml_path)
    by_label = {}
    for node, data in graph.nodes(data=True):
        by_label.setdefault(data.get("label"), []).append(node)
    rutte, lithuania = by_label.get("Mark Rutte", []), by_label.get("Lithuania", [])
    report(len(rutte) == 1 and len(lithuania) == 1,
           f"{graphml_path}: one node labelled 'Mark Rutte' ({rutte}) and one 'Lithuania' ({lithuania})")
    if len(rutte) != 1 or len(lithuania) != 1:
        return
    undirected = graph.to_undirected(as_view=True)
    walks = []
    for event in set(undirected.neighbors(rutte[0])) & set(undirected.neighbors(lithuania[0])):
        data = graph.nodes[event]
        if "Endorsement" not in data.get("labels", "").split(":"):
            continue
        into_rutte = [d.get("label") for _, target, d in graph.out_edges(event, data=True) if target == rutte[0]]
        into_lithuania = [d.get("label") for _, target, d in graph.out_edges(event, data=True) if target == lithuania[0]]
        walks.append((event, data.get("date"), into_rutte, into_lithuania))
    report(bool(walks), f"{graphml_path}: Mark Rutte -> endorsement event -> Lithuania: {walks}")
    for event, date, into_rutte, into_lithuania in walks:
        report(date == "2024-04-02" and "endorsee" in into_rutte and "endorser" in into_lithuania,
               f"{graphml_path}: {event} has date {date!r}, edges {into_rutte} to Rutte and {into_lithuania} to Lithuania")
    path = networkx.shortest_path(undirected, rutte[0], lithuania[0])
    report(len(path) == 3, f"{graphml_path}: shortest walk from Mark Rutte to Lithuania: {path}")


def main(arguments):
    if len(arguments) == 2 and arguments[0] == "counts":
        with open(arguments[1], encoding="utf-8") as pairs:
            for line in pairs:
                if line.strip():
                    graphml_path, nt_path = line.rstrip("\n").split("\t")
                    check_pair(graphml_path, nt_path)
    elif len(arguments) == 2 and arguments[0] == "nato":
        check_nato(arguments[1])
    else:
        print(__doc__)
        return 2
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
