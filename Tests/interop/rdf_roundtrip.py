#!/usr/bin/env python3
"""Writer round trip with real tools.

For every graph given (the results of the positive W3C RDF/XML tests, plus fixtures), runs
`kgexport convert GRAPH.nt OUT` to RDF/XML, N-Triples and Turtle, then checks that Raptor's
`rapper` and rdflib each read every output back as the same graph (isomorphic, literals compared
by lexical form). Graphs that RDF/XML cannot express are predicted here independently of
kgexport (a predicate without an NCName tail, a reserved rdf: name as predicate, a character
XML 1.0 forbids); kgexport must refuse exactly those, with exit status 1, a message and no file.

Usage: rdf_roundtrip.py KGEXPORT WORKDIR (--suite DIR | GRAPH.nt)...
"""

import argparse
import logging
import os
import subprocess
import sys

import rdflib
from rdflib import RDF, XSD, Literal
from rdflib.compare import isomorphic

# Compare lexical forms exactly: "01"^^xsd:integer must not become "1".
rdflib.NORMALIZE_LITERALS = False
# rdflib logs every ill-typed literal ("flargh"^^xsd:integer) it cannot convert; they are fine here.
logging.getLogger("rdflib").setLevel(logging.ERROR)

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RDFT = rdflib.Namespace("http://www.w3.org/ns/rdftest#")
RESERVED = {"RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description", "li",
            "aboutEach", "aboutEachPrefix", "bagID", "annotation", "annotationNodeID", "version"}
FORMATS = [("rdfxml", "rdf", "RDF/XML", "xml"), ("ntriples", "nt", "N-Triples", "nt"), ("turtle", "ttl", "Turtle", "turtle")]


def positive_tests(suite):
    """(name, .nt path) of every rdft:TestXMLEval in the suite's manifest."""
    manifest = rdflib.Graph().parse(os.path.join(suite, "manifest.ttl"), format="turtle",
                                    publicID="http://kgexport.test/suite/manifest.ttl")
    tests = []
    for test in manifest.subjects(RDF.type, RDFT.TestXMLEval):
        result = str(manifest.value(test, MF.result)).replace("http://kgexport.test/suite/", "")
        tests.append((str(manifest.value(test, MF.name)), os.path.join(suite, result)))
    return sorted(tests)


def is_name_start(c):
    o = ord(c)
    return (c.isascii() and (c.isalpha() or c == "_")) or any(a <= o <= b for a, b in [
        (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x2FF), (0x370, 0x37D), (0x37F, 0x1FFF), (0x200C, 0x200D),
        (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD), (0x10000, 0xEFFFF)])


def is_name_char(c):
    o = ord(c)
    return is_name_start(c) or c in "-.0123456789\u00b7" or 0x300 <= o <= 0x36F or 0x203F <= o <= 0x2040


def xml_forbidden(text):
    return any((ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" for c in text)


def rdfxml_refusal(graph):
    """Why RDF/XML cannot express the graph, or None."""
    for predicate in sorted(set(graph.predicates())):
        iri = str(predicate)
        if iri.startswith(str(RDF)) and iri[len(str(RDF)):] in RESERVED:
            return f"reserved name rdf:{iri[len(str(RDF)):]} as predicate"
        tail = len(iri)
        while tail > 0 and is_name_char(iri[tail - 1]):
            tail -= 1
        if not any(is_name_start(c) for c in iri[tail:]):
            return f"predicate <{iri}> has no NCName tail"
    for term in graph.all_nodes():
        if isinstance(term, Literal) and xml_forbidden(str(term)):
            return "a literal contains a character XML 1.0 forbids"
    return None


def normalised(graph):
    """The graph with xsd:string literals made plain and language tags lower-cased."""
    result = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, Literal):
            if o.datatype == XSD.string:
                o = Literal(str(o))
            elif o.language:
                o = Literal(str(o), lang=o.language.lower())
        result.add((s, p, o))
    return result


def same(graph, expected):
    return len(graph) == len(expected) and isomorphic(normalised(graph), normalised(expected))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kgexport")
    parser.add_argument("workdir")
    parser.add_argument("--suite", action="append", default=[])
    parser.add_argument("graphs", nargs="*")
    arguments = parser.parse_intermixed_args()

    cases = [test for suite in arguments.suite for test in positive_tests(suite)]
    cases += [(os.path.basename(path), path) for path in arguments.graphs]
    counts = {(tool, fmt): [0, 0] for tool in ("rapper", "rdflib") for fmt, *_ in FORMATS}
    refused, failures, warnings, deterministic = [], [], [], 0

    for name, source in cases:
        expected = rdflib.Graph().parse(source, format="nt")
        predicted = rdfxml_refusal(expected)
        for fmt, extension, display, rdflib_format in FORMATS:
            out = os.path.join(arguments.workdir, f"{name}.{extension}")
            if os.path.exists(out):
                os.remove(out)
            run = subprocess.run([arguments.kgexport, "convert", source, out], capture_output=True, text=True)
            refusable = fmt == "rdfxml" and predicted is not None
            if run.returncode != 0:
                if refusable and run.returncode == 1 and not os.path.exists(out) and "error:" in run.stderr:
                    refused.append(f"{name}: {predicted}; kgexport: {run.stderr.splitlines()[0]}")
                else:
                    failures.append(f"{name} -> {display}: kgexport exited {run.returncode}: {run.stderr.strip()}")
                    for tool in ("rapper", "rdflib"):
                        counts[(tool, fmt)][1] += 1
                continue
            if refusable:
                failures.append(f"{name} -> {display}: written, but RDF/XML cannot express it ({predicted})")
            if fmt == "rdfxml":
                again = out + ".again.rdf"
                subprocess.run([arguments.kgexport, "convert", source, again], capture_output=True)
                with open(out, "rb") as first, open(again, "rb") as second:
                    if first.read() == second.read():
                        deterministic += 1
                    else:
                        failures.append(f"{name}: two conversions gave different bytes")
                os.remove(again)

            raptor = subprocess.run(["rapper", "-q", "-i", fmt, "-o", "ntriples", out], capture_output=True, text=True)
            # Exit status 2 means warnings only; rapper warns about names such as rdf:foo that
            # the RDF/XML grammar allows (the W3C suite's rdfms-rdf-names-use-warn tests).
            warned = raptor.returncode == 2 and all("Warning" in line for line in raptor.stderr.splitlines())
            try:
                ok = (raptor.returncode == 0 or warned) and same(rdflib.Graph().parse(data=raptor.stdout, format="nt"), expected)
            except Exception as error:  # noqa: BLE001 - any parse failure is a failed round trip
                ok = False
                raptor.stderr += str(error)
            counts[("rapper", fmt)][0 if ok else 1] += 1
            if not ok:
                failures.append(f"{name} -> {display}: rapper did not read back the same graph {raptor.stderr.strip()}")
            elif warned:
                warnings.append(f"{name} -> {display}: {raptor.stderr.strip()}")

            try:
                ok = same(rdflib.Graph().parse(out, format=rdflib_format), expected)
                detail = ""
            except Exception as error:  # noqa: BLE001
                ok, detail = False, str(error)
            counts[("rdflib", fmt)][0 if ok else 1] += 1
            if not ok:
                failures.append(f"{name} -> {display}: rdflib did not read back the same graph {detail}")

    for fmt, _, display, _ in FORMATS:
        suffix = "" if fmt == "rdfxml" else f" ({display})"
        for tool in ("rapper", "rdflib"):
            passed, failed = counts[(tool, fmt)]
            print(f"{tool} round trip{suffix}: {passed} passed, {failed} failed")
    print(f"graphs: {len(cases)}; RDF/XML written twice with identical bytes: {deterministic}")
    print(f"expected refusals (RDF/XML cannot express the graph): {len(refused)}")
    for line in refused:
        print(f"  refused as expected: {line}")
    print(f"read back the same graph, but rapper warned: {len(warnings)}")
    for line in warnings:
        print(f"  rapper warning: {line}")
    for line in failures:
        print(f"FAIL {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
