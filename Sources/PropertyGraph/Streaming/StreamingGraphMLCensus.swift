import KnowledgeGraph
import RDFFormats

extension StreamingGraphMLWriter {
    /// Pass 1 and the first merge: checks every triple, hands what makes nodes to the sort
    /// (``NodeRecord``s), counts the keys' vocabulary, and plans the document (``Plan``).
    struct Census {
        struct Group {
            var literalGroup: PropertyGraphProjection.LiteralGroup
            var count = 0
            var preferred: AttributeKey.ValueType
            var multiValued = false
            /// The smallest value that does not fit the preferred type, if any.
            var worst: Literal?
        }

        var groups: [Group] = []
        var groupIndex = BytesMap<Int>(limit: Int.max)
        var linkPredicates = BytesMap<Int>(limit: Int.max)
        var linkPredicateList: [[UInt8]] = []
        var typed = false
        var anyIRINode = false
        var typeList = false
        private var lastSubject: [UInt8] = []
        private var lastSubjectKind: UInt8 = 0
        private var scratch: [UInt8] = []
        static let rdfType = Array(Vocabulary.rdfType.value.utf8)

        mutating func add(_ s: RawTerm, _ p: RawTerm, _ o: RawTerm, sorter: ExternalSorter) throws(WriteError) {
            if !(GraphMLConventions.isXMLClean(s.bytes) && GraphMLConventions.isXMLClean(p.bytes)
                 && (o.kind == .blank || GraphMLConventions.isXMLClean(o.bytes))) {
                try GraphMLConventions.checkCharacters(Triple(subject: s.term, predicate: IRI(unchecked: String(decoding: p.bytes, as: UTF8.self)),
                                                                   object: o.term))
            }
            let subjectKind = s.kind == .blank ? NodeRecord.blank : NodeRecord.iri
            if subjectKind == NodeRecord.iri { anyIRINode = true }
            do throws(OutputError) {
                if subjectKind != lastSubjectKind || !bytesEqual(lastSubject, s.bytes) {
                    lastSubject.removeAll(keepingCapacity: true)
                    lastSubject.append(contentsOf: s.bytes)
                    lastSubjectKind = subjectKind
                    try sorter.add { NodeRecord.appendNodeKey(subjectKind, s.bytes, tag: NodeRecord.mention, to: &$0) }
                }
                switch o.kind {
                case .typedLiteral, .languageLiteral:
                    let tagged = o.kind == .languageLiteral
                    if tagged || !o.datatype.isEmpty {
                        try addLiteral(subjectKind, s, p, o, qualifier: tagged ? o.language : o.datatype, sorter: sorter)
                    } else {
                        try Self.xsdString.withUnsafeBufferPointer { (qualifier: UnsafeBufferPointer<UInt8>) throws(OutputError) in
                            try addLiteral(subjectKind, s, p, o, qualifier: qualifier, sorter: sorter)
                        }
                    }
                case .iri where bytesEqual(Self.rdfType, p.bytes):
                    typed = true
                    try sorter.add { output in
                        NodeRecord.appendNodeKey(subjectKind, s.bytes, tag: NodeRecord.type, to: &output)
                        output.append(contentsOf: o.bytes)
                    }
                default:
                    let objectKind = o.kind == .blank ? NodeRecord.blank : NodeRecord.iri
                    if objectKind == NodeRecord.iri { anyIRINode = true }
                    try sorter.add { NodeRecord.appendNodeKey(objectKind, o.bytes, tag: NodeRecord.mention, to: &$0) }
                    if linkPredicates.value(for: p.bytes) == nil {
                        linkPredicates.set(linkPredicateList.count, for: p.bytes)
                        linkPredicateList.append(Array(p.bytes))
                    }
                }
            } catch {
                throw .output(error)
            }
        }

        static let xsdString = Array(Vocabulary.xsdString.value.utf8)

        private mutating func addLiteral(_ subjectKind: UInt8, _ s: RawTerm, _ p: RawTerm, _ o: RawTerm,
                                         qualifier: UnsafeBufferPointer<UInt8>, sorter: ExternalSorter) throws(OutputError) {
            let tagged = o.kind == .languageLiteral
            try noteLiteral(predicate: p.bytes, tagged: tagged, qualifier: qualifier, lexical: o.bytes)
            try sorter.add { output in
                NodeRecord.appendNodeKey(subjectKind, s.bytes, tag: NodeRecord.literal, to: &output)
                NodeRecord.appendLiteral(predicate: p.bytes, tagged: tagged, qualifier: qualifier, lexical: o.bytes, to: &output)
            }
        }

        private mutating func noteLiteral(predicate: UnsafeBufferPointer<UInt8>, tagged: Bool, qualifier: UnsafeBufferPointer<UInt8>,
                                          lexical: UnsafeBufferPointer<UInt8>) throws(OutputError) {
            scratch.removeAll(keepingCapacity: true)
            NodeRecord.appendGroupKey(predicate: predicate, tagged: tagged, qualifier: qualifier, to: &scratch)
            let index: Int = scratch.withUnsafeBufferPointer { key in
                if let known = groupIndex.value(for: key) { return known }
                let iri = IRI(unchecked: String(decoding: predicate, as: UTF8.self))
                let text = String(decoding: qualifier, as: UTF8.self)
                let group = tagged
                    ? PropertyGraphProjection.LiteralGroup(iri, Literal(unchecked: "", datatype: Vocabulary.rdfLangString, language: text))
                    : PropertyGraphProjection.LiteralGroup(iri, datatype: IRI(unchecked: text))
                groups.append(Group(literalGroup: group, preferred: group.datatype.map(LiteralTyping.preferredType) ?? .string))
                groupIndex.set(groups.count - 1, for: key)
                return groups.count - 1
            }
            groups[index].count += 1
            let preferred = groups[index].preferred
            if preferred != .string {
                let literal = Literal(unchecked: String(decoding: lexical, as: UTF8.self),
                                      datatype: IRI(unchecked: String(decoding: qualifier, as: UTF8.self)), language: nil)
                if LiteralTyping.text(of: literal, as: preferred) == nil, groups[index].worst.map({ literal < $0 }) ?? true {
                    groups[index].worst = literal
                }
            }
        }

        // MARK: - First merge

        private var currentNode: [UInt8] = []
        private var currentKind: UInt8 = 0
        private var typesOfNode = 0
        private var groupsOfNode: [Int] = []

        /// Notes, node by node, which groups have several values on one node and whether one has several types.
        mutating func noteForLists(_ record: UnsafeBufferPointer<UInt8>) {
            let parts = NodeRecord.split(record)
            if parts.kind != currentKind || !bytesEqual(currentNode, parts.node) {
                finishNode()
                currentKind = parts.kind
                currentNode.removeAll(keepingCapacity: true)
                currentNode.append(contentsOf: parts.node)
            }
            switch parts.tag {
            case NodeRecord.type:
                typesOfNode += 1
            case NodeRecord.literal:
                let literal = NodeRecord.literal(parts.payload)
                scratch.removeAll(keepingCapacity: true)
                NodeRecord.appendGroupKey(predicate: literal.predicate, tagged: literal.tagged, qualifier: literal.qualifier, to: &scratch)
                if let group = scratch.withUnsafeBufferPointer({ groupIndex.value(for: $0) }) { groupsOfNode.append(group) }
            default:
                break
            }
        }

        mutating func finishNode() {
            if typesOfNode > 1 { typeList = true }
            if groupsOfNode.count > 1 {
                groupsOfNode.sort()
                for index in 1..<groupsOfNode.count where groupsOfNode[index] == groupsOfNode[index - 1] {
                    groups[groupsOfNode[index]].multiValued = true
                }
            }
            typesOfNode = 0
            groupsOfNode.removeAll(keepingCapacity: true)
        }

        /// The keys, in the projection's order and with its names, and what writing needs.
        func plan(projection: PropertyGraphProjection, prefixes: PrefixMap) throws -> Plan {
            let order = groups.indices.sorted { groups[$0].literalGroup < groups[$1].literalGroup }
            let sortedGroups = order.map { groups[$0].literalGroup }
            var counts: [PropertyGraphProjection.LiteralGroup: Int] = [:]
            for group in groups { counts[group.literalGroup] = group.count }
            let naming = projection.attributeNaming(groups: sortedGroups, counts: counts, prefixes: prefixes)
            var notes: [Diagnostic] = []
            var types: [PropertyGraphProjection.LiteralGroup: AttributeKey.ValueType] = [:]
            for (position, index) in order.enumerated() {
                let group = groups[index]
                if let worst = group.worst {
                    notes.append(Diagnostic(
                        .warning, code: "attribute-as-text",
                        message: "the value \"\(worst.lexicalForm)\" does not fit GraphML's \(group.preferred.rawValue) type unchanged, "
                            + "so the attribute '\(naming.names[position])' is written as text",
                        subject: "property <\(group.literalGroup.predicate.value)>"))
                    types[group.literalGroup] = .string
                } else {
                    types[group.literalGroup] = group.preferred
                }
            }
            let attributes = projection.attributeKeys(groups: sortedGroups, naming: naming,
                                                      multiValued: Set(groups.filter(\.multiValued).map(\.literalGroup)),
                                                      types: types, prefixes: prefixes)
            let reserved = GraphMLConventions.reservedNodeKeys(anyIRINode: anyIRINode, typed: typed, typeList: typeList)
            let attributeOfGroup = SharedBytesMap<Int>()
            var position: [PropertyGraphProjection.LiteralGroup: Int] = [:]
            for (index, attribute) in attributes.enumerated() { position[attribute.group] = index }
            var key: [UInt8] = []
            for group in groups {
                key.removeAll(keepingCapacity: true)
                let group = group.literalGroup
                let qualifier = Array((group.language ?? group.datatype?.value ?? "").utf8)
                qualifier.withUnsafeBufferPointer { qualifier in
                    Array(group.predicate.value.utf8).withUnsafeBufferPointer { predicate in
                        NodeRecord.appendGroupKey(predicate: predicate, tagged: group.language != nil, qualifier: qualifier, to: &key)
                    }
                }
                key.withUnsafeBufferPointer { attributeOfGroup.map.set(position[group] ?? 0, for: $0) }
            }
            let edgeLabels = SharedBytesMap<[UInt8]>()
            var edgeKeys: [AttributeKey] = []
            if !linkPredicateList.isEmpty {
                let predicates = linkPredicateList.map { IRI(unchecked: String(decoding: $0, as: UTF8.self)) }
                let labels = PropertyGraphProjection.edgeLabels(for: predicates, prefixes: prefixes)
                for (bytes, iri) in zip(linkPredicateList, predicates) {
                    bytes.withUnsafeBufferPointer { edgeLabels.map.set(Array((labels[iri] ?? "").utf8), for: $0) }
                }
                edgeKeys = GraphMLConventions.edgeKeys
            }
            return Plan(keys: reserved + attributes.map(\.key) + edgeKeys, notes: notes, reserved: reserved.map(\.id),
                              attributeOfGroup: attributeOfGroup, literalKeys: attributes.map(\.key), typeList: typeList,
                              edgeLabels: edgeLabels)
        }
    }
}
