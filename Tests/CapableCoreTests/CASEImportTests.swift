import CapableCore
import Foundation
import Testing

@Suite("CASE import")
struct CASEImportTests {
    let package = CASE.export(FrameworkFixture.sample(), baseURI: "https://capable.example/case", lastChange: Date(timeIntervalSince1970: 0))

    func problems(_ package: CFPackage) -> [String] {
        do throws(CASEImportError) {
            _ = try CASE.framework(from: package)
            return []
        } catch {
            return error.problems
        }
    }

    func problems(json: String) -> [String] {
        do throws(CASEImportError) {
            _ = try CASE.import(Data(json.utf8))
            return []
        } catch {
            return error.problems
        }
    }

    func item(_ code: String, in package: CFPackage) throws -> Int {
        try #require(package.items.firstIndex { $0.humanCodingScheme == code })
    }

    /// The isChildOf association that places the item with this code.
    func childOf(_ code: String, in package: CFPackage) throws -> Int {
        let id = package.items[try item(code, in: package)].identifier
        return try #require(package.associations.firstIndex { $0.associationType == "isChildOf" && $0.originNodeURI?.identifier == id })
    }

    func link(_ code: String, in package: CFPackage) throws -> CFLinkURI {
        let item = package.items[try item(code, in: package)]
        return CFLinkURI(title: item.abbreviatedStatement ?? "", identifier: item.identifier, uri: item.uri)
    }

    @Test("Text that is not JSON is refused, saying so")
    func notJSON() {
        // act
        let problems = problems(json: "{ \"CFDocument\": ")
        // check
        #expect(problems.count == 1)
        #expect(problems.first?.contains("not valid JSON") == true)
    }

    @Test("A value of the wrong type is reported with its path in the file")
    func wrongType() {
        // act
        let problems = problems(json: #"{"CFDocument": {"identifier": "x"}, "CFItems": [{"identifier": "a"}, {"identifier": 5}]}"#)
        // check
        #expect(problems.count == 1)
        #expect(problems.first?.contains("CFItems[1].identifier") == true)
    }

    @Test("A package without a CFDocument is refused")
    func noDocument() {
        // act
        let problems = problems(json: #"{"CFItems": [], "CFAssociations": []}"#)
        // check
        #expect(problems == ["The file has no CFDocument, so there is no framework to import."])
    }

    @Test("Missing, malformed and repeated identifiers are each reported, naming the item")
    func identifiers() throws {
        // setup
        var package = package
        package.items[try item("V1.C1.B1", in: package)].identifier = ""
        package.items[try item("V1.S1", in: package)].identifier = "not-a-uuid"
        package.items[try item("C2.N1", in: package)].identifier = package.items[try item("C2.K1", in: package)].identifier
        package.associations[0].identifier = "nope"
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains("CFItem V1.C1.B1 has no identifier."))
        #expect(problems.contains("CFItem V1.S1 (not-a-uuid) has the identifier “not-a-uuid”, which is not a UUID."))
        #expect(problems.contains { $0.hasPrefix("CFItem C2.N1 (") && $0.hasSuffix("has the same identifier as another CFItem.") })
        #expect(problems.contains("CFAssociation nope (isChildOf) has the identifier “nope”, which is not a UUID."))
        #expect(!problems.contains { $0.contains("more than one parent") })
    }

    @Test("An item that says it belongs to another document is refused")
    func otherDocument() throws {
        // setup
        var package = package
        let other = UUID().uuidString.lowercased()
        package.items[try item("C2", in: package)].documentURI = CFLinkURI(title: "Other", identifier: other, uri: "urn:x")
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.hasPrefix("CFItem C2 (") && $0.contains("belongs to another CFDocument (\(other))") })
    }

    @Test("Associations whose ends are not in the package are named")
    func dangling() throws {
        // setup
        var package = package
        let missing = UUID().uuidString.lowercased()
        let placing = try childOf("V1.S1", in: package)
        package.associations[placing].destinationNodeURI?.identifier = missing
        var orphan = package.associations[placing]
        orphan.identifier = UUID().uuidString.lowercased()
        orphan.originNodeURI?.identifier = "11111111-2222-4333-8444-555555555555"
        package.associations.append(orphan)
        // act
        let problems = problems(package)
        // check
        let name = package.associations[placing].identifier
        #expect(problems.contains("CFAssociation \(name) (isChildOf): its destination “\(missing)” is not in the package."))
        #expect(problems.contains("CFAssociation \(orphan.identifier) (isChildOf): its origin “11111111-2222-4333-8444-555555555555” is not a CFItem in the package."))
    }

    @Test("An item with two parents is refused, naming both")
    func twoParents() throws {
        // setup
        var package = package
        var second = package.associations[try childOf("V1.C1.B1", in: package)]
        second.identifier = UUID().uuidString.lowercased()
        second.destinationNodeURI = try link("C2", in: package)
        package.associations.append(second)
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.hasPrefix("CFItem V1.C1.B1 (") && $0.contains("has more than one parent (V1.C1, C2)") })
    }

    @Test("A loop of isChildOf is refused, naming the items in it")
    func loop() throws {
        // setup
        var package = package
        package.associations[try childOf("V1.C1", in: package)].destinationNodeURI = try link("V1.C1.B2", in: package)
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains("The CFItems V1.C1 → V1.C1.B2 → V1.C1 are each other's parents: their isChildOf associations go round in a loop."))
    }

    @Test("An element under the wrong kind of parent, or at the top level, is refused by name")
    func wrongParent() throws {
        // setup
        var package = package
        package.associations[try childOf("C2.K1", in: package)].destinationNodeURI = try link("V1", in: package)
        package.associations.remove(at: try childOf("V1.S1", in: package))
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains("The skill C2.K1 cannot sit under the value V1."))
        #expect(problems.contains("The standard V1.S1 cannot sit at the top level."))
    }

    @Test("An unknown CFItemType is refused, naming the item and the type")
    func unknownType() throws {
        // setup
        var package = package
        package.items[try item("C2.K1", in: package)].itemType = "Widget"
        package.items[try item("C2.N1", in: package)].itemType = nil
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.hasPrefix("CFItem C2.K1 (") && $0.contains("has the CFItemType “Widget”, which Capable does not know") })
        #expect(problems.contains { $0.hasPrefix("CFItem C2.N1 (") && $0.contains("has no CFItemType") })
    }

    @Test("Duplicate codes and empty titles are reported by validation, by code")
    func duplicateCodes() throws {
        // setup
        var package = package
        package.items[try item("C2.N1", in: package)].humanCodingScheme = "c2.k1"
        package.items[try item("V1.S1", in: package)].abbreviatedStatement = " "
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains("The code c2.k1 is used more than once."))
        #expect(problems.contains("The element V1.S1 has an empty title."))
    }

    @Test("Indicators must sit under an element and say which kind they are")
    func misplacedIndicators() throws {
        // setup
        var package = package
        let indicators = package.items.indices.filter { package.items[$0].itemType == "Indicator" }
        package.items[indicators[0]].conceptKeywords = ["nice"]
        let placing = try #require(package.associations.firstIndex { $0.originNodeURI?.identifier == package.items[indicators[1]].identifier })
        package.associations.remove(at: placing)
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.contains(package.items[indicators[0]].identifier) && $0.contains("conceptKeywords must be") })
        #expect(problems.contains("CFItem \(package.items[indicators[1]].identifier) is an Indicator, so it must sit under an element, not at the top level."))
    }

    @Test("Unknown values in Capable's extensions are named")
    func unknownExtensionValues() throws {
        // setup
        var package = package
        package.items[try item("V1", in: package)].extensions?.capable?.audience = "everyone"
        package.document?.extensions?.capable?.kind = "vibes"
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.hasPrefix("CFItem V1 (") && $0.contains("the audience “everyone”") })
        #expect(problems.contains { $0.hasPrefix("The CFDocument has the kind “vibes”") })
    }

    @Test("Every problem is reported at once, each only once")
    func everyProblem() throws {
        // setup
        var package = package
        package.items[try item("C2.K1", in: package)].itemType = "Widget"
        package.items[try item("V1.S1", in: package)].identifier = ""
        package.items[try item("C2.N1", in: package)].humanCodingScheme = "V1"
        // act
        let problems = problems(package)
        // check
        #expect(problems.contains { $0.hasPrefix("CFItem C2.K1 (") && $0.contains("Widget") })
        #expect(problems.contains("CFItem V1.S1 has no identifier."))
        #expect(problems.contains("The code V1 is used more than once."))
        #expect(Set(problems).count == problems.count)
    }

    @Test("A plain CASE file from another tool imports with sensible defaults")
    func foreignFile() throws {
        // setup
        let json = """
        {"CFDocument": {"identifier": "c5fb0a3e-0000-4000-8000-000000000001", "uri": "https://x/d", "creator": "Elsewhere",
                        "title": "Borrowed", "lastChangeDateTime": "2024-01-01T00:00:00+00:00", "adoptionStatus": "Private Draft",
                        "version": "2.5", "extensions": {"other": {"a": 1}}},
         "CFItems": [
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000003", "uri": "https://x/3", "fullStatement": "Second",
            "CFItemType": "Behavior", "humanCodingScheme": "B.2", "lastChangeDateTime": "2024-01-01T00:00:00.000Z"},
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000002", "uri": "https://x/2", "fullStatement": "Cap",
            "CFItemType": "capability", "humanCodingScheme": "C", "lastChangeDateTime": "2024-01-01T00:00:00Z"},
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000004", "uri": "https://x/4", "fullStatement": "First",
            "CFItemType": "Behaviour", "humanCodingScheme": "B.1", "lastChangeDateTime": "2024-01-01T00:00:00Z"}],
         "CFAssociations": [
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000010", "uri": "https://x/a", "associationType": "isChildOf",
            "originNodeURI": {"title": "", "identifier": "c5fb0a3e-0000-4000-8000-000000000003", "uri": "https://x/3"},
            "destinationNodeURI": {"title": "", "identifier": "c5fb0a3e-0000-4000-8000-000000000002", "uri": "https://x/2"},
            "lastChangeDateTime": "2024-01-01T00:00:00Z"},
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000011", "uri": "https://x/b", "associationType": "isChildOf",
            "originNodeURI": {"title": "", "identifier": "c5fb0a3e-0000-4000-8000-000000000004", "uri": "https://x/4"},
            "destinationNodeURI": {"title": "", "identifier": "c5fb0a3e-0000-4000-8000-000000000002", "uri": "https://x/2"},
            "sequenceNumber": 1, "lastChangeDateTime": "2024-01-01T00:00:00Z"},
           {"identifier": "c5fb0a3e-0000-4000-8000-000000000012", "uri": "https://x/c", "associationType": "exactMatchOf",
            "originNodeURI": {"title": "", "identifier": "c5fb0a3e-0000-4000-8000-000000000004", "uri": "https://x/4"},
            "destinationNodeURI": {"title": "", "identifier": "elsewhere", "uri": "https://y/1"},
            "lastChangeDateTime": "2024-01-01T00:00:00Z"}]}
        """
        // act
        let document = try CASE.import(Data(json.utf8))
        // check
        #expect(document.status == .draft)
        #expect(document.kind == .custom)
        #expect(document.version == 2)
        #expect(document.owner == "Elsewhere")
        #expect(document.source == "https://x/d")
        #expect(document.elements.map(\.code) == ["C"])
        let capability = try #require(document.elements.first)
        #expect(capability.title == "Cap")
        #expect(capability.children.map(\.code) == ["B.1", "B.2"])
        #expect(capability.children.map(\.kind) == [.behaviour, .behaviour])
        #expect(capability.children.allSatisfy { $0.audience == .allStaff && $0.links.isEmpty })
    }
}
