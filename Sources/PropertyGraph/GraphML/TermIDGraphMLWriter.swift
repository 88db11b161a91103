import KnowledgeGraph
import RDFFormats
import XMLSupport

/// Plain GraphML written straight from a graph's term ids: the same bytes as projecting the
/// graph (``PropertyGraphProjection``) and writing the result (``GraphMLWriter``), without a
/// `String`, a `Term` or a node object per node, edge or value.
///
/// It covers the common case — no ontology, no character XML forbids, every value fitting its
/// GraphML type — and says so by returning nil from ``plan(_:projection:)``, before anything is
/// written; the caller then takes the general path, which produces the refusal or the notes.
/// The small decisions (key names and types, edge labels, node ids when local names clash)
/// are made by the projection's own code on the few distinct items; only the per-node and
/// per-edge work is done here, on ids and bytes. `GraphMLFixtureTests` and
/// `TermIDGraphMLWriterTests` hold it to the general path's output.
struct TermIDGraphMLWriter {
    /// What a node carries besides its literals: ids of its types, in IRI order.
    private struct TypeSet: Hashable {
        var types: [TermID]
    }

    /// One attribute key made from literals.
    private struct Attribute {
        var group: PropertyGraphProjection.LiteralGroup
        var key: AttributeKey
    }

    let terms: TermStore
    let table: TripleTable
    /// Node term ids in the projection's order (IRIs by bytes, then blank nodes by label).
    private var nodes: [TermID] = []
    /// Position of each node by term index, -1 for terms that are not nodes.
    private var rank: [Int32] = []
    /// Node ids, one after the other; node `k` is `idBytes[idStarts[k]..<idStarts[k + 1]]`.
    private var idBytes: [UInt8] = []
    private var idStarts: [Int] = [0]
    /// Each node's type set (index into `typeTexts`), or -1.
    private var nodeTypeSet: [Int32] = []
    private var typeTexts: [GraphMLConventions.TypeTexts] = []
    /// The triples with a literal object, in insertion order.
    private var literalTriples: [UInt32] = []
    /// Positions in `literalTriples` grouped by node: node `k`'s are
    /// `literalOrder[literalStarts[k]..<literalStarts[k + 1]]`.
    private var literalOrder: [UInt32] = []
    private var literalStarts: [Int] = []
    /// Attribute group of each literal triple, by position in `literalTriples`.
    private var groupOfTriple: [Int32] = []
    /// Attribute (position in the sorted key list) of each group.
    private var attributeOfGroup: [Int] = []
    private var attributes: [Attribute] = []
    private var reservedKeys: [AttributeKey] = []
    /// Edge triples in the projection's order, and each link predicate's label.
    private var links: [UInt32] = []
    /// Node positions of each edge's source and target.
    private var linkSources: [Int32] = []
    private var linkTargets: [Int32] = []
    /// Each edge's predicate rank, and each rank's label.
    private var linkPredicates: [Int32] = []
    private var edgeLabelTexts: [[UInt8]] = []

    /// Plans the document, or returns nil when the graph needs the general path.
    static func plan(_ graph: Graph, projection: PropertyGraphProjection) -> TermIDGraphMLWriter? {
        guard projection.schema == nil else { return nil }
        var plan = TermIDGraphMLWriter(terms: graph.termStore, table: graph.tripleTable)
        guard plan.gather(graph, prefixes: projection.prefixes(for: graph), projection: projection) else { return nil }
        return plan
    }

    private init(terms: TermStore, table: TripleTable) {
        self.terms = terms
        self.table = table
    }

    // MARK: - Planning

    private mutating func gather(_ graph: Graph, prefixes: PrefixMap, projection: PropertyGraphProjection) -> Bool {
        let count = table.count
        let rdfType = terms.find(.iri, Vocabulary.rdfType.value)
        var isNode = [Bool](repeating: false, count: terms.count)
        var clean = [UInt8](repeating: 0, count: terms.count)  // 0 unknown, 1 clean, 2 not
        var typePairs: [(subject: TermID, type: TermID)] = []
        var literalTriples: [UInt32] = []
        var linkTriples: [UInt32] = []
        var iris: [TermID] = [], blanks: [TermID] = []
        func addNode(_ id: TermID) {
            guard !isNode[TermStore.index(id)] else { return }
            isNode[TermStore.index(id)] = true
            if terms.kind(id) == .blank { blanks.append(id) } else { iris.append(id) }
        }
        let flat = table.flatIDs
        for index in 0..<count {
            let s = flat[3 * index], p = flat[3 * index + 1], o = flat[3 * index + 2]
            for part in 0..<3 {
                let id = flat[3 * index + part]
                let slot = TermStore.index(id)
                if clean[slot] == 0 { clean[slot] = terms.kind(id) == .blank || GraphMLConventions.isXMLClean(terms.bytes(id)) ? 1 : 2 }
                if clean[slot] == 2 { return false }
            }
            addNode(s)
            switch terms.kind(o) {
            case .typedLiteral, .languageLiteral:
                literalTriples.append(UInt32(index))
            case .iri where p == rdfType:
                typePairs.append((s, o))
            default:
                addNode(o)
                linkTriples.append(UInt32(index))
            }
        }
        isNode = []
        clean = []

        // Nodes: IRIs by bytes, then blank nodes by label.
        nodes = TermSorting.sortedPositions(iris, in: terms).map { iris[$0] }
            + TermSorting.sortedPositions(blanks, in: terms).map { blanks[$0] }
        rank = [Int32](repeating: -1, count: terms.count)
        for (position, id) in nodes.enumerated() { rank[TermStore.index(id)] = Int32(position) }
        assignNodeIDs(blankCount: blanks.count, prefixes: prefixes)

        guard gatherTypes(typePairs) else { return false }
        guard gatherLiterals(literalTriples, prefixes: prefixes, projection: projection) else { return false }
        reservedKeys = GraphMLConventions.reservedNodeKeys(anyIRINode: !iris.isEmpty, typed: !typePairs.isEmpty, typeList: typeListKey)
        gatherLinks(linkTriples, prefixes: prefixes)
        return true
    }

    /// Node ids: each IRI's local name as a token when all of them differ (the projection's
    /// first choice, which every node then gets); otherwise the projection's own naming.
    private mutating func assignNodeIDs(blankCount: Int, prefixes: PrefixMap) {
        var distinct = true
        idBytes.reserveCapacity(nodes.count * 8)
        idStarts.reserveCapacity(nodes.count + 1)
        // An open-addressing set of node positions, keyed by their ids' bytes.
        var mask = 1
        while mask < nodes.count * 2 { mask <<= 1 }
        mask -= 1
        var slots = [Int32](repeating: -1, count: mask + 1)
        var blankNumber = 0
        for id in nodes {
            let start = idBytes.count
            if terms.kind(id) == .blank {
                blankNumber += 1
                idBytes.append(contentsOf: Array("_:b\(blankNumber)".utf8))
            } else if !Self.appendLocalToken(terms.bytes(id), to: &idBytes) {
                distinct = false
                break
            }
            idStarts.append(idBytes.count)
            let node = idStarts.count - 2
            let clash: Bool = idBytes.withUnsafeBufferPointer { bytes in
                let candidate = UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])
                var position = Int(truncatingIfNeeded: FastHash.hash(UnsafeRawBufferPointer(candidate), seed: 7)) & mask
                while slots[position] >= 0 {
                    let other = Int(slots[position])
                    if bytesEqual(UnsafeBufferPointer(rebasing: bytes[idStarts[other]..<idStarts[other + 1]]), candidate) { return true }
                    position = (position + 1) & mask
                }
                slots[position] = Int32(node)
                return false
            }
            if clash {
                distinct = false
                break
            }
        }
        guard !distinct else { return }
        // Clashes (or non-ASCII names, which compare as Swift strings): the projection decides.
        let named = PropertyGraphProjection.nodeIDs(for: nodes.map(terms.term), prefixes: prefixes)
        idBytes = []
        idStarts = [0]
        for id in nodes {
            idBytes.append(contentsOf: Array((named[terms.term(id)] ?? "").utf8))
            idStarts.append(idBytes.count)
        }
    }

    /// Appends ``Naming/localToken(of:)`` of an ASCII IRI; false for non-ASCII IRIs.
    private static func appendLocalToken(_ iri: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        var lastHash = -1, lastSlash = -1, lastColon = -1
        for (index, byte) in iri.enumerated() {
            if byte >= 0x80 { return false }
            if byte == UInt8(ascii: "#") { lastHash = index } else if byte == UInt8(ascii: "/") { lastSlash = index } else if byte == UInt8(ascii: ":") { lastColon = index }
        }
        let cut = lastHash >= 0 ? lastHash : lastSlash >= 0 ? lastSlash : lastColon
        var start = cut + 1
        if start >= iri.count { start = 0 }
        for byte in iri[start...] {
            output.append(isASCIINameChar(byte) ? byte : UInt8(ascii: "_"))
        }
        return true
    }

    @inline(__always)
    private static func isASCIINameChar(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x5F || byte == 0x2D || byte == 0x2E
    }

    private var typeListKey = false

    /// Each typed node's labels, vertex label and types, computed once per distinct set of types.
    private mutating func gatherTypes(_ pairs: [(subject: TermID, type: TermID)]) -> Bool {
        nodeTypeSet = [Int32](repeating: -1, count: nodes.count)
        guard !pairs.isEmpty else { return true }
        var byNode: [[TermID]] = Array(repeating: [], count: 0)
        var slotOfNode: [Int32] = [Int32](repeating: -1, count: nodes.count)
        for pair in pairs {
            let node = Int(rank[TermStore.index(pair.subject)])
            if slotOfNode[node] < 0 {
                slotOfNode[node] = Int32(byNode.count)
                byNode.append([])
            }
            byNode[Int(slotOfNode[node])].append(pair.type)
        }
        var setIndex: [TypeSet: Int32] = [:]
        var sets: [[TermID]] = []
        for node in 0..<nodes.count where slotOfNode[node] >= 0 {
            var types = byNode[Int(slotOfNode[node])]
            if types.count > 1 {
                typeListKey = true
                types.sort { TermSorting.compare(terms.bytes($0), terms.bytes($1)) < 0 }
            }
            let key = TypeSet(types: types)
            if let known = setIndex[key] {
                nodeTypeSet[node] = known
            } else {
                setIndex[key] = Int32(sets.count)
                nodeTypeSet[node] = Int32(sets.count)
                sets.append(types)
            }
        }
        typeTexts = sets.map { GraphMLConventions.typeTexts(of: $0.map(terms.iri), typeList: typeListKey) }
        return true
    }

    /// The attribute keys of the literals, and each node's literals grouped by key.
    private mutating func gatherLiterals(_ literalTriples: [UInt32], prefixes: PrefixMap, projection: PropertyGraphProjection) -> Bool {
        // Group of each literal triple: (predicate, lowercased language) or (predicate, datatype).
        var groupIndex: [UInt64: Int32] = [:]
        // The last groups looked up, by a hash of their key (consecutive literals repeat groups).
        var recent = [(key: UInt64, group: Int32)](repeating: (UInt64.max, 0), count: 64)
        var lowered: [TermID: TermID] = [:]  // language tag id -> id of its lowercase form's first tag
        var loweredText: [[UInt8]: TermID] = [:]
        var groups: [PropertyGraphProjection.LiteralGroup] = []
        var counts: [Int] = []
        self.literalTriples = literalTriples
        groupOfTriple = [Int32](repeating: -1, count: literalTriples.count)
        for (position, index) in literalTriples.enumerated() {
            let p = table.predicate(Int(index)), o = table.object(Int(index))
            var extra = terms.extra(o)
            let isTagged = terms.kind(o) == .languageLiteral
            if isTagged {
                if let known = lowered[extra] {
                    extra = known
                } else {
                    let text = Array(terms.string(extra).lowercased().utf8)
                    let canonical = loweredText[text] ?? extra
                    loweredText[text] = canonical
                    lowered[extra] = canonical
                    extra = canonical
                }
            }
            let key = UInt64(p) << 32 | UInt64(extra)
            let group: Int32
            let cacheSlot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 58)
            if recent[cacheSlot].key == key {
                group = recent[cacheSlot].group
            } else if let known = groupIndex[key] {
                group = known
                recent[cacheSlot] = (key, known)
            } else {
                group = Int32(groups.count)
                groupIndex[key] = group
                let predicate = terms.iri(p)
                groups.append(isTagged
                    ? PropertyGraphProjection.LiteralGroup(predicate, terms.term(o).literal ?? Literal(""))
                    : PropertyGraphProjection.LiteralGroup(predicate, datatype: terms.iri(extra)))
                counts.append(0)
            }
            groupOfTriple[position] = group
            counts[Int(group)] += 1
        }

        // Literals by node (counting sort on the node's position).
        literalStarts = [Int](repeating: 0, count: nodes.count + 1)
        for index in literalTriples { literalStarts[Int(rank[TermStore.index(table.subject(Int(index)))]) + 1] += 1 }
        for node in 0..<nodes.count { literalStarts[node + 1] += literalStarts[node] }
        var next = literalStarts
        literalOrder = [UInt32](repeating: 0, count: literalTriples.count)
        for (position, index) in literalTriples.enumerated() {
            let node = Int(rank[TermStore.index(table.subject(Int(index)))])
            literalOrder[next[node]] = UInt32(position)
            next[node] += 1
        }

        // Which groups some node has several values of.
        var multiValued = [Bool](repeating: false, count: groups.count)
        for node in 0..<nodes.count {
            let start = literalStarts[node], end = literalStarts[node + 1]
            guard end - start > 1 else { continue }
            for i in start..<end {
                let group = groupOfTriple[Int(literalOrder[i])]
                for j in (i + 1)..<end where groupOfTriple[Int(literalOrder[j])] == group { multiValued[Int(group)] = true }
            }
        }

        // Types: a value that does not fit its GraphML type makes a note: the general path's job.
        var preferred: [AttributeKey.ValueType] = groups.map { $0.datatype.map(LiteralTyping.preferredType) ?? .string }
        for (position, index) in literalTriples.enumerated() {
            let group = Int(groupOfTriple[position])
            guard preferred[group] != .string else { continue }
            guard let literal = terms.term(table.object(Int(index))).literal,
                  LiteralTyping.text(of: literal, as: preferred[group]) != nil else { return false }
        }

        // Names, ids and order of the keys: the projection's rules, on the few groups.
        let order = groups.indices.sorted { groups[$0] < groups[$1] }
        let sortedGroups = order.map { groups[$0] }
        var sortedCounts: [PropertyGraphProjection.LiteralGroup: Int] = [:]
        for (index, group) in groups.enumerated() { sortedCounts[group] = counts[index] }
        let naming = projection.attributeNaming(groups: sortedGroups, counts: sortedCounts, prefixes: prefixes)
        let keys = projection.attributeKeys(groups: sortedGroups, naming: naming,
                                            multiValued: Set(order.filter { multiValued[$0] }.map { groups[$0] }),
                                            types: Dictionary(uniqueKeysWithValues: groups.indices.map { (groups[$0], preferred[$0]) }),
                                            prefixes: prefixes)
        attributes = keys.map { Attribute(group: $0.group, key: $0.key) }
        var position: [PropertyGraphProjection.LiteralGroup: Int] = [:]
        for (index, attribute) in attributes.enumerated() { position[attribute.group] = index }
        attributeOfGroup = groups.map { position[$0] ?? 0 }
        preferred = []
        return true
    }

    /// Edges in the projection's order: by subject, predicate and object position.
    private mutating func gatherLinks(_ linkTriples: [UInt32], prefixes: PrefixMap) {
        guard !linkTriples.isEmpty else { return }
        var predicates: [TermID] = []
        var seen: Set<TermID> = []
        for index in linkTriples where seen.insert(table.predicate(Int(index))).inserted { predicates.append(table.predicate(Int(index))) }
        let sortedPredicates = TermSorting.sortedPositions(predicates, in: terms).map { predicates[$0] }
        var predicateRank: [TermID: Int32] = [:]
        for (position, id) in sortedPredicates.enumerated() { predicateRank[id] = Int32(position) }
        // Rank of each link's predicate, by triple index, so sorting and writing look up no dictionary.
        var rankOfLink = [Int32](repeating: 0, count: linkTriples.count)
        var lastPredicate: TermID?, lastRank: Int32 = 0
        for (position, index) in linkTriples.enumerated() {
            let p = table.predicate(Int(index))
            if p != lastPredicate {
                lastPredicate = p
                lastRank = predicateRank[p] ?? 0
            }
            rankOfLink[position] = lastRank
        }
        let labels = PropertyGraphProjection.edgeLabels(for: sortedPredicates.map(terms.iri), prefixes: prefixes)
        edgeLabelTexts = sortedPredicates.map { Array((labels[terms.iri($0)] ?? "").utf8) }

        var starts = [Int](repeating: 0, count: nodes.count + 1)
        for index in linkTriples { starts[Int(rank[TermStore.index(table.subject(Int(index)))]) + 1] += 1 }
        for node in 0..<nodes.count { starts[node + 1] += starts[node] }
        var next = starts
        var order = [UInt32](repeating: 0, count: linkTriples.count)
        for (position, index) in linkTriples.enumerated() {
            let node = Int(rank[TermStore.index(table.subject(Int(index)))])
            order[next[node]] = UInt32(position)
            next[node] += 1
        }
        let table = self.table, rank = self.rank
        let targets = linkTriples.map { rank[TermStore.index(table.object(Int($0)))] }
        order.withUnsafeMutableBufferPointer { buffer in
            for node in 0..<nodes.count where starts[node + 1] - starts[node] > 1 {
                var slice = UnsafeMutableBufferPointer(rebasing: buffer[starts[node]..<starts[node + 1]])
                slice.sort { a, b in
                    let pa = rankOfLink[Int(a)], pb = rankOfLink[Int(b)]
                    if pa != pb { return pa < pb }
                    return targets[Int(a)] < targets[Int(b)]
                }
            }
        }
        links = order.map { linkTriples[Int($0)] }
        linkSources = [Int32](repeating: 0, count: order.count)
        for node in 0..<nodes.count where starts[node + 1] > starts[node] {
            for position in starts[node]..<starts[node + 1] { linkSources[position] = Int32(node) }
        }
        linkPredicates = order.map { rankOfLink[Int($0)] }
        linkTargets = order.map { targets[Int($0)] }
    }

    // MARK: - Writing

    private typealias Names = GraphMLConventions.Names

    /// Writes the document, as ``GraphMLWriter`` writes the projected graph.
    func write(to sink: some ByteSink) throws {
        let xml = try XMLStreamWriter(indent: true)
        let edgeKeys = links.isEmpty ? [] : GraphMLConventions.edgeKeys
        try GraphMLWriter.startDocument(keys: reservedKeys + attributes.map(\.key) + edgeKeys, xml)
        try xml.drain(into: sink)
        try writeNodes(xml, sink)
        try writeEdges(xml, sink)
        try xml.endDocument()
        try xml.drain(into: sink)
    }

    private func writeNodes(_ xml: XMLStreamWriter, _ sink: some ByteSink) throws {
        let attributeKeyIDs = attributes.map { Array($0.key.id.utf8) }
        let reservedIDs = reservedKeys.map(\.id)
        let reservedCount = reservedIDs.count
        let isList = attributes.map(\.key.isList), keyTypes = attributes.map(\.key.type)
        let nodes = self.nodes, nodeTypeSet = self.nodeTypeSet, typeTexts = self.typeTexts
        let literalOrder = self.literalOrder, literalStarts = self.literalStarts, idStarts = self.idStarts
        let literalTriples = self.literalTriples
        let terms = self.terms, table = self.table
        var scratch: [UInt8] = []
        var values: [UInt32] = []
        // The reserved keys other than `iri` depend only on the node's type set: laid out once
        // per type set, as the children before `iri` and those after it.
        let iriIndex = reservedIDs.firstIndex(of: GraphMLConventions.KeyID.iri)
        var typeChildren: [(beforeIRI: PreparedRecordChildren, afterIRI: PreparedRecordChildren)?] =
            Array(repeating: nil, count: typeTexts.count)
        try idBytes.withUnsafeBufferPointer { ids in
            for node in 0..<nodes.count {
                let id = nodes[node]
                let typeSet = Int(nodeTypeSet[node])
                if typeSet >= 0 && typeChildren[typeSet] == nil {
                    let texts = typeTexts[typeSet], split = iriIndex ?? reservedCount
                    let before = reservedIDs[0..<split], after = reservedIDs[min(split + 1, reservedCount)..<reservedCount]
                    typeChildren[typeSet] = (
                        try xml.prepareRecordChildren { xml throws(XMLWriteError) in
                            try GraphMLConventions.recordReservedData(before, types: texts, iri: nil, xml)
                        },
                        try xml.prepareRecordChildren { xml throws(XMLWriteError) in
                            try GraphMLConventions.recordReservedData(after, types: texts, iri: nil, xml)
                        })
                }
                xml.beginRecord(Names.node)
                try xml.recordAttribute(Names.id, utf8: UnsafeBufferPointer(rebasing: ids[idStarts[node]..<idStarts[node + 1]]))
                let prepared = typeSet >= 0 ? typeChildren[typeSet] : nil
                if let prepared { try xml.recordChildren(prepared.beforeIRI) }
                if iriIndex != nil, terms.kind(id) != .blank {
                    try GraphMLConventions.recordData(GraphMLConventions.KeyBytes.iri, terms.bytes(id), xml)
                }
                if let prepared { try xml.recordChildren(prepared.afterIRI) }
                // Literals, key by key (keys in name order), each key's values sorted.
                values.removeAll(keepingCapacity: true)
                values.append(contentsOf: literalOrder[literalStarts[node]..<literalStarts[node + 1]])
                if values.count > 1 { sortLiterals(&values) }
                var position = 0
                while position < values.count {
                    let attribute = attributeOfGroup[Int(groupOfTriple[Int(values[position])])]
                    var end = position + 1
                    while end < values.count && attributeOfGroup[Int(groupOfTriple[Int(values[end])])] == attribute { end += 1 }
                    let key = attributeKeyIDs[attribute]
                    if isList[attribute] {
                        scratch.removeAll(keepingCapacity: true)
                        scratch.append(UInt8(ascii: "["))
                        for index in position..<end {
                            if index > position { scratch.append(UInt8(ascii: ",")) }
                            GraphMLConventions.appendJSONString(terms.bytes(table.object(Int(literalTriples[Int(values[index])]))), to: &scratch)
                        }
                        scratch.append(UInt8(ascii: "]"))
                        try GraphMLConventions.recordData(key, scratch, xml)
                    } else if keyTypes[attribute] == .string {
                        try GraphMLConventions.recordData(key, terms.bytes(table.object(Int(literalTriples[Int(values[position])]))), xml)
                    } else {
                        let literal = terms.term(table.object(Int(literalTriples[Int(values[position])]))).literal ?? Literal("")
                        let text = LiteralTyping.text(of: literal, as: keyTypes[attribute]) ?? literal.lexicalForm
                        try GraphMLConventions.recordData(key, Array(text.utf8), xml)
                    }
                    position = end
                }
                try xml.endRecord(Names.node)
                if xml.shouldDrain(threshold: GraphMLConventions.drainThreshold) { try xml.drain(into: sink) }
            }
        }
    }

    /// One node's literal triples: by key (name order), then in the literal order of
    /// ``GraphMLConventions/literalPrecedes(_:_:)``. Insertion sort: a node has a few.
    private func sortLiterals(_ values: inout [UInt32]) {
        let terms = self.terms, table = self.table, literalTriples = self.literalTriples
        func parts(_ literal: TermID) -> GraphMLConventions.LiteralBytes {
            GraphMLConventions.LiteralBytes(lexical: terms.bytes(literal), qualifier: terms.bytes(terms.extra(literal)),
                                            tagged: terms.kind(literal) == .languageLiteral)
        }
        func less(_ a: UInt32, _ b: UInt32) -> Bool {
            let ka = attributeOfGroup[Int(groupOfTriple[Int(a)])], kb = attributeOfGroup[Int(groupOfTriple[Int(b)])]
            if ka != kb { return ka < kb }
            let oa = table.object(Int(literalTriples[Int(a)])), ob = table.object(Int(literalTriples[Int(b)]))
            return GraphMLConventions.literalPrecedes(parts(oa), parts(ob))
        }
        values.withUnsafeMutableBufferPointer { $0.insertionSort(by: less) }
    }

    private func writeEdges(_ xml: XMLStreamWriter, _ sink: some ByteSink) throws {
        guard !links.isEmpty else { return }
        let links = self.links, linkSources = self.linkSources, linkTargets = self.linkTargets, idStarts = self.idStarts
        let terms = self.terms, table = self.table, edgeLabelTexts = self.edgeLabelTexts, linkPredicates = self.linkPredicates
        // An edge's children depend only on its predicate: laid out once per predicate.
        var children: [PreparedRecordChildren?] = Array(repeating: nil, count: edgeLabelTexts.count)
        var edgeID = [UInt8](repeating: 0, count: 24)
        // Targets are all over the node table (sources come in order): their ids are copied a
        // batch at a time in a short loop, whose cache misses overlap, instead of one miss per
        // edge in the long loop that builds the records.
        let batchSize = 512
        var targetBytes: [UInt8] = []
        targetBytes.reserveCapacity(batchSize * 16)
        var targetEnds = [Int](repeating: 0, count: batchSize)
        try idBytes.withUnsafeBufferPointer { ids in
            for batchStart in stride(from: 0, to: links.count, by: batchSize) {
                let batchEnd = min(batchStart + batchSize, links.count)
                targetBytes.removeAll(keepingCapacity: true)
                for position in batchStart..<batchEnd {
                    let target = Int(linkTargets[position])
                    targetBytes.append(contentsOf: UnsafeBufferPointer(rebasing: ids[idStarts[target]..<idStarts[target + 1]]))
                    targetEnds[position - batchStart] = targetBytes.count
                }
                try targetBytes.withUnsafeBufferPointer { targets in
                    for position in batchStart..<batchEnd {
                        xml.beginRecord(Names.edge)
                        let digits = Self.writeEdgeID(position + 1, into: &edgeID)
                        try edgeID.withUnsafeBufferPointer { try xml.recordAttribute(Names.id, utf8: UnsafeBufferPointer(rebasing: $0[0..<digits])) }
                        let source = Int(linkSources[position])
                        try xml.recordAttribute(Names.source, utf8: UnsafeBufferPointer(rebasing: ids[idStarts[source]..<idStarts[source + 1]]))
                        let slot = position - batchStart
                        let targetStart = slot == 0 ? 0 : targetEnds[slot - 1]
                        try xml.recordAttribute(Names.target, utf8: UnsafeBufferPointer(rebasing: targets[targetStart..<targetEnds[slot]]))
                        let rank = Int(linkPredicates[position])
                        if children[rank] == nil {
                            let text = edgeLabelTexts[rank], iri = terms.bytes(table.predicate(Int(links[position])))
                            children[rank] = try xml.prepareRecordChildren { xml throws(XMLWriteError) in
                                try GraphMLConventions.recordEdgeData(label: text, predicate: iri, xml)
                            }
                        }
                        if let prepared = children[rank] { try xml.recordChildren(prepared) }
                        try xml.endRecord(Names.edge)
                        if xml.shouldDrain(threshold: GraphMLConventions.drainThreshold) { try xml.drain(into: sink) }
                    }
                }
            }
        }
    }

    /// `e` and the decimal number, into `buffer`; returns the length.
    private static func writeEdgeID(_ number: Int, into buffer: inout [UInt8]) -> Int {
        var digits = 0
        var rest = number
        repeat {
            digits += 1
            rest /= 10
        } while rest > 0
        buffer[0] = UInt8(ascii: "e")
        rest = number
        for index in stride(from: digits, through: 1, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return digits + 1
    }
}
