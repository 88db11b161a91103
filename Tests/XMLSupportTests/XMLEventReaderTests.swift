import KnowledgeGraph
import Testing
import XMLSupport

/// Collects events, optionally throwing at the n-th start tag.
final class EventRecorder: XMLEventHandler {
    var events: [XMLEvent] = []
    var failAtStart: Int?
    private var starts = 0

    init(failAtStart: Int? = nil) {
        self.failAtStart = failAtStart
    }

    func handle(_ event: XMLEvent) throws(Diagnostic) {
        if case .startElement(let tag) = event {
            starts += 1
            if starts == failAtStart {
                throw Diagnostic(code: "test-stop", message: "stop at <\(tag.name.qualifiedName)>", location: tag.location)
            }
        }
        events.append(event)
    }

    var startTags: [XMLStartTag] {
        events.compactMap { if case .startElement(let tag) = $0 { return tag } else { return nil } }
    }

    var texts: [(String, KnowledgeGraph.SourceLocation)] {
        events.compactMap { if case .text(let text, let location) = $0 { return (text, location) } else { return nil } }
    }
}

func read(_ text: String, source: String = "test.xml", reader: XMLEventReader = XMLEventReader(),
          into recorder: EventRecorder = EventRecorder()) throws(Diagnostic) -> EventRecorder {
    try reader.read(Array(text.utf8), source: source, into: recorder)
    return recorder
}

func xmlError(_ text: String, reader: XMLEventReader = XMLEventReader()) -> Diagnostic? {
    do {
        _ = try read(text, reader: reader)
        return nil
    } catch {
        return error
    }
}

@Suite struct XMLEventReaderTests {
    @Test func reportsNamesAttributesAndNamespaces() throws {
        let recorder = try read("""
            <?xml version="1.0"?>
            <r xmlns="urn:d" xmlns:p="urn:p" p:a="1" b="x &amp; y"><p:c/>t</r>
            """)
        let tags = recorder.startTags
        #expect(tags.count == 2)
        #expect(tags[0].name == XMLName(namespaceURI: "urn:d", localName: "r", prefix: nil))
        #expect(tags[0].namespaceDeclarations == [XMLNamespaceDeclaration(prefix: nil, namespaceURI: "urn:d"),
                                                  XMLNamespaceDeclaration(prefix: "p", namespaceURI: "urn:p")])
        #expect(tags[0].attributes == [
            XMLAttribute(name: XMLName(namespaceURI: "urn:p", localName: "a", prefix: "p"), value: "1"),
            XMLAttribute(name: XMLName(namespaceURI: nil, localName: "b", prefix: nil), value: "x & y"),
        ])
        #expect(tags[1].name.qualifiedName == "p:c")
        #expect(recorder.texts.map(\.0) == ["t"])
    }

    @Test func locatesTagsAndText() throws {
        // Line 3 has a two-byte character before the tag: columns count characters.
        let recorder = try read("<?xml version=\"1.0\"?>\r\n<root>\r\n  é<a x=\"1\"\n     y=\"2\">text</a>\n  <b/></root>")
        let tags = recorder.startTags
        #expect(tags.map(\.location.line) == [2, 3, 5])
        #expect(tags.map(\.location.column) == [1, 4, 3])
        #expect(tags[0].location.file == "test.xml")
        let text = try #require(recorder.texts.first { $0.0 == "text" })
        #expect(text.1.line == 4 && text.1.column == 12)
        let ends = recorder.events.compactMap { event -> KnowledgeGraph.SourceLocation? in
            if case .endElement(_, let location) = event { return location } else { return nil }
        }
        #expect(ends.map(\.line) == [4, 5, 5])
        #expect(ends.map(\.column) == [16, 3, 7])
    }

    @Test func locatesTagsInOtherEncodings() throws {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>\n  <name a=\"\u{E9}\">Andr\u{E9}</name>\n  <x\n   b=\"1\"/></r>"
        let latin1 = text.unicodeScalars.map { UInt8($0.value) }
        let recorder = EventRecorder()
        try XMLEventReader().read(latin1, source: "latin1.xml", into: recorder)
        #expect(recorder.startTags.map(\.location.line) == [2, 3, 4])
        #expect(recorder.startTags.map(\.location.column) == [1, 3, 3])
        #expect(recorder.startTags[1].attributes.first?.value == "\u{E9}")
        let name = try #require(recorder.texts.first { $0.0 == "Andr\u{E9}" })
        #expect(name.1.line == 3 && name.1.column == 15)
    }

    @Test func mergesTextAndCDATA() throws {
        let recorder = try read("<r>a &amp; b<![CDATA[<c>]]>&#x41;</r>")
        #expect(recorder.texts.map(\.0) == ["a & b<c>A"])
    }

    @Test func expandsInternalEntities() throws {
        let recorder = try read("""
            <?xml version="1.0"?>
            <!DOCTYPE r [ <!ENTITY owl "http://www.w3.org/2002/07/owl#"> <!ENTITY m "<b>in</b>"> ]>
            <r a="&owl;Thing">&owl;Class &m;</r>
            """)
        #expect(recorder.startTags[0].attributes.first?.value == "http://www.w3.org/2002/07/owl#Thing")
        #expect(recorder.startTags.map(\.name.localName) == ["r", "b"])
        #expect(recorder.texts.map(\.0) == ["http://www.w3.org/2002/07/owl#Class ", "in"])
        // Markup from an entity is located at the entity reference.
        #expect(recorder.startTags[1].location.line == 3 && recorder.startTags[1].location.column == 30)
    }

    @Test func refusesExternalGeneralEntityWithoutLeakingIt() {
        let error = xmlError("""
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <r>&secret;</r>
            """)
        #expect(error?.code == "xml-syntax")
        #expect(error?.message == "the entity &secret; is external (SYSTEM \"file:///etc/passwd\"); external entities are never loaded")
        #expect(error?.location == KnowledgeGraph.SourceLocation(file: "test.xml", line: 5, column: 4))
        #expect(error?.description.contains("root:") == false)
    }

    @Test func refusesExternalParameterEntity() {
        let error = xmlError("""
            <?xml version="1.0"?>
            <!DOCTYPE r [
              <!ENTITY % ext SYSTEM "http://example.org/evil.dtd">
              %ext;
            ]>
            <r/>
            """)
        #expect(error?.message == "the entity %ext; is external (SYSTEM \"http://example.org/evil.dtd\"); external entities are never loaded")
        #expect(error?.location?.line == 4)
        #expect(error?.location?.column == 3)
    }

    @Test func refusesExternalDTD() {
        let error = xmlError("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r/>\n")
        #expect(error?.message == "the document type declaration refers to the external DTD \"file:///etc/passwd\"; external DTDs are never loaded")
        #expect(error?.location?.line == 2)
    }

    @Test func stopsBillionLaughsQuickly() {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n\(declarations)]>\n<r>&lol9;</r>\n"
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure { error = xmlError(document) }
        #expect(error?.code == "xml-syntax")
        #expect(error?.message == "Detected an entity reference loop")
        #expect(error?.location?.line == 14)
        #expect(elapsed < .seconds(5))
    }

    @Test func stopsQuadraticBlowupQuickly() {
        let big = String(repeating: "x", count: 100_000)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY big \"\(big)\">]>\n<r>"
            + String(repeating: "&big;", count: 20_000) + "</r>\n"
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure { error = xmlError(document) }
        #expect(error?.code == "xml-syntax")
        #expect(error?.message == "entity expansion makes the text of this 200062-byte document larger than 6194924 bytes; refusing it (an entity amplification attack?)")
        #expect(error?.location?.line == 3)
        #expect(elapsed < .seconds(5))
    }

    @Test func stopsAmplificationThroughAttributesQuickly() {
        let big = String(repeating: "x", count: 1_000_000)
        let document = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY big \"\(big)\">]>\n<r>"
            + String(repeating: "<a v=\"&big;\"/>", count: 20_000) + "</r>\n"
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure { error = xmlError(document) }
        #expect(error?.message.contains("entity amplification") == true)
        #expect(elapsed < .seconds(5))
    }

    @Test func refusesExcessiveNesting() {
        let document = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let error = xmlError(document)
        #expect(error?.message.hasPrefix("Excessive depth in document: 256") == true)
        #expect(error?.location?.line == 1)
    }

    @Test func refusesDocumentsOverTheSizeLimit() {
        let error = xmlError("<r>0123456789</r>", reader: XMLEventReader(sizeLimit: 10))
        #expect(error?.code == "input")
        #expect(error?.message == "the document is larger than the limit of 10 bytes")
    }

    @Test func reportsSyntaxErrorsWithPositions() {
        let unclosed = xmlError("<r>\n  <a>\n</r>\n")
        #expect(unclosed?.message == "Opening and ending tag mismatch: a line 2 and r")
        #expect(unclosed?.location == KnowledgeGraph.SourceLocation(file: "test.xml", line: 3, column: 5))
        let truncated = xmlError("<r>\n  <a x=\"1\"")
        #expect(truncated?.message.hasPrefix("the document ends before it is complete (") == true)
        #expect(truncated?.location?.line == 2)
        let prefix = xmlError("<r>\n  <x:a/>\n</r>")
        #expect(prefix?.message == "Namespace prefix x on a is not defined")
        #expect(prefix?.location == KnowledgeGraph.SourceLocation(file: "test.xml", line: 2, column: 3))
    }

    @Test func reportsInvalidUTF8() {
        let recorder = EventRecorder()
        var caught: Diagnostic?
        do {
            try XMLEventReader().read([0x3C, 0x72, 0x3E, 0x0A, 0x61, 0xFF, 0x3C, 0x2F, 0x72, 0x3E], source: "bad.xml", into: recorder)
        } catch {
            caught = error
        }
        #expect(caught?.message.hasPrefix("Input is not proper UTF-8") == true)
        #expect(caught?.location == KnowledgeGraph.SourceLocation(file: "bad.xml", line: 2, column: 2))
    }

    @Test func handlerErrorsStopTheParse() {
        let recorder = EventRecorder(failAtStart: 2)
        var caught: Diagnostic?
        do {
            _ = try read("<r>\n <a/>\n <b/>\n</r>", into: recorder)
        } catch {
            caught = error
        }
        #expect(caught?.code == "test-stop")
        #expect(caught?.location == KnowledgeGraph.SourceLocation(file: "test.xml", line: 2, column: 2))
        #expect(recorder.startTags.map(\.name.localName) == ["r"])
    }

    @Test func emptyDocumentIsAnError() {
        #expect(xmlError("")?.message == "the document is empty")
    }
}

@Suite struct XMLExclusiveCanonicalizerTests {
    func canonical(_ text: String) throws -> String {
        let recorder = try read(text)
        var canonicalizer = XMLExclusiveCanonicalizer()
        for event in recorder.events { canonicalizer.add(event) }
        return canonicalizer.canonicalForm
    }

    /// Expected output from `xmllint --exc-c14n` (libxml2's own exclusive canonicalisation) on the same document.
    @Test func matchesXmllintExclusiveCanonicalization() throws {
        let document = """
            <e:doc xmlns:e="http://example.org/e" xmlns:unused="http://example.org/u" xmlns="http://example.org/default" \
            z="3" e:b="2" a="1 &amp; &lt; &quot; &#9;&#10;&#13;" xml:lang="en"><child>text &amp; &lt; &gt; &#13;<?pi data?>\
            <inner xmlns="" e:x="y"/><![CDATA[<cdata>]]></child></e:doc>
            """
        #expect(try canonical(document) == """
            <e:doc xmlns:e="http://example.org/e" a="1 &amp; &lt; &quot; &#x9;&#xA;&#xD;" z="3" e:b="2" xml:lang="en">\
            <child xmlns="http://example.org/default">text &amp; &lt; &gt; &#xD;<?pi data?><inner xmlns="" e:x="y"></inner>\
            &lt;cdata&gt;</child></e:doc>
            """)
    }

    @Test func dropsComments() throws {
        #expect(try canonical("<a><!-- note -->x</a>") == "<a>x</a>")
    }
}
