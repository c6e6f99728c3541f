// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capable",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "capable", targets: ["Capable"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .target(name: "CapableCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "App",
            dependencies: [
                "CapableCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Assets")]
        ),
        // glibc's mallopt, which Swift's Glibc module does not export.
        .target(name: "CMemory"),
        .executableTarget(name: "Capable", dependencies: ["App", "CMemory"]),
        .testTarget(name: "CapableCoreTests", dependencies: ["CapableCore"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
