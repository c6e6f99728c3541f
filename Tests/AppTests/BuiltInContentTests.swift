@testable import App
import CapableCore
import Foundation
import Testing

/// The built-in framework content in Sources/App/Assets/builtin/frameworks, checked against the source documents.
@Suite("Built-in framework content")
struct BuiltInContentTests {
    static let expectedFiles = ["core-values.json", "public-service-leadership.json", "trust-and-responsibility.json"]

    /// Decodes one file, which may hold one framework or an array of them.
    func decode(_ file: String) throws -> [FrameworkDocument] {
        let url = try #require(AppResources.url("builtin/frameworks/\(file)"), "missing \(file)")
        let data = try Data(contentsOf: url)
        if let many = try? JSONDecoder().decode([FrameworkDocument].self, from: data) { return many }
        return [try JSONDecoder().decode(FrameworkDocument.self, from: data)]
    }

    func all() throws -> [FrameworkDocument] {
        let folder = try #require(AppResources.url("builtin/frameworks"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(Set(Self.expectedFiles).isSubset(of: Set(files)))
        return try files.flatMap(decode)
    }

    func framework(_ kind: FrameworkDocument.Kind) throws -> FrameworkDocument {
        try #require(try all().first { $0.kind == kind })
    }

    @Test("Every file decodes and validates")
    func everyFileValidates() throws {
        let documents = try all()
        #expect(documents.count >= 3)
        for document in documents {
            #expect(FrameworkDocument.validate(document) == [], "\(document.title)")
        }
        let ids = documents.map(\.id) + documents.flatMap { $0.allElements().map(\.id) }
        #expect(Set(ids).count == ids.count, "ids are unique across all built-in frameworks")
    }

    @Test("Trust and responsibility: one principle, four capabilities, looks-like examples")
    func trustPrinciple() throws {
        let document = try framework(.guidingPrinciples)
        let principle = try #require(document.elements.first)
        #expect(principle.kind == .principle)
        #expect(principle.title == "We trust each other and take responsibility")
        #expect(principle.children.count == 4)
        for capability in principle.children {
            #expect(capability.kind == .capability)
            #expect(capability.whyItMatters?.isEmpty == false)
            #expect(capability.whatItMeansForMe?.isEmpty == false)
        }
        #expect(principle.children.map(\.title)[2] == "Manage risk")
        #expect(principle.children.map(\.title)[3] == "Make sure we comply with legislation and procedures")
        let looks = principle.indicators.filter { $0.kind == .looksLike }.map(\.text)
        let doesNot = principle.indicators.filter { $0.kind == .doesNotLookLike }.map(\.text)
        #expect(looks.count == 7)
        #expect(doesNot.count == 6)
        #expect(looks.first == "We face up to things – we learn from mistakes and move on")
        #expect(looks.contains("We make every penny count – we spend public money wisely"))
        #expect(doesNot.contains("Moaning but not doing anything about it"))
        #expect(doesNot.last == "Saying one thing and doing another")
        #expect(principle.links == [.init(type: .supports, target: "organisational:Ensuring accountability, transparency and openness")])
        #expect(principle.children[2].whyItMatters?.hasPrefix("Everything we do comes with some degree of risk – even crossing the road.") == true)
    }

    @Test("Core values: four values, staff behaviours, manager behaviours and standards")
    func coreValues() throws {
        let document = try framework(.coreValues)
        #expect(document.implementedOn == "2006-05-26")
        #expect(document.amendedOn == "2012-05-01")
        #expect(document.datesAsWritten?.contains("May 2012") == true)
        #expect(document.elements.map(\.title) == ["Achieving results", "Valuing diversity", "Learning effectively", "Engaging with others"])
        for value in document.elements {
            #expect(value.kind == .value)
            #expect(value.children.contains { $0.kind == .behaviour && $0.audience == .allStaff })
            #expect(value.children.contains { $0.kind == .behaviour && $0.audience == .managers })
            #expect(value.children.contains { $0.kind == .standard && $0.audience == .managers })
        }
        let engaging = try #require(document.elements.last)
        #expect(engaging.children.filter { $0.audience == .allStaff }.map(\.statement) == [
            "Showing respect", "Creating opportunities for involvement", "Influencing others",
            "Communicating well", "Building relationships and partnerships",
        ])
        let learning = document.elements[2]
        #expect(learning.statement == "We are a learning organisation. We take responsibility for our own learning and share our learning with others.")
        #expect(learning.children.contains { $0.kind == .standard && $0.statement == "Ensures all staff have a PDR and a PDP and regular process review" })
        #expect(document.elements[0].children.contains {
            $0.audience == .managers && $0.statement == "Demonstrating resilience, consistent decision making and sound judgement"
        })
    }

    @Test("Public-service leadership: themes, undervalued skills, SOLACE skills")
    func leadership() throws {
        let document = try framework(.leadership)
        let all = document.allElements()
        #expect(all.allSatisfy { $0.audience == .leaders })
        let titles = document.elements.map(\.title)
        for theme in ["System leadership of place", "(Leaders) willing to work with community empowerment and sustainability",
                      "Relationship-based leadership", "Safe working: psychological and physical"] {
            #expect(titles.contains(theme), "\(theme)")
        }
        let skills = all.filter { $0.kind == .skill }.map(\.title)
        for skill in ["Collaboration", "Humility", "Listening", "Empathy", "Integrity"] {
            #expect(skills.contains(skill), "\(skill)")
        }
        let solace = try #require(all.first { $0.title == "Leading through trust" })
        #expect(solace.statement == "creating a motivational environment where others will have enough trust to follow them, even when the way ahead is not clear (7).")
        #expect(all.contains { $0.statement == "being entrepreneurial, innovative and solution-focused" })
        #expect(all.contains { $0.title == "Managing by outcomes not presenteeism" })
    }
}
