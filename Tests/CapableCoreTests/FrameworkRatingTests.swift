import CapableCore
import Foundation
import Testing

@Suite("Rating against a framework")
struct FrameworkRatingTests {
    static func document() -> FrameworkDocument {
        func element(_ code: String, _ kind: FrameworkDocument.Element.Kind, _ audience: FrameworkDocument.Element.Audience,
                     indicators: [FrameworkDocument.Indicator] = [], children: [FrameworkDocument.Element] = []) -> FrameworkDocument.Element {
            .init(id: UUID(), code: code, kind: kind, title: code, statement: code, audience: audience, indicators: indicators, children: children)
        }
        return FrameworkDocument(id: UUID(), title: "V", description: "", owner: "O", kind: .coreValues, status: .published, version: 1,
                                 source: "", elements: [
            element("V1", .value, .allStaff, children: [element("V1.1", .behaviour, .allStaff), element("V1.M1", .behaviour, .managers)]),
            element("P", .principle, .allStaff, indicators: [.init(kind: .looksLike, text: "x")], children: [element("P.1", .capability, .allStaff)]),
        ])
    }

    @Test("Staff are rated on staff elements; managers on theirs too; a principle with its own examples is rateable")
    func audiences() {
        // setup
        let document = Self.document()
        // act
        let staff = document.rateableElements(for: [.allStaff]).map(\.code)
        let managers = document.rateableElements(for: [.allStaff, .managers]).map(\.code)
        let leaders = document.rateableElements(for: [.leaders]).map(\.code)
        // check
        #expect(staff == ["V1.1", "P", "P.1"])
        #expect(managers == ["V1.1", "V1.M1", "P", "P.1"])
        #expect(leaders == ["V1.1", "V1.M1", "P", "P.1"], "nothing written for leaders: offer everything rather than an empty form")
    }

    @Test("Ratings off the scale, unrated elements on submit, and elements not on the form are named")
    func problems() {
        // setup
        let document = Self.document()
        let form = document.rateableElements(for: [.allStaff])
        let stranger = UUID()
        // act
        let draft = document.ratingProblems([form[0].id: 5, form[1].id: 2], on: form, complete: false)
        let submitted = document.ratingProblems([form[0].id: 4, stranger: 3], on: form, complete: true)
        // check
        #expect(draft.map(\.message) == ["Rate V1.1 from 1 to 4"])
        #expect(Set(submitted.map(\.message)) == ["Rate P before submitting", "Rate P.1 before submitting",
                                                   "The element \(stranger.uuidString.lowercased()) is not on this form (level 3)"])
    }
}
