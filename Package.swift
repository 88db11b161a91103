// swift-tools-version: 6.0
import PackageDescription

/// Upcoming-language features, turned on for every target by the loop at the end (as swift-log does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "kgexport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kgexport", targets: ["kgexport"]),
        .library(name: "KnowledgeGraph", targets: ["KnowledgeGraph"]),
        .library(name: "RDFFormats", targets: ["RDFFormats"]),
        .library(name: "PropertyGraph", targets: ["PropertyGraph"]),
        .library(name: "GraphFormats", targets: ["GraphFormats"]),
        .library(name: "DatasetKit", targets: ["DatasetKit"]),
        .library(name: "ExportPipeline", targets: ["ExportPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The `kg_` helpers around libxml2, in C: their state exists once, in shim.c.
        .target(name: "CLibXML2Shim", dependencies: ["CLibXML2"]),
        .target(
            name: "XMLSupport",
            dependencies: ["CLibXML2", "CLibXML2Shim", "KnowledgeGraph"]
        ),
        .target(
            name: "KnowledgeGraph"
        ),
        .target(
            name: "RDFFormats",
            dependencies: ["KnowledgeGraph", "XMLSupport"]
        ),
        .target(
            name: "PropertyGraph",
            dependencies: ["KnowledgeGraph", "XMLSupport", "RDFFormats"]
        ),
        .target(
            name: "GraphSynthesis",
            dependencies: ["KnowledgeGraph"]
        ),
        // The format registry and the conversion pipeline: every format, how it is read and written.
        .target(
            name: "GraphFormats",
            dependencies: ["KnowledgeGraph", "RDFFormats", "PropertyGraph"]
        ),
        .target(
            name: "DatasetKit",
            dependencies: ["KnowledgeGraph", .product(name: "Yams", package: "Yams")]
        ),
        // export as plain values: load, validate, render every artifact, commit all files together.
        .target(
            name: "ExportPipeline",
            dependencies: ["KnowledgeGraph", "DatasetKit", "GraphFormats", "RDFFormats", "PropertyGraph"]
        ),
        .executableTarget(
            name: "kgexport",
            dependencies: [
                "KnowledgeGraph", "GraphFormats", "DatasetKit", "ExportPipeline", "GraphSynthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph", "TestSupport"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "KnowledgeGraph", "TestSupport"]),
        .testTarget(name: "RDFFormatsTests", dependencies: ["RDFFormats", "KnowledgeGraph", "TestSupport", "GraphSynthesis"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PropertyGraphTests", dependencies: ["PropertyGraph", "RDFFormats", "KnowledgeGraph", "XMLSupport", "GraphSynthesis", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GraphFormatsTests", dependencies: ["GraphFormats", "RDFFormats", "PropertyGraph", "KnowledgeGraph", "TestSupport"]),
        .testTarget(name: "DatasetKitTests", dependencies: ["DatasetKit", "ExportPipeline", "GraphFormats", "RDFFormats", "PropertyGraph",
                                                            "KnowledgeGraph", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GraphSynthesisTests", dependencies: ["GraphSynthesis", "KnowledgeGraph"]),
        // What the tests and the fuzz targets share, not shipped: the round-trip oracle, the XML
        // Schema validator, temporary files. Being test-only, it may call libxml2 itself (for the
        // validator): the one exception to XMLSupport being libxml2's only importer.
        .target(name: "TestSupport", dependencies: ["KnowledgeGraph", "RDFFormats", "XMLSupport", "CLibXML2", "CLibXML2Shim"],
                path: "Tests/TestSupport"),
        .testTarget(name: "kgexportTests", dependencies: ["kgexport", "GraphSynthesis", "KnowledgeGraph", "RDFFormats"],
                    exclude: ["BadInput"]),
    ]
)

// libFuzzer targets, one per reader (sources in Fuzz/). They exist only when KGEXPORT_FUZZ is
// set, because they build only with -sanitize=fuzzer: see `make fuzz-smoke` and Fuzz/README.md.
if Context.environment["KGEXPORT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", dependencies: ["KnowledgeGraph", "TestSupport"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzRDFXML", dependencies: ["FuzzSupport", "KnowledgeGraph", "RDFFormats"],
                          path: "Fuzz/FuzzRDFXML"),
        .executableTarget(name: "FuzzNTriples", dependencies: ["FuzzSupport", "KnowledgeGraph", "RDFFormats"],
                          path: "Fuzz/FuzzNTriples"),
        .executableTarget(name: "FuzzDataset", dependencies: ["FuzzSupport", "KnowledgeGraph", "DatasetKit", "GraphFormats"],
                          path: "Fuzz/FuzzDataset"),
    ]
}

// Every Swift target, the fuzz targets included, gets the same language settings.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
