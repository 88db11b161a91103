public import KnowledgeGraph

/// Writes a graph in Graphviz's DOT language: the property-graph projection, drawn.
///
/// Nodes show their preferred label (wrapped; events and claims add their date), filled with
/// their category's colour and shape from the same palette as the yEd export (``NodeStyle``);
/// edges show the property's name; a legend cluster explains the colours. Every attribute of
/// the projection is kept as a `data-<name>` attribute (Graphviz ignores them), so the file
/// carries the same data as the GraphML export; node tooltips hold the IRI.
///
/// The drawing flows left to right: the sources (what an event's `prov:wasDerivedFrom`,
/// `prov:wasQuotedFrom`, `prov:hadPrimarySource` or `dcterms:source` point at) stand in the first column, then the events and claims drawn
/// from them, then the people, states and organisations those involve. Provenance edges are drawn
/// light and dashed, identity and vocabulary edges (`owl:sameAs`, `skos:`) light and dotted.
/// Edge direction is never changed for the layout: the DOT reads as the graph.
public struct DOTWriter: PropertyGraphSerializer {
    /// How the RDF graph becomes a property graph.
    public var projection: PropertyGraphProjection
    /// Graphviz's `rankdir`: `LR` (left to right) reads well for event-centred graphs.
    public var rankDirection: String
    /// A title drawn above the picture; nil for none.
    public var title: String?

    public init(schema: Schema? = nil, rankDirection: String = "LR") {
        self.projection = PropertyGraphProjection(schema: schema)
        self.rankDirection = rankDirection
    }

    /// Writes an already projected graph.
    public func write(_ graph: PropertyGraph, to sink: some ByteSink) throws(WriteError) {
        try GraphMLChecks.check(graph)
        let dateKeys = Set(graph.nodeKeys.filter { key in
            !key.isList && key.datatype.flatMap(LiteralTyping.xsdName).map(LiteralTyping.dateTypes.contains) == true
        }.map(\.id))
        let keyNames = Dictionary(uniqueKeysWithValues: graph.keys.map { ($0.id, $0.name) })
        var text = "digraph \"kgexport\" {\n"
        text += "  graph [rankdir=\(DOTText.quoted(rankDirection)), fontname=\"Helvetica\", fontsize=\"12\", "
            + "nodesep=\"0.12\", ranksep=\"0.9\", pad=\"0.3\", overlap=\"false\", splines=\"true\", outputorder=\"edgesfirst\"];\n"
        if let title { text += "  graph [label=\(DOTText.drawn(title)), labelloc=\"t\", fontsize=\"14\"];\n" }
        text += "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"11\", margin=\"0.14,0.06\", penwidth=\"1.2\"];\n"
        text += "  edge [fontname=\"Helvetica\", fontsize=\"8\", color=\"#777777\", fontcolor=\"#444444\", arrowsize=\"0.7\"];\n"
        try flush(&text, sink)
        let categories = graph.categoriesInUse
        if !categories.isEmpty {
            text += "  subgraph \"cluster_legend\" {\n"
            text += "    label=\"Legend\"; style=\"rounded\"; color=\"#BBBBBB\"; fontsize=\"12\"; rank=\"same\";\n"
            for category in categories {
                text += "    \(legendID(category)) [label=\(DOTText.drawn(category.title)), \(styleAttributes(category.style)), "
                    + "fontsize=\"10\"];\n"
            }
            text += "  }\n"
        }
        for node in graph.nodes {
            var lines = LabelText.lines(node.displayLabel)
            if [.event, .claim, .article].contains(node.category),
               let date = node.values.first(where: { dateKeys.contains($0.key) })?.text {
                lines.append(date)
            }
            var attributes = ["label=\(DOTText.drawnLines(lines))", styleAttributes(node.category.style)]
            if let iri = node.term.iri { attributes.append("tooltip=\(DOTText.drawn(iri.value))") }
            for value in node.values {
                attributes.append("\(DOTText.quoted("data-" + (keyNames[value.key] ?? value.key)))=\(DOTText.quoted(value.text))")
            }
            text += "  \(DOTText.quoted(node.id)) [\(attributes.joined(separator: ", "))];\n"
            try flush(&text, sink)
        }
        for edge in graph.edges {
            text += "  \(DOTText.quoted(edge.source)) -> \(DOTText.quoted(edge.target)) [label=\(DOTText.drawn(edge.label)), "
                + Self.edgeLook(edge.predicate)
                + "\"data-id\"=\(DOTText.quoted(edge.id)), \"data-predicate\"=\(DOTText.quoted(edge.predicate.value))];\n"
            try flush(&text, sink)
        }
        let sources = Set(graph.edges.filter { Self.sourceProperties.contains($0.predicate) }.map(\.target)).sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        if !sources.isEmpty {
            text += "  { rank=\"min\"; " + sources.map { DOTText.quoted($0) + "; " }.joined() + "}\n"
        }
        text += "}\n"
        try flush(&text, sink, force: true)
    }

    /// Namespaces whose edges say where a fact comes from.
    static let provenanceNamespaces = ["http://www.w3.org/ns/prov#"]
    /// Properties whose objects are source documents, drawn in the first column.
    static let sourceProperties: Set<IRI> = [
        Vocabulary.provWasDerivedFrom, IRI(unchecked: Vocabulary.provNamespace + "wasQuotedFrom"),
        IRI(unchecked: Vocabulary.provNamespace + "hadPrimarySource"), IRI(unchecked: "http://purl.org/dc/terms/source"),
    ]
    /// Properties and namespaces of identity and vocabulary bookkeeping.
    static let bookkeepingNamespaces = ["http://www.w3.org/2004/02/skos/core#"]
    static let bookkeepingProperties: Set<IRI> = [Vocabulary.owlSameAs, IRI(unchecked: Vocabulary.rdfsNamespace + "seeAlso"),
                                                  Vocabulary.rdfType]

    static func isProvenance(_ predicate: IRI) -> Bool {
        provenanceNamespaces.contains(where: predicate.value.hasPrefix)
    }

    /// Extra attributes (ending in ", ") that make secondary edges light.
    static func edgeLook(_ predicate: IRI) -> String {
        if isProvenance(predicate) {
            return "style=\"dashed\", color=\"#B0B0B0\", fontcolor=\"#9A9A9A\", "
        }
        if bookkeepingProperties.contains(predicate) || bookkeepingNamespaces.contains(where: predicate.value.hasPrefix) {
            return "style=\"dotted\", color=\"#B0B0B0\", fontcolor=\"#9A9A9A\", "
        }
        return ""
    }

    /// Ids for legend nodes contain a space, which node ids (NMTOKENs) never do.
    private func legendID(_ category: NodeCategory) -> String {
        DOTText.quoted("legend \(category.rawValue)")
    }

    private func styleAttributes(_ style: NodeStyle) -> String {
        let words = ["filled"] + (style.dotStyle.map { [$0] } ?? [])
        return "shape=\(DOTText.quoted(style.dotShape)), style=\(DOTText.quoted(words.joined(separator: ","))), "
            + "fillcolor=\(DOTText.quoted(style.fill)), color=\(DOTText.quoted(style.border))"
            + (style.textColor == "#000000" ? "" : ", fontcolor=\(DOTText.quoted(style.textColor))")
    }

    private func flush(_ text: inout String, _ sink: some ByteSink, force: Bool = false) throws(WriteError) {
        guard force || text.utf8.count >= 1 << 16 else { return }
        do throws(OutputError) { try sink.write(text) } catch { throw .output(error) }
        text = ""
    }
}
