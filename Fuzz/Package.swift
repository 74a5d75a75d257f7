// swift-tools-version:6.0
// The fuzz targets of ReachGraph's readers, built with libFuzzer and AddressSanitizer by `run`
// (see README.md). `run` links each target by hand: SwiftPM's `--defsym main=…` for executables
// breaks the link with `-sanitize=fuzzer`. `.root/ReachGraph` is a link to the repository that
// `run` makes, so the dependency has the same name wherever the repository is checked out.
import PackageDescription

let package = Package(
    name: "ReachGraphFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: ".root/ReachGraph")],
    targets: [
        .target(name: "FuzzTargets", dependencies: [.product(name: "ReachGraph", package: "ReachGraph")]),
    ],
    swiftLanguageModes: [.v6]
)
