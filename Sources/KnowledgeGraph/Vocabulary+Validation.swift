/// Terms the validator and the dataset loader need beyond the core RDF/OWL ones.
extension Vocabulary {
    public static let skosNamespace = "http://www.w3.org/2004/02/skos/core#"
    public static let provNamespace = "http://www.w3.org/ns/prov#"

    public static let skosPrefLabel = IRI(unchecked: skosNamespace + "prefLabel")
    public static let skosAltLabel = IRI(unchecked: skosNamespace + "altLabel")
    public static let provWasDerivedFrom = IRI(unchecked: provNamespace + "wasDerivedFrom")

    public static let rdfsDatatype = IRI(unchecked: rdfsNamespace + "Datatype")
    public static let rdfsResource = IRI(unchecked: rdfsNamespace + "Resource")
    public static let owlUnionOf = IRI(unchecked: owlNamespace + "unionOf")
    public static let owlEquivalentClass = IRI(unchecked: owlNamespace + "equivalentClass")

    public static let xsdFloat = IRI(unchecked: xsdNamespace + "float")
    public static let xsdTime = IRI(unchecked: xsdNamespace + "time")
    public static let xsdPositiveInteger = IRI(unchecked: xsdNamespace + "positiveInteger")
    public static let xsdNonPositiveInteger = IRI(unchecked: xsdNamespace + "nonPositiveInteger")
    public static let xsdNegativeInteger = IRI(unchecked: xsdNamespace + "negativeInteger")
    public static let xsdLong = IRI(unchecked: xsdNamespace + "long")
    public static let xsdInt = IRI(unchecked: xsdNamespace + "int")
    public static let xsdShort = IRI(unchecked: xsdNamespace + "short")
    public static let xsdByte = IRI(unchecked: xsdNamespace + "byte")
    public static let xsdUnsignedLong = IRI(unchecked: xsdNamespace + "unsignedLong")
    public static let xsdUnsignedInt = IRI(unchecked: xsdNamespace + "unsignedInt")
    public static let xsdUnsignedShort = IRI(unchecked: xsdNamespace + "unsignedShort")
    public static let xsdUnsignedByte = IRI(unchecked: xsdNamespace + "unsignedByte")
}
