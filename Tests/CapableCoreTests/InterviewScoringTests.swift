import CapableCore
import Foundation
import Testing

@Suite("Interview scoring and assessment methods")
struct InterviewScoringTests {
    @Test("A criterion's average counts only the scores given; a candidate's overall average weighs every scored criterion the same")
    func averages() {
        // setup
        let (one, two, three) = (UUID(), UUID(), UUID())
        let criteria = [
            InterviewScoring.CriterionScores(criterion: UUID(), scores: [one: 4, two: 3, three: nil]),
            InterviewScoring.CriterionScores(criterion: UUID(), scores: [one: 1, two: 2, three: 2]),
            InterviewScoring.CriterionScores(criterion: UUID(), scores: [one: nil]),
        ]

        // act
        let averages = criteria.map(\.average)
        let overall = InterviewScoring.overall(criteria)

        // check
        #expect(averages[0] == 3.5)
        #expect(averages[1] == 5.0 / 3.0)
        #expect(averages[2] == nil)
        #expect(overall == (3.5 + 5.0 / 3.0) / 2)
        #expect(InterviewScoring.format(overall) == "2.6")
        #expect(InterviewScoring.format(2.25) == "2.3")
        #expect(InterviewScoring.format(2.125) == "2.1")
        #expect(InterviewScoring.format(3) == "3.0")
        #expect(InterviewScoring.format(nil) == "–")
        #expect(InterviewScoring.overall([]) == nil)
    }

    @Test("Anchors run from 0, no evidence, to 4, strong evidence")
    func anchors() {
        #expect(InterviewScoring.anchors.map(\.score) == Array(InterviewScoring.range))
        #expect(InterviewScoring.label(0) == "0 – No evidence")
        #expect(InterviewScoring.label(4) == "4 – Strong evidence")
    }

    @Test("Assessment methods are stored in a fixed order and read as words")
    func methods() {
        #expect(AssessmentMethod.encode([.test, .application]) == "application,test")
        #expect(AssessmentMethod.decode("interview, test,nonsense") == [.interview, .test])
        #expect(AssessmentMethod.words([.interview, .application]) == "Application and interview")
        #expect(AssessmentMethod.words([.test, .interview, .application]) == "Application, interview and test")
        #expect(AssessmentMethod.words([]) == "Not assessed")
    }
}
