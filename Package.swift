// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReachGraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReachGraphCore", targets: ["ReachGraphCore"]),
        .library(name: "ReachGraph", targets: ["ReachGraph"]),
        .library(name: "ReachGraphviz", targets: ["ReachGraphviz"]),
        .library(name: "ReachGraphSample", targets: ["ReachGraphSample"]),
        .library(name: "ReachGraphStore", targets: ["ReachGraphStore"]),
        .executable(name: "reachgraph", targets: ["reachgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "ReachGraphCore", dependencies: [.product(name: "Algorithms", package: "swift-algorithms")]),
        .target(
            name: "ReachGraph",
            dependencies: [
                "ReachGraphCore",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        .target(name: "ReachGraphSample", dependencies: ["ReachGraphCore", "ReachGraph"]),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "ReachGraphviz", dependencies: ["ReachGraph", "CGraphviz"]),
        .target(
            name: "ReachGraphStore",
            dependencies: ["ReachGraphCore", "ReachGraph", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "reachgraph",
            dependencies: [
                "ReachGraph",
                "ReachGraphSample",
                "ReachGraphviz",
                "ReachGraphStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "reachgraph-benchmark",
            dependencies: ["ReachGraph"],
            path: "Benchmarks/Sources/reachgraph-benchmark"
        ),
        .testTarget(name: "ReachGraphCoreTests", dependencies: ["ReachGraphCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReachGraphTests", dependencies: ["ReachGraph"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReachGraphSampleTests", dependencies: ["ReachGraphSample", "ReachGraph"]),
        .testTarget(name: "SparkTests", dependencies: ["ReachGraph", "ReachGraphSample", "ReachGraphviz"]),
        .testTarget(name: "ReachGraphvizTests", dependencies: ["ReachGraphviz", "ReachGraphSample"]),
        .testTarget(name: "ReachGraphStoreTests", dependencies: ["ReachGraphStore"], exclude: ["Scripts"]),
        .testTarget(name: "reachgraphTests", dependencies: ["reachgraph"]),
        .testTarget(name: "DocumentationTests", dependencies: ["ReachGraphCore", "ReachGraph", "ReachGraphviz"]),
    ],
    swiftLanguageModes: [.v6]
)
