internal import CLibXML2
internal import CLibXML2Shim

/// Process-wide libxml2 set-up, done once: initialise the library, refuse external entities,
/// and keep libxml2 from printing errors itself (kgexport reports them with positions).
public enum XMLEnvironment {
    private static let prepared: Bool = {
        // libxml2 builds its global tables lazily and without a lock; threads that first touch
        // them at once race and leak. Swift runs this once, before any other libxml2 call here.
        xmlInitParser()
        xmlSchemaInitTypes()
        kg_installRefusingEntityLoader()
        kg_silenceGenericErrors()
        return true
    }()

    /// Runs the set-up if it has not run yet. Every entry point of this module calls it.
    public static func prepare() {
        _ = prepared
    }
}
