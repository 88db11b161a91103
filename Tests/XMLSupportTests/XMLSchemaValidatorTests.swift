#if canImport(Glibc)
import Glibc
#endif
import KnowledgeGraph
import TestSupport
import Testing
import XMLSupport

@Suite struct XMLSchemaValidatorTests {
    /// Writes `text` to `path`.
    private func save(_ text: String, _ path: String) throws {
        let sink = try AtomicFileSink(path: path)
        try sink.write(text)
        try sink.commit()
    }

    @Test func compilesASchemaWithIncludesAndValidates() throws {
        let folder = "/tmp/kgexport-xsd-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(folder, 0o755) == 0)
        let namespace = "urn:example:t"
        try save("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="\(namespace)" \
            xmlns="\(namespace)" elementFormDefault="qualified">
              <xs:include schemaLocation="part.xsd"/>
              <xs:element name="root" type="rootType"/>
            </xs:schema>
            """, folder + "/main.xsd")
        try save("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="\(namespace)" \
            xmlns="\(namespace)" elementFormDefault="qualified">
              <xs:complexType name="rootType"><xs:sequence>
                <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType>
            </xs:schema>
            """, folder + "/part.xsd")
        let validator = try XMLSchemaValidator(schemaPath: folder + "/main.xsd")
        let valid = "<root xmlns=\"\(namespace)\"><n>1</n></root>"
        #expect(try validator.validate(Array(valid.utf8), name: "valid.xml").isEmpty)
        let invalid = "<root xmlns=\"\(namespace)\"><n>one</n></root>"
        let errors = try validator.validate(Array(invalid.utf8), name: "invalid.xml")
        #expect(errors.count == 1)
        #expect(errors.first?.line == 1)
        #expect(errors.first?.message.contains("one") == true)
    }

    @Test func documentsStillCannotLoadExternalEntities() throws {
        let folder = "/tmp/kgexport-xsd-\(UInt32.random(in: 0...UInt32.max))"
        #expect(mkdir(folder, 0o755) == 0)
        try save("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"xs:string\"/></xs:schema>",
                 folder + "/a.xsd")
        try save("secret", folder + "/secret.txt")
        let validator = try XMLSchemaValidator(schemaPath: folder + "/a.xsd")
        let document = "<!DOCTYPE a [<!ENTITY e SYSTEM \"\(folder)/secret.txt\">]><a>&e;</a>"
        // External entities are never loaded: the reference stays unexpanded and the document
        // is reported, never validated with the file's contents.
        let errors = try validator.validate(Array(document.utf8), name: "entity.xml")
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { !$0.message.contains("secret") && $0.file == "entity.xml" })
    }
}
