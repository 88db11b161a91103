import TestSupport
import Testing
import XMLSupport

@Suite struct XMLSchemaValidatorTests {
    @Test func compilesASchemaWithIncludesAndValidates() throws {
        let folder = try TestFiles.temporaryFolder()
        let namespace = "urn:example:t"
        try TestFiles.write("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="\(namespace)" \
            xmlns="\(namespace)" elementFormDefault="qualified">
              <xs:include schemaLocation="part.xsd"/>
              <xs:element name="root" type="rootType"/>
            </xs:schema>
            """, to: folder + "/main.xsd")
        try TestFiles.write("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="\(namespace)" \
            xmlns="\(namespace)" elementFormDefault="qualified">
              <xs:complexType name="rootType"><xs:sequence>
                <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType>
            </xs:schema>
            """, to: folder + "/part.xsd")
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
        let folder = try TestFiles.temporaryFolder()
        try TestFiles.write("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"a\" type=\"xs:string\"/></xs:schema>",
                            to: folder + "/a.xsd")
        try TestFiles.write("secret", to: folder + "/secret.txt")
        let validator = try XMLSchemaValidator(schemaPath: folder + "/a.xsd")
        let document = "<!DOCTYPE a [<!ENTITY e SYSTEM \"\(folder)/secret.txt\">]><a>&e;</a>"
        // External entities are never loaded: the reference stays unexpanded and the document
        // is reported, never validated with the file's contents.
        let errors = try validator.validate(Array(document.utf8), name: "entity.xml")
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { !$0.message.contains("secret") && $0.file == "entity.xml" })
    }
}
