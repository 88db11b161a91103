public import KnowledgeGraph
import XMLSupport

/// Writes a graph as GraphML: the property-graph projection, plain or with yEd graphics.
///
/// The output follows the rules readers depend on: the GraphML namespace as default, every
/// `<key>` first (meaningful ids, one domain each, `attr.name` and `attr.type` always, never
/// `attr.name="id"`), `<graph edgedefault="directed">`, all nodes before any edge, unique edge ids
/// (parallel edges kept), `label` as the first `<data>` of each edge, values with no padding,
/// and no `<default>` (so no reader has to apply one). Plain output is valid against the
/// GraphML 1.1 schema; ``Style/yEd`` output against the schema with yEd's extensions allowed.
public struct GraphMLWriter: PropertyGraphSerializer {
    /// Which GraphML flavour to write.
    public enum Style: String, Sendable, CaseIterable {
        /// Data only: for graph databases and analysis tools (networkx, igraph, Gephi, APOC, TinkerPop).
        case plain
        /// The same data plus yEd's node and edge graphics (colour and shape per class, labels).
        case yEd
    }

    public var style: Style
    /// How the RDF graph becomes a property graph.
    public var projection: PropertyGraphProjection

    /// The GraphML namespace.
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"
    /// yEd's namespace for graphics.
    public static let yEdNamespace = "http://www.yworks.com/xml/graphml"

    public init(style: Style = .plain, schema: Schema? = nil) {
        self.style = style
        self.projection = PropertyGraphProjection(schema: schema)
    }

    /// Projects `graph`, reports the projection's notes to `context.diagnostics`, and writes it.
    /// Plain GraphML of the common case goes straight from the graph's term ids, without
    /// building the property graph (same bytes, far less memory and time).
    /// - Throws: as ``write(_:to:)-(PropertyGraph,_)``.
    public func write(_ graph: Graph, to sink: some ByteSink, context: WriteContext) throws(WriteError) {
        if style == .plain, let direct = TermIDGraphMLWriter.plan(graph, projection: projection) {
            context.stageFinished(.project)
            do {
                try direct.write(to: sink)
            } catch {
                throw .xmlWriting(error, output: "GraphML output")
            }
            return
        }
        let propertyGraph = try projection.project(graph)
        context.stageFinished(.project)
        for note in propertyGraph.notes { context.diagnostics.emit(note) }
        try write(propertyGraph, to: sink)
    }

    /// Writes an already projected graph.
    /// - Throws: ``WriteError/unrepresentable(_:)`` when the property graph breaks a GraphML
    ///   rule (a duplicate or malformed id, an undeclared key, a forbidden character),
    ///   ``WriteError/output(_:)`` when the sink fails.
    public func write(_ graph: PropertyGraph, to sink: some ByteSink) throws(WriteError) {
        try GraphMLChecks.check(graph)
        do {
            let xml = try XMLStreamWriter(indent: true)
            try Self.startDocument(keys: graph.keys, yEd: style == .yEd, xml)
            try xml.drain(into: sink)
            let layout = style == .yEd ? YEdGraphics.layout(graph.nodes) : [:]
            for node in graph.nodes {
                try xml.startElement("node")
                try xml.writeAttribute("id", node.id)
                for value in node.values { try writeData(value, xml) }
                if style == .yEd { try YEdGraphics.writeNode(node, position: layout[node.id], xml) }
                try xml.endElement()
                try xml.drain(into: sink)
            }
            for edge in graph.edges {
                try xml.startElement("edge")
                try xml.writeAttribute("id", edge.id)
                try xml.writeAttribute("source", edge.source)
                try xml.writeAttribute("target", edge.target)
                for value in edge.values { try writeData(value, xml) }
                if style == .yEd { try YEdGraphics.writeEdge(edge, xml) }
                try xml.endElement()
                try xml.drain(into: sink)
            }
            try xml.endDocument()
            try xml.drain(into: sink)
        } catch {
            throw .xmlWriting(error, output: "GraphML output")
        }
    }

    /// The document up to the open `<graph>`: the declaration, `<graphml>` with its namespaces,
    /// the `<key>`s (yEd's graphics keys after the others). Every GraphML writer starts so.
    static func startDocument(keys: [AttributeKey], yEd: Bool = false, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try xml.startDocument()
        try xml.startElement("graphml")
        try xml.writeAttribute("xmlns", namespace)
        if yEd { try xml.writeAttribute("xmlns:y", yEdNamespace) }
        for key in keys {
            try xml.startElement("key")
            try xml.writeAttribute("id", key.id)
            try xml.writeAttribute("for", key.domain.rawValue)
            try xml.writeAttribute("attr.name", key.name)
            try xml.writeAttribute("attr.type", key.type.rawValue)
            try xml.writeElement("desc", text: key.summary)
            try xml.endElement()
        }
        if yEd { try YEdGraphics.writeKeys(xml) }
        try xml.startElement("graph")
        try xml.writeAttribute("id", "G")
        try xml.writeAttribute("edgedefault", "directed")
    }

    private func writeData(_ value: AttributeValue, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try xml.startElement("data")
        try xml.writeAttribute("key", value.key)
        try xml.writeText(value.text)
        try xml.endElement()
    }
}
