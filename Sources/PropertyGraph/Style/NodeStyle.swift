/// How diagrams draw the nodes of one ``NodeCategory``: the same colours in yEd and Graphviz.
///
/// The palette is fixed (it never depends on the data), so a person is orange in every export.
/// The fills are ColorBrewer's qualitative "Set3" colours (time: "Pastel2"), light enough for
/// black text and distinguishable from each other; the shapes repeat the distinction for readers
/// who do not see colours well. External links are white with a dashed border and grey text.
///
/// | category | fill | yEd shape | Graphviz shape |
/// |---|---|---|---|
/// | claim / quotation | `#FFFFB3` yellow | parallelogram | box with cut corners |
/// | event | `#FB8072` red | rectangle | box |
/// | tenure | `#D9D9D9` grey | round rectangle, dashed | rounded box, dashed |
/// | post | `#BEBADA` lavender | octagon | octagon |
/// | article | `#8DD3C7` teal | rectangle | note |
/// | person | `#FDB462` orange | ellipse | ellipse |
/// | state | `#80B1D3` blue | hexagon | hexagon |
/// | organisation | `#B3DE69` green | round rectangle | rounded box |
/// | place | `#CCEBC5` pale green | trapezoid | house |
/// | equipment | `#FCCDE5` pink | diamond | diamond |
/// | time | `#F1E2CC` tan | round rectangle | rounded box |
/// | concept | `#FFED6F` gold | ellipse, dashed | ellipse, dashed |
/// | external link | `#FFFFFF` white | rectangle, dashed | box, dashed |
/// | other | `#F7F7F7` near white | rectangle | box |
public struct NodeStyle: Hashable, Sendable {
    /// The fill colour, `#RRGGBB`.
    public let fill: String
    /// The border colour, `#RRGGBB` (a darker shade of the fill).
    public let border: String
    /// The yEd `y:Shape` type.
    public let yEdShape: String
    /// The Graphviz `shape`.
    public let dotShape: String
    /// Extra Graphviz `style` words besides `filled` (e.g. `rounded`).
    public let dotStyle: String?
    /// The yEd border line type: `line`, `dashed` or `dotted`.
    public let yEdBorderType: String
    /// The text colour, `#RRGGBB`.
    public let textColor: String

    public init(fill: String, border: String, yEdShape: String, dotShape: String, dotStyle: String? = nil,
                yEdBorderType: String = "line", textColor: String = "#000000") {
        self.fill = fill
        self.border = border
        self.yEdShape = yEdShape
        self.dotShape = dotShape
        self.dotStyle = dotStyle
        self.yEdBorderType = yEdBorderType
        self.textColor = textColor
    }

    /// The fixed palette, one entry per category.
    public static let palette: [NodeCategory: NodeStyle] = [
        .person: NodeStyle(fill: "#FDB462", border: "#B3741F", yEdShape: "ellipse", dotShape: "ellipse"),
        .state: NodeStyle(fill: "#80B1D3", border: "#3D6F91", yEdShape: "hexagon", dotShape: "hexagon"),
        .organisation: NodeStyle(fill: "#B3DE69", border: "#6B9A25", yEdShape: "roundrectangle", dotShape: "box",
                                 dotStyle: "rounded"),
        .post: NodeStyle(fill: "#BEBADA", border: "#6F6A9A", yEdShape: "octagon", dotShape: "octagon"),
        .tenure: NodeStyle(fill: "#D9D9D9", border: "#8C8C8C", yEdShape: "roundrectangle", dotShape: "box",
                           dotStyle: "rounded,dashed", yEdBorderType: "dashed"),
        .event: NodeStyle(fill: "#FB8072", border: "#B0392C", yEdShape: "rectangle", dotShape: "box"),
        .claim: NodeStyle(fill: "#FFFFB3", border: "#A8A84A", yEdShape: "parallelogram", dotShape: "box",
                          dotStyle: "diagonals"),
        .article: NodeStyle(fill: "#8DD3C7", border: "#3F8F82", yEdShape: "rectangle", dotShape: "note"),
        .place: NodeStyle(fill: "#CCEBC5", border: "#6E9E63", yEdShape: "trapezoid", dotShape: "house"),
        .equipment: NodeStyle(fill: "#FCCDE5", border: "#B0668C", yEdShape: "diamond", dotShape: "diamond"),
        .time: NodeStyle(fill: "#F1E2CC", border: "#A68A5B", yEdShape: "roundrectangle", dotShape: "box",
                         dotStyle: "rounded"),
        .concept: NodeStyle(fill: "#FFED6F", border: "#B3A21A", yEdShape: "ellipse", dotShape: "ellipse",
                            dotStyle: "dashed", yEdBorderType: "dashed"),
        .reference: NodeStyle(fill: "#FFFFFF", border: "#AAAAAA", yEdShape: "rectangle", dotShape: "box",
                              dotStyle: "dashed", yEdBorderType: "dashed", textColor: "#666666"),
        .other: fallback,
    ]

    /// Nodes of no known category: white boxes.
    public static let fallback = NodeStyle(fill: "#F7F7F7", border: "#999999", yEdShape: "rectangle", dotShape: "box")
}
