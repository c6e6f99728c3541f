import Foundation
import Testing
@testable import CapableCore

@Suite struct PulseResultsTests {
    // Council > Directorate > {Red, Blue}; Council > Other
    let council = UUID(), directorate = UUID(), red = UUID(), blue = UUID(), other = UUID()
    var units: [AudienceUnit] {
        [.init(id: council, parentID: nil), .init(id: directorate, parentID: council), .init(id: red, parentID: directorate),
         .init(id: blue, parentID: directorate), .init(id: other, parentID: council)]
    }

    func answers(_ n: Int, in unit: UUID?, score: Int = 4) -> [PulseResults.Response] {
        Array(repeating: .init(unitID: unit, scores: ["trust": score]), count: n)
    }

    @Test func aSmallTeamFoldsIntoItsParentAndGroupsNeverOverlap() {
        // setup: 6 in Red, 4 in Blue, 1 in the directorate itself
        let responses = answers(6, in: red, score: 5) + answers(4, in: blue, score: 2) + answers(1, in: directorate, score: 3)
        // act
        let outcome = PulseResults.group(responses, units: units)
        // check
        #expect(outcome.groups.map(\.unitID) == [red, directorate])
        #expect(outcome.groups.map(\.respondents) == [6, 5])
        #expect(outcome.groups[1].foldedIn == [blue])
        #expect(outcome.foldedInto[blue] == .some(directorate))
        #expect(outcome.groups[0].summary["trust"]?.average == 5)
        #expect(outcome.groups[1].summary["trust"]?.average == 2.2, "4 x 2 and 1 x 3")
        #expect(outcome.groups.map(\.respondents).reduce(0, +) == outcome.respondents, "every answer in exactly one shown group")
        #expect(outcome.overall?["trust"]?.answered == 11)
        #expect(outcome.unshown == 0)
    }

    @Test func tooFewAtTheTopAreHiddenAndSoIsTheWhole() {
        // 6 in Red, 4 in Blue: Blue folds to the directorate (4), then the council (4), and stops.
        let outcome = PulseResults.group(answers(6, in: red) + answers(4, in: blue), units: units)
        #expect(outcome.groups.map(\.unitID) == [red])
        #expect(outcome.foldedInto[blue] == .some(nil), "counted in no shown group")
        #expect(outcome.unshown == 4)
        #expect(outcome.overall == nil, "the whole minus Red would reveal Blue's four")
    }

    @Test func foldsCarryOnUpUntilThereAreEnough() {
        let outcome = PulseResults.group(answers(3, in: blue) + answers(2, in: other) + answers(5, in: red), units: units)
        // Blue (3) -> directorate (3) -> council (3 + Other's 2 = 5)
        #expect(Set(outcome.groups.map(\.unitID)) == [red, council])
        let top = outcome.groups.first { $0.unitID == council }
        #expect(Set(top?.foldedIn ?? []) == [blue, directorate, other])
        #expect(outcome.foldedInto[blue] == .some(council))
        #expect(outcome.overall != nil)
    }

    @Test func answersWithoutAUnitCountOnlyInTheWhole() {
        let few = PulseResults.group(answers(5, in: red) + answers(2, in: nil), units: units)
        #expect(few.overall == nil && few.unshown == 2)
        let enough = PulseResults.group(answers(5, in: red) + answers(5, in: nil), units: units)
        #expect(enough.overall?["trust"]?.answered == 10)
        #expect(PulseResults.group(answers(4, in: red), units: units).overall == nil)
    }

    @Test func summariesCountTheScaleAndIgnoreAnythingOffIt() {
        let summary = PulseResults.summarise([.init(unitID: nil, scores: ["q": 1]), .init(unitID: nil, scores: ["q": 5]),
                                              .init(unitID: nil, scores: ["q": 4]), .init(unitID: nil, scores: ["q": 9])])
        #expect(summary["q"]?.counts == [1, 0, 0, 1, 1])
        #expect(summary["q"]?.average == 3.3)
        #expect(summary["q"]?.agreePercent == 67)
    }
}
