internal import CLibXML2

/// Process-wide libxml2 set-up, done once: initialise the library, refuse external entities,
/// and keep libxml2 from printing errors itself (kgexport reports them with positions).
public enum XMLEnvironment {
    private static let prepared: Bool = {
        xmlInitParser()
        kg_installRefusingEntityLoader()
        kg_silenceGenericErrors()
        return true
    }()

    /// Runs the set-up if it has not run yet. Every entry point of this module calls it.
    public static func prepare() {
        _ = prepared
    }
}
