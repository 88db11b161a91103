/// Well-known namespaces and terms used throughout kgexport.
public enum Vocabulary {
    public static let rdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let rdfsNamespace = "http://www.w3.org/2000/01/rdf-schema#"
    public static let xsdNamespace = "http://www.w3.org/2001/XMLSchema#"
    public static let owlNamespace = "http://www.w3.org/2002/07/owl#"
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    public static let rdfType = IRI(unchecked: rdfNamespace + "type")
    public static let rdfFirst = IRI(unchecked: rdfNamespace + "first")
    public static let rdfRest = IRI(unchecked: rdfNamespace + "rest")
    public static let rdfNil = IRI(unchecked: rdfNamespace + "nil")
    public static let rdfSubject = IRI(unchecked: rdfNamespace + "subject")
    public static let rdfPredicate = IRI(unchecked: rdfNamespace + "predicate")
    public static let rdfObject = IRI(unchecked: rdfNamespace + "object")
    public static let rdfStatement = IRI(unchecked: rdfNamespace + "Statement")
    public static let rdfXMLLiteral = IRI(unchecked: rdfNamespace + "XMLLiteral")
    public static let rdfLangString = IRI(unchecked: rdfNamespace + "langString")

    public static let rdfsLabel = IRI(unchecked: rdfsNamespace + "label")
    public static let rdfsComment = IRI(unchecked: rdfsNamespace + "comment")
    public static let rdfsDomain = IRI(unchecked: rdfsNamespace + "domain")
    public static let rdfsRange = IRI(unchecked: rdfsNamespace + "range")
    public static let rdfsSubClassOf = IRI(unchecked: rdfsNamespace + "subClassOf")
    public static let rdfsSubPropertyOf = IRI(unchecked: rdfsNamespace + "subPropertyOf")
    public static let rdfsClass = IRI(unchecked: rdfsNamespace + "Class")
    public static let rdfsLiteral = IRI(unchecked: rdfsNamespace + "Literal")

    public static let owlClass = IRI(unchecked: owlNamespace + "Class")
    public static let owlObjectProperty = IRI(unchecked: owlNamespace + "ObjectProperty")
    public static let owlDatatypeProperty = IRI(unchecked: owlNamespace + "DatatypeProperty")
    public static let owlAnnotationProperty = IRI(unchecked: owlNamespace + "AnnotationProperty")
    public static let owlOntology = IRI(unchecked: owlNamespace + "Ontology")
    public static let owlSameAs = IRI(unchecked: owlNamespace + "sameAs")
    public static let owlThing = IRI(unchecked: owlNamespace + "Thing")

    public static let xsdString = IRI(unchecked: xsdNamespace + "string")
    public static let xsdBoolean = IRI(unchecked: xsdNamespace + "boolean")
    public static let xsdInteger = IRI(unchecked: xsdNamespace + "integer")
    public static let xsdNonNegativeInteger = IRI(unchecked: xsdNamespace + "nonNegativeInteger")
    public static let xsdDecimal = IRI(unchecked: xsdNamespace + "decimal")
    public static let xsdDouble = IRI(unchecked: xsdNamespace + "double")
    public static let xsdDate = IRI(unchecked: xsdNamespace + "date")
    public static let xsdDateTime = IRI(unchecked: xsdNamespace + "dateTime")
    public static let xsdGYear = IRI(unchecked: xsdNamespace + "gYear")
    public static let xsdGYearMonth = IRI(unchecked: xsdNamespace + "gYearMonth")
    public static let xsdAnyURI = IRI(unchecked: xsdNamespace + "anyURI")
}
