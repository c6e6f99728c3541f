import CapableCore
import Foundation
import Testing

@Suite("CASE export")
struct CASEExportTests {
    static let base = "https://capable.example/ims/case/v1p1"
    static let stamp = Date(timeIntervalSince1970: 1_700_000_000)

    func export(_ document: FrameworkDocument) -> CFPackage {
        CASE.export(document, baseURI: Self.base + "/", lastChange: Self.stamp)
    }

    @Test("Export then import gives back each built-in framework, and the sample", arguments: 0..<4)
    func roundTrip(_ which: Int) throws {
        // setup
        let document = try FrameworkFixture.all()[which]
        // act
        let data = try CASE.encode(export(document))
        let imported = try CASE.import(data)
        // check
        #expect(imported == document)
    }

    @Test("Each element and indicator is an item with one isChildOf, numbered from 1 among its siblings", arguments: 0..<4)
    func structure(_ which: Int) throws {
        // setup
        let document = try FrameworkFixture.all()[which]
        let elements = document.allElements()
        let indicators = elements.reduce(0) { $0 + $1.indicators.count }
        // act
        let package = export(document)
        // check
        let childOf = package.associations.filter { $0.associationType == "isChildOf" }
        #expect(package.items.count == elements.count + indicators)
        #expect(childOf.count == elements.count + indicators)
        #expect(Set(childOf.compactMap { $0.originNodeURI?.identifier }).count == childOf.count)
        let kinds = Dictionary(uniqueKeysWithValues: package.items.map { ($0.identifier, $0.itemType ?? "") })
        let byParent = Dictionary(grouping: childOf) { association in
            "\(association.destinationNodeURI?.identifier ?? "")/\(kinds[association.originNodeURI?.identifier ?? ""] == "Indicator")"
        }
        for siblings in byParent.values {
            #expect(siblings.compactMap(\.sequenceNumber).sorted() == Array(1...siblings.count))
        }
        let topLevel = childOf.filter { $0.destinationNodeURI?.identifier == document.id.uuidString.lowercased() }
        #expect(topLevel.count == document.elements.count)
        for element in elements {
            let item = try #require(package.items.first { $0.identifier == element.id.uuidString.lowercased() })
            #expect(item.humanCodingScheme == element.code)
            #expect(item.abbreviatedStatement == element.title)
            #expect(item.fullStatement == element.statement)
            #expect(item.itemType == element.kind.rawValue.prefix(1).uppercased() + element.kind.rawValue.dropFirst())
        }
        #expect(Set(package.items.compactMap(\.itemType)).isSubset(of:
            ["Principle", "Value", "Capability", "Behaviour", "Standard", "Skill", "Knowledge", "Indicator"]))
    }

    @Test("The document carries the framework's fields, the rest in extensions.capable")
    func document() throws {
        // act
        let package = export(FrameworkFixture.sample())
        // check
        let document = try #require(package.document)
        #expect(document.identifier == FrameworkFixture.id(99).uuidString.lowercased())
        #expect(document.uri == Self.base + "/CFDocuments/" + document.identifier)
        #expect(document.creator == "Test Council")
        #expect(document.adoptionStatus == "Deprecated")
        #expect(document.version == "3")
        #expect(document.statusStartDate == "2020-01-31")
        #expect(document.lastChangeDateTime == "2023-11-14T22:13:20Z")
        #expect(document.caseVersion == "1.1")
        #expect(document.extensions?.capable?.status == "superseded")
        #expect(document.extensions?.capable?.kind == "guidingPrinciples")
        #expect(document.extensions?.capable?.ratingScale?.count == 2)
    }

    @Test("Indicators are items with a concept keyword and a reproducible identifier")
    func indicators() throws {
        // setup
        let sample = FrameworkFixture.sample()
        // act
        let first = export(sample), second = export(sample)
        // check
        #expect(first == second)
        let indicators = first.items.filter { $0.itemType == "Indicator" }
        #expect(indicators.map(\.fullStatement) == ["Shares credit", "Hoards information", "=SUM(A1)", "'=already quoted",
                                                    "''+two apostrophes", "'plain"])
        #expect(indicators.map { $0.conceptKeywords ?? [] } == [["looks like"], ["doesn't look like"], ["looks like"],
                                                                 ["looks like"], ["doesn't look like"], ["doesn't look like"]])
        #expect(indicators.allSatisfy { UUID(uuidString: $0.identifier) != nil && $0.identifier == $0.identifier.lowercased() })
    }

    @Test("Links are isRelatedTo; supports is marked in extensions; organisational capabilities get a URN")
    func links() throws {
        // act
        let package = export(FrameworkFixture.sample())
        // check
        let origin = FrameworkFixture.capability.uuidString.lowercased()
        let links = package.associations.filter { $0.originNodeURI?.identifier == origin && $0.associationType != "isChildOf" }
        #expect(links.map(\.associationType) == ["isRelatedTo", "isRelatedTo", "isRelatedTo"])
        #expect(links.map(\.sequenceNumber) == [1, 2, 3])
        #expect(links.map { $0.extensions?.capable?.linkType } == ["supports", nil, "supports"])
        let organisational = try #require(links.first?.destinationNodeURI)
        #expect(organisational.uri == "urn:capable:organisational-capability:Openness%2C%20trust%20%26%20%E2%80%9Cfairness%E2%80%9D%2F100%25")
        #expect(organisational.title == "Openness, trust & “fairness”/100%")
        #expect(organisational.targetType == "ext:capable-organisational-capability")
        #expect(links[1].destinationNodeURI?.identifier == FrameworkFixture.behaviour2.uuidString.lowercased())
        #expect(links[1].extensions?.capable?.target == FrameworkFixture.behaviour2.uuidString)
        #expect(links[2].extensions?.capable?.target == nil)
    }

    @Test("The JSON has sorted keys, the spec's names, and no CFDocumentURI on packaged items")
    func json() throws {
        // act
        let data = try CASE.encode(export(FrameworkFixture.sample()))
        // check
        let text = try #require(String(data: data, encoding: .utf8))
        for name in ["\"CFDocument\"", "\"CFItems\"", "\"CFAssociations\"", "\"CFItemType\"", "\"originNodeURI\"",
                     "\"destinationNodeURI\"", "\"humanCodingScheme\"", "\"extensions\"", "\"capable\""] {
            #expect(text.contains(name), "missing \(name)")
        }
        #expect(!text.contains("CFDocumentURI"))
        #expect(text.contains("https://capable.example/ims/case/v1p1/CFItems/"))
        let reencoded = try CASE.encode(try JSONDecoder().decode(CFPackage.self, from: data))
        #expect(reencoded == data)
    }
}
