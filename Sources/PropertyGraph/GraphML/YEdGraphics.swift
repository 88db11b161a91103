import KnowledgeGraph
import XMLSupport

/// yEd's graphics for the styled GraphML: a coloured shape with a label per node, a labelled
/// arrow per edge, and a starting layout (a grid, grouped by category) so the file opens tidy;
/// yEd's own layouts (Layout ▸ Hierarchical) arrange it properly.
enum YEdGraphics {
    static let nodeKey = GraphMLConventions.KeyID.yEdNodeGraphics
    static let edgeKey = GraphMLConventions.KeyID.yEdEdgeGraphics
    static let font = "Dialog"

    /// A node's box in the starting layout.
    struct Box {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    static func writeKeys(_ xml: XMLStreamWriter) throws(XMLWriteError) {
        for (id, domain, type) in [(nodeKey, "node", "nodegraphics"), (edgeKey, "edge", "edgegraphics")] {
            try xml.startElement("key")
            try xml.writeAttribute("id", id)
            try xml.writeAttribute("for", domain)
            try xml.writeAttribute("yfiles.type", type)
            try xml.endElement()
        }
    }

    static func size(of node: PropertyGraphNode) -> (width: Double, height: Double, text: String) {
        let lines = LabelText.lines(node.displayLabel)
        let longest = lines.map(\.count).max() ?? 1
        let width = max(80, Double(longest) * 7.5 + 30)
        let height = max(34, Double(lines.count) * 17 + 16)
        return (width, height, lines.joined(separator: "\n"))
    }

    /// Rows of up to six nodes, category after category in palette order.
    static func layout(_ nodes: [PropertyGraphNode]) -> [String: Box] {
        var boxes: [String: Box] = [:]
        var y = 0.0
        let columns = 6
        let columnWidth = 260.0
        for category in NodeCategory.allCases {
            let members = nodes.filter { $0.category == category }
            var index = 0
            while index < members.count {
                let row = members[index..<min(index + columns, members.count)]
                var rowHeight = 0.0
                for (column, node) in row.enumerated() {
                    let size = size(of: node)
                    boxes[node.id] = Box(x: Double(column) * columnWidth + (columnWidth - size.width) / 2, y: y,
                                         width: size.width, height: size.height)
                    rowHeight = max(rowHeight, size.height)
                }
                y += rowHeight + 40
                index += columns
            }
            if !members.isEmpty { y += 40 }
        }
        return boxes
    }

    static func writeNode(_ node: PropertyGraphNode, position: Box?, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        let style = node.category.style
        let size = size(of: node)
        let box = position ?? Box(x: 0, y: 0, width: size.width, height: size.height)
        try xml.startElement("data")
        try xml.writeAttribute("key", nodeKey)
        try xml.startElement("y:ShapeNode")
        try xml.startElement("y:Geometry")
        try xml.writeAttribute("height", number(box.height))
        try xml.writeAttribute("width", number(box.width))
        try xml.writeAttribute("x", number(box.x))
        try xml.writeAttribute("y", number(box.y))
        try xml.endElement()
        try xml.startElement("y:Fill")
        try xml.writeAttribute("color", style.fill)
        try xml.writeAttribute("transparent", "false")
        try xml.endElement()
        try xml.startElement("y:BorderStyle")
        try xml.writeAttribute("color", style.border)
        try xml.writeAttribute("type", style.yEdBorderType)
        try xml.writeAttribute("width", "1.0")
        try xml.endElement()
        try xml.startElement("y:NodeLabel")
        for (name, value) in [("alignment", "center"), ("autoSizePolicy", "content"), ("fontFamily", font),
                              ("fontSize", "12"), ("fontStyle", "plain"), ("modelName", "internal"),
                              ("modelPosition", "c"), ("textColor", style.textColor), ("visible", "true")] {
            try xml.writeAttribute(name, value)
        }
        try xml.writeText(size.text)
        try xml.endElement()
        try xml.startElement("y:Shape")
        try xml.writeAttribute("type", style.yEdShape)
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    static func writeEdge(_ edge: PropertyGraphEdge, _ xml: XMLStreamWriter) throws(XMLWriteError) {
        try xml.startElement("data")
        try xml.writeAttribute("key", edgeKey)
        try xml.startElement("y:PolyLineEdge")
        try xml.startElement("y:LineStyle")
        try xml.writeAttribute("color", "#666666")
        try xml.writeAttribute("type", "line")
        try xml.writeAttribute("width", "1.0")
        try xml.endElement()
        try xml.startElement("y:Arrows")
        try xml.writeAttribute("source", "none")
        try xml.writeAttribute("target", "standard")
        try xml.endElement()
        try xml.startElement("y:EdgeLabel")
        for (name, value) in [("alignment", "center"), ("fontFamily", font), ("fontSize", "10"), ("fontStyle", "plain"),
                              ("modelName", "centered"), ("modelPosition", "center"), ("textColor", "#333333"),
                              ("visible", "true")] {
            try xml.writeAttribute(name, value)
        }
        try xml.writeText(edge.label)
        try xml.endElement()
        try xml.startElement("y:BendStyle")
        try xml.writeAttribute("smoothed", "false")
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    /// A coordinate with one decimal, as yEd writes them.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
