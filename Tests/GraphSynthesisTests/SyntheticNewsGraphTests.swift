import GraphSynthesis
import KnowledgeGraph
import Testing

@Suite struct SyntheticNewsGraphTests {
    @Test func sameSeedSameTriplesOtherSeedOtherTriples() {
        let first = SyntheticNewsGraph(nodes: 200, seed: 7).graph()
        let again = SyntheticNewsGraph(nodes: 200, seed: 7).graph()
        let other = SyntheticNewsGraph(nodes: 200, seed: 8).graph()
        #expect(first.triples == again.triples)
        #expect(first.triples != other.triples)
    }

    @Test func shapeIsNewsLike() {
        let nodes = 8_000
        var triples = 0
        var edges = 0
        var pairs: [String: Int] = [:]
        var classes: Set<IRI> = []
        var hardCharacters = 0
        var nonASCII = 0
        SyntheticNewsGraph(nodes: nodes, seed: 1).generate { (triple: Triple) throws(Never) in
            triples += 1
            if triple.predicate == Vocabulary.rdfType, let type = triple.object.iri {
                classes.insert(type)
            } else if case .iri(let target) = triple.object {
                edges += 1
                pairs["\(triple.subject) \(target)", default: 0] += 1
            } else if let literal = triple.object.literal {
                if literal.lexicalForm.contains(where: { "&<\"".contains($0) }) { hardCharacters += 1 }
                if literal.lexicalForm.unicodeScalars.contains(where: { $0.value > 0x7F }) { nonASCII += 1 }
            }
        }
        #expect(triples == nodes * 9)
        #expect(SyntheticNewsGraph(nodes: nodes, seed: 1).graph().count == nodes * 9, "no triple repeats")
        #expect(edges == nodes * 4)
        #expect(classes.count == 8)
        let parallel = pairs.values.filter { $0 > 1 }.reduce(0) { $0 + $1 - 1 }
        let share = Double(parallel) / Double(edges)
        #expect(share > 0.02 && share < 0.08, "parallel edge share \(share)")
        #expect(hardCharacters >= nodes)
        #expect(nonASCII > nodes / 10)
    }
}

/// Node counts beyond ``SyntheticNewsGraph/maximumNodes`` are clamped, so no arithmetic overflows.
@Suite struct SyntheticNewsGraphLimitTests {
    struct Enough: Error {}

    @Test func hugeNodeCountsAreClampedAndGenerate() throws {
        let graph = SyntheticNewsGraph(nodes: Int.max, seed: 1)
        #expect(graph.nodes == SyntheticNewsGraph.maximumNodes)
        var triples = 0
        #expect(throws: Enough.self) {
            try graph.generate { (_: Triple) throws(Enough) in
                triples += 1
                if triples == 1_000 { throw Enough() }
            }
        }
    }
}
