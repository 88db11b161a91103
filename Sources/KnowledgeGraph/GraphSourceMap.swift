/// Where each part of a graph came from in its input, so that problems found later (by the
/// validator) can name a file, line and column.
///
/// Readers that know positions fill it in; a graph without one is still valid input to the
/// validator, whose diagnostics then name the node or triple instead.
public struct GraphSourceMap: Sendable {
    /// Where each node is defined (for a dataset: its id).
    public var nodes: [Term: SourceLocation] = [:]
    /// How the input names each node (for a dataset: its id), for messages.
    public var names: [Term: String] = [:]
    /// Where each triple's predicate was written (for a dataset: the property key).
    public var properties: [Triple: SourceLocation] = [:]
    /// Where each triple's object was written (for a dataset: the value).
    public var values: [Triple: SourceLocation] = [:]

    public init() {}

    /// Records where a triple's parts were written; the first position recorded for a triple wins.
    public mutating func record(_ triple: Triple, property: SourceLocation?, value: SourceLocation?) {
        if properties[triple] == nil, let property { properties[triple] = property }
        if values[triple] == nil, let value { values[triple] = value }
    }
}
