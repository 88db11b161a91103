#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KnowledgeGraph

/// The writers' canonical order computed on term ids: the same order as
/// ``CanonicalOrder/descriptions(_:)`` on the graph with its blank nodes relabelled
/// (``BlankNodeRelabeling``), without building a `Triple` or a `String` per triple.
///
/// Subjects are sorted once (IRIs by their UTF-8 bytes, then blank nodes by their canonical
/// number); triples are bucketed by subject in one pass (counting sort) and each subject's few
/// triples sorted by predicate and object. Memory: a few bytes per term and per triple.
struct CanonicalLayout {
    let terms: TermStore
    let table: TripleTable
    /// Canonical number (1-based) of each blank node, by term id; empty without blank nodes.
    private(set) var blankNumbers: [TermID: Int] = [:]
    /// Digits of the largest blank node number (labels are zero-padded to this width).
    private(set) var blankWidth = 1
    /// Subject term ids in canonical order.
    private(set) var subjects: [TermID] = []
    /// Triples of subject `k` are `order[groupStarts[k]..<groupStarts[k + 1]]`.
    private(set) var groupStarts: [Int] = []
    /// Triple indices, grouped by subject and sorted.
    private(set) var order: [UInt32] = []
    /// Rank of each predicate among the graph's predicates in byte order, by term index
    /// (``TermStore/index(_:)``; -1 for terms that are not predicates); `predicates[rank]` is the id.
    private(set) var predicateRank: [Int32] = []
    private(set) var predicates: [TermID] = []

    init(_ graph: Graph) {
        terms = graph.termStore
        table = graph.tripleTable
        numberBlankNodes(graph)
        groupAndSort()
    }

    /// The relabelled blank node label of a blank term (`b1`, `b01`, …, as
    /// ``BlankNodeRelabeling`` names them), as bytes.
    func blankLabel(_ id: TermID, prefix: UInt8 = UInt8(ascii: "b")) -> [UInt8] {
        let digits = Array(String(blankNumbers[id] ?? 0).utf8)
        return [prefix] + Array(repeating: UInt8(ascii: "0"), count: max(0, blankWidth - digits.count)) + digits
    }

    // MARK: - Blank nodes

    private mutating func numberBlankNodes(_ graph: Graph) {
        guard terms.blankNodeCount > 0 else { return }
        let flat = table.flatIDs
        // Colour refinement needs only the triples that touch blank nodes, in insertion order.
        var touching = Graph()
        for index in 0..<table.count {
            let s = flat[3 * index], o = flat[3 * index + 2]
            guard terms.kind(s) == .blank || terms.kind(o) == .blank else { continue }
            touching.insert(Triple(subject: terms.term(s), predicate: terms.iri(flat[3 * index + 1]), object: terms.term(o)))
        }
        let order = BlankNodeRelabeling.canonicalOrder(touching)
        blankWidth = String(order.count).count
        for (position, node) in order.enumerated() {
            if let id = terms.find(.blank, node.id) { blankNumbers[id] = position + 1 }
        }
    }

    // MARK: - Order

    private mutating func groupAndSort() {
        let count = table.count
        let flat = table.flatIDs
        // Group number of each subject term, in order of first appearance.
        var groupOf = [Int32](repeating: -1, count: terms.count)
        var firstSubjects: [TermID] = []
        var sizes: [Int] = []
        for index in 0..<count {
            let subject = flat[3 * index]
            let slot = TermStore.index(subject)
            if groupOf[slot] < 0 {
                groupOf[slot] = Int32(firstSubjects.count)
                firstSubjects.append(subject)
                sizes.append(0)
            }
            sizes[Int(groupOf[slot])] += 1
        }
        // Sort the subjects; rank of each group in that order.
        let ranked = sortedGroups(firstSubjects)
        subjects = ranked.map { firstSubjects[$0] }
        var rankOfGroup = [Int32](repeating: 0, count: firstSubjects.count)
        for (rank, group) in ranked.enumerated() { rankOfGroup[group] = Int32(rank) }
        groupStarts = [Int](repeating: 0, count: subjects.count + 1)
        for (rank, group) in ranked.enumerated() { groupStarts[rank + 1] = groupStarts[rank] + sizes[group] }
        // Bucket the triples (stable), then sort each bucket.
        var next = groupStarts
        order = [UInt32](repeating: 0, count: count)
        for index in 0..<count {
            let rank = Int(rankOfGroup[Int(groupOf[TermStore.index(flat[3 * index])])])
            order[next[rank]] = UInt32(index)
            next[rank] += 1
        }
        groupOf = []
        rankPredicates()
        let predicateRanks = predicateRank
        var sorted = order
        order = []
        let starts = groupStarts
        sorted.withUnsafeMutableBufferPointer { buffer in
            for group in 0..<(starts.count - 1) {
                let start = starts[group], end = starts[group + 1]
                guard end - start > 1 else { continue }
                sortGroup(UnsafeMutableBufferPointer(rebasing: buffer[start..<end]), predicateRanks)
            }
        }
        order = sorted
    }

    /// The groups (indexes into `subjects`) in the canonical order of their subjects: IRIs by
    /// their bytes (``TermSorting``), then blank nodes by canonical number.
    private func sortedGroups(_ subjects: [TermID]) -> [Int] {
        var iris: [TermID] = [], irisGroups: [Int] = [], blanks: [Int] = []
        for (group, subject) in subjects.enumerated() {
            if terms.kind(subject) == .blank {
                blanks.append(group)
            } else {
                iris.append(subject)
                irisGroups.append(group)
            }
        }
        blanks.sort { compare(subjects[$0], subjects[$1]) < 0 }
        return TermSorting.sortedPositions(iris, in: terms).map { irisGroups[$0] } + blanks
    }

    /// Ranks every predicate by its bytes, so triples of one subject compare predicates by number.
    private mutating func rankPredicates() {
        var rank = [Int32](repeating: -1, count: terms.count)
        var distinct: [TermID] = []
        let flat = table.flatIDs
        for index in 0..<table.count {
            let predicate = flat[3 * index + 1]
            if rank[TermStore.index(predicate)] < 0 {
                rank[TermStore.index(predicate)] = 0
                distinct.append(predicate)
            }
        }
        predicates = distinct.sorted { compareBytes($0, $1) < 0 }
        for (position, id) in predicates.enumerated() { rank[TermStore.index(id)] = Int32(position) }
        predicateRank = rank
    }

    // Out of line: inlined into groupAndSort() it runs slower (more instructions per triple).
    @inline(never)
    private func sortGroup(_ slice: UnsafeMutableBufferPointer<UInt32>, _ predicateRanks: [Int32]) {
        let flat = table.flatIDs
        func less(_ a: UInt32, _ b: UInt32) -> Bool {
            let pa = predicateRanks[TermStore.index(flat[3 * Int(a) + 1])]
            let pb = predicateRanks[TermStore.index(flat[3 * Int(b) + 1])]
            if pa != pb { return pa < pb }
            return compare(flat[3 * Int(a) + 2], flat[3 * Int(b) + 2]) < 0
        }
        if slice.count <= 16 {
            // Subjects have a handful of triples.
            slice.insertionSort(by: less)
        } else {
            var slice = slice
            slice.sort(by: less)
        }
    }

    // MARK: - Comparing terms

    /// Three-way comparison in ``CanonicalOrder``'s order: IRIs, then blank nodes (by canonical
    /// number), then literals (lexical form, datatype, language tag), text by UTF-8 bytes.
    func compare(_ a: TermID, _ b: TermID) -> Int {
        if a == b { return 0 }
        let ka = terms.kind(a), kb = terms.kind(b)
        let ra = Self.rank(ka), rb = Self.rank(kb)
        if ra != rb { return ra - rb }
        switch ka {
        case .iri, .languageTag:
            return compareBytes(a, b)
        case .blank:
            let na = blankNumbers[a] ?? 0, nb = blankNumbers[b] ?? 0
            return na == nb ? compareBytes(a, b) : (na < nb ? -1 : 1)
        case .typedLiteral, .languageLiteral:
            let lexical = compareBytes(a, b)
            if lexical != 0 { return lexical }
            let datatype = withDatatypeBytes(a) { left in withDatatypeBytes(b) { right in Self.compareBytes(left, right) } }
            if datatype != 0 { return datatype }
            return Self.compareBytes(languageBytes(a), languageBytes(b))
        }
    }

    private static func rank(_ kind: TermKind) -> Int {
        switch kind {
        case .iri, .languageTag: return 0
        case .blank: return 1
        case .typedLiteral, .languageLiteral: return 2
        }
    }

    private static let langString = Array(Vocabulary.rdfLangString.value.utf8)

    private func withDatatypeBytes<R>(_ literal: TermID, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if terms.kind(literal) == .typedLiteral { return body(terms.bytes(terms.extra(literal))) }
        return Self.langString.withUnsafeBufferPointer(body)
    }

    private func languageBytes(_ literal: TermID) -> UnsafeBufferPointer<UInt8> {
        if terms.kind(literal) == .languageLiteral { return terms.bytes(terms.extra(literal)) }
        return UnsafeBufferPointer(start: nil, count: 0)
    }

    @inline(__always)
    func compareBytes(_ a: TermID, _ b: TermID) -> Int {
        Self.compareBytes(terms.bytes(a), terms.bytes(b))
    }

    @inline(__always)
    static func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let pa = a.baseAddress, let pb = b.baseAddress {
            let result = memcmp(pa, pb, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
