import CapableCore
import Foundation
import Testing

/// The built-in frameworks, read from the app's assets, and a small framework that uses every field.
enum FrameworkFixture {
    typealias Element = FrameworkDocument.Element

    static let builtinNames = ["core-values", "public-service-leadership", "trust-and-responsibility"]

    /// The package root: this file is Tests/CapableCoreTests/FrameworkFixture.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func builtin(_ name: String) throws -> FrameworkDocument {
        let url = packageRoot.appendingPathComponent("Sources/App/Assets/builtin/frameworks/\(name).json")
        return try JSONDecoder().decode(FrameworkDocument.self, from: Data(contentsOf: url))
    }

    /// A fixed id, so tests can name elements: 00000000-0000-4000-8000-0000000000nn.
    static func id(_ number: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, number))
    }

    static let value = id(1), capability = id(2), behaviour1 = id(3), behaviour2 = id(0xB4), standard = id(5)
    static let capability2 = id(6), skill = id(7), knowledge = id(8)

    /// V1 (value) > V1.C1 (capability) > V1.C1.B1, V1.C1.B2 (behaviours); V1 > V1.S1 (standard);
    /// C2 (capability) > C2.K1 (skill), C2.N1 (knowledge). Every optional field is filled somewhere,
    /// including cells a spreadsheet would take for formulas and an upper-case link target.
    static func sample() -> FrameworkDocument {
        let behaviour1 = Element(id: behaviour1, code: "V1.C1.B1", kind: .behaviour, title: "Listens", statement: "Listens to people.",
                                 audience: .allStaff)
        let behaviour2 = Element(
            id: behaviour2, code: "V1.C1.B2", kind: .behaviour, title: "=Counts", statement: "-1 is a number, @all.", audience: .managers,
            indicators: [.init(kind: .looksLike, text: "=SUM(A1)"), .init(kind: .looksLike, text: "'=already quoted"),
                         .init(kind: .doesNotLookLike, text: "''+two apostrophes"), .init(kind: .doesNotLookLike, text: "'plain")])
        let capability = Element(
            id: capability, code: "V1.C1", kind: .capability, title: "Working together", statement: "We work as one team.",
            audience: .managers, whyItMatters: "Because, \"together\", we do more.", whatItMeansForMe: "Line one\nline two",
            indicators: [.init(kind: .looksLike, text: "Shares credit"), .init(kind: .doesNotLookLike, text: "Hoards information")],
            links: [.organisational("Openness, trust & “fairness”/100%"),
                    .init(type: .relatedTo, target: Self.behaviour2.uuidString),
                    .init(type: .supports, target: Self.skill.uuidString.lowercased())],
            children: [behaviour1, behaviour2])
        let standard = Element(id: standard, code: "V1.S1", kind: .standard, title: "Is on time", statement: "Arrives on time.",
                               audience: .leaders)
        let value = Element(id: value, code: "V1", kind: .value, title: "Teamwork", statement: "We value teamwork.",
                            audience: .allStaff, children: [capability, standard])
        let capability2 = Element(
            id: capability2, code: "C2", kind: .capability, title: "Expertise", statement: "We know our trade.", audience: .allStaff,
            links: [.organisational("Value for money", type: .relatedTo)],
            children: [
                Element(id: skill, code: "C2.K1", kind: .skill, title: "Spreadsheets", statement: "Uses spreadsheets.", audience: .allStaff),
                Element(id: knowledge, code: "C2.N1", kind: .knowledge, title: "Law", statement: "Knows the law.", audience: .allStaff),
            ])
        return FrameworkDocument(
            id: id(99), title: "Sample framework", description: "For tests.", owner: "Test Council", kind: .guidingPrinciples,
            status: .superseded, version: 3, implementedOn: "2020-01-31", amendedOn: "2021-02-28", datesAsWritten: "January 2020",
            source: "sample.txt", elements: [value, capability2],
            scale: [ScaleLevel(value: 1, label: "No", description: "Not seen."),
                    ScaleLevel(value: 2, label: "Yes", description: "Seen.")])
    }

    /// Every built-in framework and the sample, for round trips.
    static func all() throws -> [FrameworkDocument] {
        try builtinNames.map(builtin) + [sample()]
    }
}
