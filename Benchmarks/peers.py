"""Peer writers for the benchmark: rdflib, networkx and igraph, each timed in-process.

Usage: peers.py TOOL INPUT.nt OUTPUT
Prints one line `read=SECONDS write=SECONDS` on standard output, so the harness can separate
the write step from loading. The N-Triples parser for networkx/igraph is a small line parser:
it handles the synthetic graphs (one triple a line, no comments) and is not timed.
"""
import re
import sys
import time

TRIPLE = re.compile(r'^(<[^>]*>|_:\S+) <([^>]*)> (<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[A-Za-z0-9-]+)?) \.$')
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def local(iri):
    return re.split(r"[#/]", iri)[-1]


def unescape(text):
    return text.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in text else text


def load_property_graph(path):
    """Nodes with attributes and edges (source, target, label) from N-Triples."""
    nodes = {}
    edges = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = TRIPLE.match(line.rstrip("\n"))
            if not match:
                continue
            subject, predicate, obj = match.group(1), match.group(2), match.group(3)
            attributes = nodes.setdefault(subject, {})
            if obj.startswith('"'):
                end = obj.rindex('"')
                value = unescape(obj[1:end])
                suffix = obj[end + 1:]
                if suffix == "^^<" + XSD + "integer>":
                    value = int(value)
                attributes[local(predicate)] = value
            elif predicate == RDF_TYPE:
                attributes["labels"] = attributes.get("labels", "") + ":" + local(obj[1:-1])
            else:
                nodes.setdefault(obj, {})
                edges.append((subject, obj, local(predicate)))
    return nodes, edges


def run_rdflib(source, target):
    import rdflib
    started = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(source, format="nt")
    loaded = time.perf_counter()
    graph.serialize(destination=target, format="xml")
    written = time.perf_counter()
    return loaded - started, written - loaded


def run_networkx(source, target):
    import networkx
    started = time.perf_counter()
    nodes, edges = load_property_graph(source)
    graph = networkx.MultiDiGraph()
    for node, attributes in nodes.items():
        graph.add_node(node, **attributes)
    for index, (s, o, label) in enumerate(edges):
        graph.add_edge(s, o, key=f"e{index}", label=label)
    loaded = time.perf_counter()
    networkx.write_graphml_lxml(graph, target)
    written = time.perf_counter()
    return loaded - started, written - loaded


def run_igraph(source, target):
    import igraph
    started = time.perf_counter()
    nodes, edges = load_property_graph(source)
    names = list(nodes)
    index = {name: position for position, name in enumerate(names)}
    graph = igraph.Graph(directed=True)
    graph.add_vertices(len(names))
    graph.vs["name"] = names
    keys = sorted({key for attributes in nodes.values() for key in attributes})
    for key in keys:
        graph.vs[key] = [nodes[name].get(key) for name in names]
    graph.add_edges([(index[s], index[o]) for s, o, _ in edges])
    graph.es["label"] = [label for _, _, label in edges]
    loaded = time.perf_counter()
    graph.write_graphml(target)
    written = time.perf_counter()
    return loaded - started, written - loaded


if __name__ == "__main__":
    tool, source, target = sys.argv[1:4]
    read_seconds, write_seconds = {"rdflib": run_rdflib, "networkx": run_networkx, "igraph": run_igraph}[tool](source, target)
    print(f"read={read_seconds:.3f} write={write_seconds:.3f}")
