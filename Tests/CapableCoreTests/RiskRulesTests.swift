import Foundation
import Testing
@testable import CapableCore

@Suite struct RiskRulesTests {
    let matrix = RiskMatrix.standard

    @Test func scoresAndBandsOnTheStandardMatrix() {
        let expected: [(Int, Int, String)] = [(1, 1, "Low"), (2, 2, "Low"), (1, 5, "Medium"), (3, 3, "Medium"), (2, 5, "High"), (3, 5, "High"),
                                              (4, 4, "Very high"), (5, 5, "Very high")]
        for (likelihood, impact, band) in expected {
            let rating = RiskMatrix.Rating(likelihood: likelihood, impact: impact)
            #expect(matrix.band(for: rating.score)?.name == band, "\(likelihood) x \(impact)")
        }
        #expect(matrix.describe(.init(likelihood: 4, impact: 3)) == "High (12: Likely x Moderate)")
        #expect(matrix.maxScore == 25)
    }

    @Test func ratingsOffTheMatrixAreRefusedByField() {
        #expect(matrix.problems(.init(likelihood: 6, impact: 0)).map(\.field) == ["likelihood", "impact"])
        #expect(matrix.problems(.init(likelihood: 0, impact: 3)).first?.message == "Choose a likelihood from 1 (Rare) to 5 (Almost certain)")
        #expect(matrix.problems(.init(likelihood: 5, impact: 5)).isEmpty)
        #expect(matrix.describe(.init(likelihood: 9, impact: 1)) == "Not on the matrix")
    }

    @Test func appetiteDecidesWhatIsOutside() {
        let defaults = Dictionary(uniqueKeysWithValues: RiskAppetite.defaults.map { ($0.category, $0.appetite) })
        #expect(defaults["compliance"] == .cautious)
        #expect(defaults["operational"] == .open)
        let twelve = RiskMatrix.Rating(likelihood: 4, impact: 3)
        #expect(RiskRules.outsideAppetite(current: twelve, ceiling: RiskAppetite.cautious.defaultCeiling))
        #expect(!RiskRules.outsideAppetite(current: twelve, ceiling: RiskAppetite.open.defaultCeiling))
        #expect(RiskAppetite.allCases.map(\.defaultCeiling) == [4, 6, 9, 12, 15])
    }

    @Test func aTargetAboveInherentNeedsAReason() {
        let inherent = RiskMatrix.Rating(likelihood: 3, impact: 3), worse = RiskMatrix.Rating(likelihood: 4, impact: 3)
        #expect(RiskRules.targetProblem(inherent: inherent, target: worse, reason: "  ") == "The target score (12) is above the inherent score (9): give the reason")
        #expect(RiskRules.targetProblem(inherent: inherent, target: worse, reason: "New statutory duty from April") == nil)
        #expect(RiskRules.targetProblem(inherent: inherent, target: .init(likelihood: 2, impact: 2), reason: nil) == nil)
    }

    @Test func escalationGoesOnlyUpTheLine() {
        let team = UUID(), service = UUID(), directorate = UUID(), otherTeam = UUID()
        let ancestors = [service, directorate]
        #expect(RiskRules.canEscalate(fromUnit: team, toUnit: service, ancestorsOfFrom: ancestors))
        #expect(RiskRules.canEscalate(fromUnit: team, toUnit: nil, ancestorsOfFrom: ancestors), "the corporate register is above all")
        #expect(!RiskRules.canEscalate(fromUnit: team, toUnit: otherTeam, ancestorsOfFrom: ancestors))
        #expect(!RiskRules.canEscalate(fromUnit: team, toUnit: team, ancestorsOfFrom: ancestors))
        #expect(!RiskRules.canEscalate(fromUnit: nil, toUnit: nil, ancestorsOfFrom: []), "nothing is above the corporate register")
    }
}

@Suite struct RiskHeatMapTests {
    @Test func countsEachCellAndBandAndKeepsOffMatrixRatings() {
        let matrix = RiskMatrix.standard
        let ratings: [RiskMatrix.Rating] = [.init(likelihood: 4, impact: 4), .init(likelihood: 4, impact: 4), .init(likelihood: 1, impact: 2),
                                            .init(likelihood: 3, impact: 4), .init(likelihood: 7, impact: 1)]
        let map = RiskHeatMap(matrix: matrix, ratings: ratings)
        #expect(map.counts[3][3] == 2)
        #expect(map.counts[0][1] == 1)
        #expect(map.counts[2][3] == 1)
        #expect(map.offMatrix == 1)
        #expect(map.total == 5)
        #expect(map.byBand(matrix).map(\.count) == [1, 0, 1, 2])
        #expect(map.byBand(matrix).map(\.band) == ["Low", "Medium", "High", "Very high"])
    }

    @Test func directionOfTravelInWords() {
        let nine = RiskMatrix.Rating(likelihood: 3, impact: 3)
        #expect(RiskDirection.between(nil, nine) == .new)
        #expect(RiskDirection.between(nine, .init(likelihood: 4, impact: 3)).rawValue == "Increased")
        #expect(RiskDirection.between(nine, .init(likelihood: 2, impact: 3)) == .down)
        #expect(RiskDirection.between(nine, .init(likelihood: 3, impact: 3)) == .same)
    }
}
