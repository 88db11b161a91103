import KnowledgeGraph
import Testing
import XMLSupport

@Suite struct XMLStreamWriterTests {
    @Test func escapesTextAndAttributes() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startDocument()
        try writer.startElement("a")
        try writer.writeAttribute("v", "x&y<\"\n\t\r")
        try writer.writeText("1 < 2 & 3 > 2\r\nKariņš")
        try writer.endElement()
        try writer.endDocument()
        let sink = MemorySink()
        try writer.drain(into: sink)
        #expect(sink.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"x&amp;y&lt;&quot;&#10;&#9;&#13;\">1 &lt; 2 &amp; 3 &gt; 2&#13;\nKariņš</a>\n")
    }

    @Test func drainsIncrementally() throws {
        let writer = try XMLStreamWriter(indent: true)
        try writer.startDocument()
        try writer.startElement("root")
        let sink = MemorySink()
        for index in 0..<3 {
            try writer.startElement("item")
            try writer.writeAttribute("n", String(index))
            try writer.endElement()
            try writer.drain(into: sink)
        }
        try writer.endDocument()
        try writer.drain(into: sink)
        #expect(sink.text == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <item n=\"0\"/>\n  <item n=\"1\"/>\n  <item n=\"2\"/>\n</root>\n")
    }

    @Test func forbiddenCharactersAreFound() {
        #expect(XMLCharacters.firstForbidden(in: "ok\u{7}") == "\u{7}")
        #expect(XMLCharacters.firstForbidden(in: "tab\tlf\ncr\r ok ŋ") == nil)
        #expect(XMLCharacters.firstForbidden(in: "\u{FFFE}") == "\u{FFFE}")
        #expect(XMLCharacters.isNCName("Person"))
        #expect(!XMLCharacters.isNCName("2019"))
        #expect(!XMLCharacters.isNCName("a:b"))
    }

    /// Records with prepared children give the bytes of the ordinary element calls (libxml2
    /// itself writing each element, attribute and text), with and without escaping.
    @Test(arguments: [false, true]) func preparedRecordChildrenMatchOrdinaryCalls(indent: Bool) throws {
        let node = PreparedXMLName("node"), data = PreparedXMLName("data"), key = PreparedXMLName("key"), id = PreparedXMLName("id")
        let texts = ["plain", "Said \"yes\" & more < 2 \r ok", "Kariņš"]
        func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

        let expected = try XMLStreamWriter(indent: indent)
        try expected.startElement("graph")
        for (number, text) in texts.enumerated() {
            try expected.startElement(node)
            try bytes("n\(number)").withUnsafeBufferPointer { try expected.writeAttribute(id, utf8: $0) }
            for name in ["labels", "label\"V"] {
                try expected.startElement(data)
                try bytes(name).withUnsafeBufferPointer { try expected.writeAttribute(key, utf8: $0) }
                try bytes(text).withUnsafeBufferPointer { try expected.writeText(utf8: $0) }
                try expected.endElement()
            }
            try expected.endElement()
        }
        try expected.startElement(node)
        try bytes("last").withUnsafeBufferPointer { try expected.writeAttribute(id, utf8: $0) }
        try expected.endElement()
        try expected.endElement()

        let records = try XMLStreamWriter(indent: indent)
        try records.startElement("graph")
        for (number, text) in texts.enumerated() {
            let children = try records.prepareRecordChildren { writer throws(XMLWriteError) in
                for name in ["labels", "label\"V"] {
                    try bytes(name).withUnsafeBufferPointer { value throws(XMLWriteError) in
                        try bytes(text).withUnsafeBufferPointer { text throws(XMLWriteError) in
                            try writer.recordLeaf(data, attribute: key, value: value, text: text)
                        }
                    }
                }
            }
            records.beginRecord(node)
            try bytes("n\(number)").withUnsafeBufferPointer { try records.recordAttribute(id, utf8: $0) }
            try records.recordChildren(children)
            try records.endRecord(node)
        }
        // No children prepared: the record stays empty, `<node id="last"/>`.
        let none = try records.prepareRecordChildren { (_: XMLStreamWriter) throws(XMLWriteError) in }
        records.beginRecord(node)
        try bytes("last").withUnsafeBufferPointer { try records.recordAttribute(id, utf8: $0) }
        try records.recordChildren(none)
        try records.endRecord(node)
        try records.endElement()

        let (expectedSink, recordsSink) = (MemorySink(), MemorySink())
        try expected.drain(into: expectedSink)
        try records.drain(into: recordsSink)
        #expect(recordsSink.text == expectedSink.text)
        #expect(recordsSink.text.contains("&quot;yes&quot; &amp; more &lt; 2 &#13; ok"))
        #expect(recordsSink.text.contains("<node id=\"last\"/>"))
    }

    /// Children prepared at one depth cannot go into a record at another.
    @Test func preparedRecordChildrenKeepTheirDepth() throws {
        let writer = try XMLStreamWriter(indent: true)
        let data = PreparedXMLName("data"), key = PreparedXMLName("key"), node = PreparedXMLName("node")
        let value: [UInt8] = Array("k".utf8), text: [UInt8] = Array("t".utf8)
        let children = try writer.prepareRecordChildren { xml throws(XMLWriteError) in
            try value.withUnsafeBufferPointer { value throws(XMLWriteError) in
                try text.withUnsafeBufferPointer { text throws(XMLWriteError) in try xml.recordLeaf(data, attribute: key, value: value, text: text) }
            }
        }
        try writer.startElement("graph")
        writer.beginRecord(node)
        #expect(throws: XMLWriteError.self) { try writer.recordChildren(children) }
    }
}
