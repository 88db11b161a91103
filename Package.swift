// swift-tools-version: 6.0
import PackageDescription

/// Upcoming-language features turned on for every target, as swift-log does.
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
        .target(
            name: "XMLSupport",
            dependencies: ["CLibXML2", "KnowledgeGraph"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KnowledgeGraph",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RDFFormats",
            dependencies: ["KnowledgeGraph", "XMLSupport"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PropertyGraph",
            dependencies: ["KnowledgeGraph", "XMLSupport", "RDFFormats"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GraphSynthesis",
            dependencies: ["KnowledgeGraph"],
            swiftSettings: swiftSettings
        ),
        // The format registry and the conversion pipeline: every format, how it is read and written.
        .target(
            name: "GraphFormats",
            dependencies: ["KnowledgeGraph", "RDFFormats", "PropertyGraph"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DatasetKit",
            dependencies: ["KnowledgeGraph", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // export as plain values: load, validate, render every artifact, commit all files together.
        .target(
            name: "ExportPipeline",
            dependencies: ["KnowledgeGraph", "DatasetKit", "GraphFormats", "RDFFormats", "PropertyGraph"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kgexport",
            dependencies: [
                "KnowledgeGraph", "GraphFormats", "DatasetKit", "ExportPipeline", "GraphSynthesis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"], swiftSettings: swiftSettings),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "KnowledgeGraph"], swiftSettings: swiftSettings),
        .testTarget(name: "RDFFormatsTests", dependencies: ["RDFFormats", "KnowledgeGraph", "RoundTripOracle", "GraphSynthesis"],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "PropertyGraphTests", dependencies: ["PropertyGraph", "RDFFormats", "KnowledgeGraph", "XMLSupport", "GraphSynthesis"],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "DatasetKitTests", dependencies: ["DatasetKit", "ExportPipeline", "GraphFormats", "RDFFormats", "PropertyGraph", "KnowledgeGraph", "RoundTripOracle"],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "GraphFormatsTests", dependencies: ["GraphFormats", "RDFFormats", "PropertyGraph", "KnowledgeGraph"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "GraphSynthesisTests", dependencies: ["GraphSynthesis", "KnowledgeGraph"], swiftSettings: swiftSettings),
        // The round-trip rules every graph a reader accepts must obey; used by the fuzz targets
        // and the round-trip tests, not shipped.
        .target(name: "RoundTripOracle", dependencies: ["KnowledgeGraph", "RDFFormats"], path: "Fuzz/RoundTripOracle",
                swiftSettings: swiftSettings),
        .testTarget(name: "kgexportTests", dependencies: ["kgexport", "GraphSynthesis", "KnowledgeGraph", "RDFFormats"],
                    exclude: ["BadInput"], swiftSettings: swiftSettings),
    ]
)

// libFuzzer targets, one per reader (sources in Fuzz/). They exist only when KGEXPORT_FUZZ is
// set, because they build only with -sanitize=fuzzer: see `make fuzz-smoke` and Fuzz/README.md.
if Context.environment["KGEXPORT_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", dependencies: ["KnowledgeGraph", "RoundTripOracle"], path: "Fuzz/FuzzSupport",
                swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzRDFXML", dependencies: ["FuzzSupport", "KnowledgeGraph", "RDFFormats"],
                          path: "Fuzz/FuzzRDFXML", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzNTriples", dependencies: ["FuzzSupport", "KnowledgeGraph", "RDFFormats"],
                          path: "Fuzz/FuzzNTriples", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzDataset", dependencies: ["FuzzSupport", "KnowledgeGraph", "DatasetKit", "GraphFormats"],
                          path: "Fuzz/FuzzDataset", swiftSettings: swiftSettings),
    ]
}
